// Package readonlytoken defines the analyzer behind rule ATL501: a
// read-only Data Center token used for a write request.
//
// # Analyzer readonlytoken
//
// readonlytoken: report read-only Data Center tokens used for write requests
//
// Rule ATL501. The Data Center "API Token Authentication" app issues
// read-only tokens (GET and HEAD only) and read/write tokens; a POST, PUT,
// PATCH or DELETE with a read-only token is forbidden and audited. Name
// where the project's read-only tokens come from with the repeatable flag
// -readonlytoken.source (in .atlint.yml: "read-only-tokens: [...]"); with
// no source the rule is silent. A source is one of:
//
//	JIRA_RO_TOKEN           an environment variable read with os.Getenv or os.LookupEnv
//	config.ReadOnlyToken    a constant or package-level variable of package config
//	                        (package name or import path: example.com/app/config.ReadOnlyToken),
//	                        or the field ReadOnlyToken of a struct type named config
//	Settings.ROToken        the field ROToken of a struct type named Settings
//	config.Settings.ROToken the field ROToken of type Settings in package config
//
// The requests and the credentials that reach them come from atlint's
// request model (model.Result.Requests): a credential reaches a request
// through variables, struct fields, helper functions of the package
// (func auth(r *http.Request) { r.SetBasicAuth(u, roToken) } called
// before the request is sent), Clone and WithContext, an *http.Client
// whose transport carries it, and the go-jira or go-atlassian client it is
// set on. Within the function of the auth sink the token is followed
// through assignments, declarations, struct fields, concatenation and the
// fmt, strings and encoding helpers; a token a helper gets as a parameter
// counts for the requests its caller passes in the same call.
//
// It reports a request with a constant method other than GET or HEAD
// (http.MethodPost, "DELETE"...) that carries the token: http.NewRequest,
// NewRequestWithContext, a go-jira or go-atlassian client's NewRequest or
// NewRawRequest, an http.Request literal, req.Method = ...; Post and
// PostForm of an *http.Client whose transport carries it; and go-jira and
// go-atlassian service methods whose request is a write
// according to atlint's library tables (for go-jira's Create, Update,
// UpdateWithOptions, Delete and their WithContext forms and go-atlassian's
// Create, Update and Delete the name decides when the tables lack the
// method). A method that is not a constant is not reported.
package readonlytoken

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
