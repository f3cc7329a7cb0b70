// Package deprecatedapi defines the analyzer behind rule ATL203: a call to
// an Atlassian REST operation that Atlassian's spec marks deprecated.
//
// # Analyzer deprecatedapi
//
// deprecatedapi: report calls to Atlassian REST operations the spec marks deprecated
//
// Rule ATL203, a warning. Atlassian removes deprecated REST operations
// after a notice period (Jira's GET and POST /rest/api/3/search, replaced
// by /rest/api/3/search/jql, are one example). Every outgoing request of
// the package (atlint's request model: net/http requests and clients,
// go-jira, go-atlassian and go-bitbucket client and service methods) whose
// HTTP method and URL path are constant enough is looked up in the REST
// scope table taken from Atlassian's published OpenAPI specs; the rule
// reports a call whose operation has "deprecated: true" in its spec, and
// a call to an operation that only an older spec lists (it is gone from
// the current one):
//
//	ATL203 GET /rest/api/3/search (searchForIssuesUsingJql) is deprecated in Atlassian's jira spec: use GET /rest/api/3/search/jql
//
// The replacement is named only when the spec's own text names it
// (atlint's data/deprecated-replacements.tsv, with the quoted sentence);
// otherwise the message says to look up the operation's documentation.
// The replacement itself is not reported, and neither are requests whose
// method or path is not constant.
package deprecatedapi

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
