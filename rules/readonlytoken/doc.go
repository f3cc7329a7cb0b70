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
// Within each function the token is followed through assignments,
// declarations, struct fields, concatenation and the fmt, strings and
// encoding helpers into an auth sink (SetBasicAuth, an Authorization
// header, go-jira BasicAuthTransport/PATAuthTransport/BearerAuthTransport,
// go-atlassian Auth.SetBasicAuth/SetBearerToken), and from there to what
// the credential is attached to: the *http.Request, the transport, the
// *http.Client built from it, the go-jira or go-atlassian client.
//
// It reports: a request created with a constant method other than GET or
// HEAD (http.MethodPost, "DELETE"...; http.NewRequest, NewRequestWithContext,
// a go-jira or go-atlassian client's NewRequest/NewRawRequest, an
// http.Request literal, req.Method = ...) that carries the token, or that
// an authenticated client sends (Do, Call); Post and PostForm of an
// *http.Client whose transport carries it; and the write methods of
// go-jira (Issue.Create, Update, UpdateWithOptions, Delete and their
// WithContext forms) and go-atlassian services (Create, Update, Delete)
// on a client that carries it. A method that is not a constant is not
// reported.
package readonlytoken
