// Package atlassian is atlint's catalog of Atlassian facts: the grammar and
// checksums of credentials, the URL forms of sites and of the API gateway,
// and the Jira Product Discovery GraphQL operations with the scopes they
// need. The facts come from ../shared/atlassian-facts.md; every rule reads
// them from here, never from its own copy.
//
// Nothing in this package touches the network.
package atlassian
