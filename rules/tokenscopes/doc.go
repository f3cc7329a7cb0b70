// Package tokenscopes defines the analyzer behind rule ATL202: a call whose
// Atlassian REST operation needs a scope the project's token lacks.
//
// # Analyzer tokenscopes
//
// tokenscopes: report calls whose operation needs a scope the declared token scopes lack
//
// Rule ATL202. Scoped API tokens and OAuth 2.0 apps get only the scopes
// they were created with; a call outside them fails with misleading
// errors (404 "Issue does not exist or you do not have permission to see
// it", 401 "scope does not match"). Declare the scopes of the project's
// token with -tokenscopes.token-scopes=a,b (in .atlint.yml: "token-scopes:
// [...]", the same setting that gives Jira Product Discovery GraphQL
// scopes to ATL302); with no scopes declared the rule is silent. Scope
// names are checked against Atlassian's specs: an unknown name is an error.
//
// Every outgoing request of the package (atlint's request model: net/http
// requests and clients, go-jira, go-atlassian and go-bitbucket client and
// service methods) whose HTTP method and URL path are constant enough is
// looked up in the REST scope table taken from Atlassian's published
// OpenAPI specs for Jira, Jira Software, Jira Service Management,
// Confluence and Bitbucket Cloud (site URLs, the
// api.atlassian.com/ex/{product}/{cloudId} gateway form, /rest/api/2
// under its /rest/api/3 template). An operation is satisfied by all of its
// classic scopes or all of its granular scopes. When the declared scopes
// hold neither set, the rule reports the call, naming the operation, the
// scopes missing from each set and so the set that would satisfy it:
//
//	ATL202 GET /rest/api/3/issue/{issueIdOrKey} (getIssue) needs scopes the token lacks: add read:issue:jira, read:user:jira (granular) or read:jira-work (classic)
//
// Requests whose method or path is not constant, and operations that are
// not in the specs, are not reported (atlint scopes lists them).
package tokenscopes

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
