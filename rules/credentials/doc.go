// Package credentials defines the analyzer behind rule ATL101, which finds
// Atlassian credentials written into Go source.
//
// # Analyzer credentials
//
// credentials: report hard-coded Atlassian credentials (ATL101)
//
// Rule ATL101. A token in the source is in every clone, fork, build cache and
// CI log of the code: once committed it must be treated as leaked. The rule
// looks at every constant string expression of a package: string and raw
// string literals, and concatenations of literals and named constants that
// the type checker folds ("ATATT3xFfGF0" + rest), wherever they stand (struct
// and map literals, arguments, return values, constant and variable
// declarations). It recognises credentials by grammar and checksum, so a
// finding is a real token, not a guess:
//
//	ATATT3xFfGF0…=XXXXXXXX  Cloud API token, CRC-32 of the rest in the last 8 hex digits
//	ATCTT3xFfGN0…=XXXXXXXX  Bitbucket Cloud access token, same CRC-32
//	ATSTT3xFfGF0…=XXXXXXXX  service-account API token, same CRC-32
//	ATBB + 32 characters     Bitbucket app password, CRC-32 of the first 28
//	BBDC- + 44 characters    Bitbucket Data Center HTTP access token, base64 of "12 digits:20 bytes"
//	44 characters of base64  Jira/Confluence/Bitbucket Data Center PAT, same structure (context only)
//	24 characters            legacy Cloud API token, MD5 of the first 20 in the last 4 (context only)
//
// The CRC-32 tokens are found at any length from 41 to 1024 characters (those
// issued today have 192) and with their '=' written as \=, %3D or %3d. A
// token is also found base64-encoded in a "Basic …" header value (the offsets
// are then those of the base64 text) and percent-encoded in the password of
// a URL (https://x-token-auth:TOKEN@bitbucket.org/…).
//
// Comments are source too (leaked tokens live in examples and notes): every
// // and /* */ comment is scanned with the same grammar and checksums. A
// finding in a comment says "in a comment" and has no fix: deleting the
// text does not make a leaked token safe; revoke it, then write a
// placeholder (<your-api-token>) in the example.
//
// The 24-character legacy tokens and the bare 44-character PATs have no
// prefix, so their checks pass by chance on about one word in 65,536: they
// are reported only with context. In a string or a comment, a token that is
// the value of an Atlassian-named key written before it is in context:
// JIRA_API_TOKEN=…, export JIRA_TOKEN=…, --jira-pat=…, confluence_token: …,
// "jiraToken": "…" (the name before '=' or ':'), or a credential word after
// an Atlassian name on the same line, as prose writes it ("Jira API token:
// …", "Confluence PAT = …"). In a string, context is
// also an Atlassian-named variable,
// constant, field, map key, function or composite-literal type (the name
// contains jira, confluence, atlassian, bitbucket, jpd or bbdc, in any
// case), a URL password on an Atlassian host or for x-token-auth, or a value
// that reaches an authentication sink: (*net/http.Request).SetBasicAuth,
// Header.Set/Add("Authorization", …), go-jira's BasicAuthTransport,
// PATAuthTransport and BearerAuthTransport, and go-atlassian's
// Auth.SetBasicAuth and Auth.SetBearerToken — directly, or through a
// constant or variable initialised with it.
//
// Checksum-invalid look-alikes stay silent (the samples in secret scanners'
// documentation are mostly such), and so do environment variable names,
// header names and values (X-Atlassian-Token: no-check), placeholders,
// UUIDs, account IDs (24 hex digits) and identifiers.
//
// A named constant is reported once, where its literal is written, not at
// every use. A finding in a _test.go file or under a testdata directory is
// reported too — a valid token in a test is still a leak — with "in test
// code" in the message.
//
// The message names the kind and shows the token redacted (prefix … last
// 4): revoke the token, then read it from the environment or a secret
// manager. For a Bitbucket app password (ATBB…) it also says that app
// passwords stopped working on 2026-07-28 and that a scoped API token, sent
// with the Atlassian account email as the username, replaces it; the fix
// reads BITBUCKET_API_TOKEN (the username must be changed by hand). This is
// the single finding for an app-password literal; ATL102 covers app
// passwords that are not literals.
//
// Fix. When the token is the whole value of the expression, the fix replaces the
// expression with os.Getenv("NAME"), NAME being the kind's variable
// (ATLASSIAN_API_TOKEN, BITBUCKET_ACCESS_TOKEN,
// ATLASSIAN_SERVICE_ACCOUNT_TOKEN, BITBUCKET_API_TOKEN, JIRA_PAT — or
// CONFLUENCE_PAT, BITBUCKET_DC_TOKEN when the context names the product; or
// the key itself when the token follows an Atlassian-named environment
// variable: "JIRA_API_TOKEN=" + os.Getenv("JIRA_API_TOKEN")). It
// adds the "os" import when the file lacks it (in the file's line endings
// and in gofmt's order among the standard-library imports), uses the file's own name for
// "os" when it imports it under another, and imports it as stdos when a local
// declaration shadows os. When the token is written plainly inside a longer
// value ("Bearer " + token, a URL with the token as its password), the fix
// keeps the rest: "Bearer " + os.Getenv("NAME"). A token that is escaped,
// base64-encoded or percent-encoded in its value, and a value that holds
// several tokens, get no fix: rewrite them by hand (url.UserPassword,
// req.SetBasicAuth(user, os.Getenv(...))).
//
// Go allows no call in a constant declaration, a struct tag or an array
// length, so there the finding has no fix and its message says what to do
// (make the constant a variable, or read the environment where it is used).
// Fixes are never offered in generated files.
//
// Flags:
//
//	-credentials.tests=true  report tokens in _test.go files and testdata (false: skip them)
//
// Suppression:
//
//	//atlint:ignore ATL101 revoked fixture token, kept to test the client
//
// on the line or the line above silences a finding. Revoke the token first:
// the directive does not make it safe.
package credentials

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
