// Package jpdgraphql defines the analyzer behind rules ATL301 and ATL302:
// Jira Product Discovery GraphQL operations that lost classic API token
// access.
//
// # Analyzer jpdgraphql
//
// jpdgraphql: report Jira Product Discovery GraphQL operations that lose API token access after 2026-10-31
//
// Atlassian's classic (unscoped) API tokens stop working for a set of Jira
// Product Discovery (JPD) operations of the Atlassian GraphQL gateway after
// 2026-10-31. The analyzer finds the GraphQL documents of a package and
// reports every listed operation used as a root field of a query, mutation
// or subscription:
//
//   - ATL301 (error): an operation that accepts no API token at all after the
//     cutoff (jiraProductDiscovery, the on… subscriptions such as
//     onInsightCreated, polarisGetEarliestOnboardedProjectForCloudId,
//     applyPolarisProjectTemplate, refreshPolarisSnippets). Call it with
//     OAuth 2.0 (3LO) or from a Forge app, or remove it.
//   - ATL302 (warning): an operation that needs a scoped (fine-grained) API
//     token; the message names the scope, e.g.
//     read:insight:jira-product-discovery for polarisInsights.
//
// Until 2026-10-31 (inclusive, UTC) messages say the operation "stops
// working after 2026-10-31"; from 2026-11-01 on they say it "stopped working
// on 2026-11-01" (Atlassian: the queries "stop accepting API Tokens after
// Oct 31, 2026").
//
// Where documents come from:
//
//   - string and raw string literals, named constants and constant
//     concatenations (the type checker folds them); a finding points at the
//     operation's name inside the literal, or at the constant's name in a
//     concatenation when the name comes from a constant declared elsewhere;
//   - fmt.Sprintf-style formats: verbs (%s, %q, %[1]d) are masked with
//     placeholders of the same length, so the format parses and positions
//     stay exact; an operation name supplied at run time is not seen;
//   - GraphQL-over-HTTP request bodies written as JSON in constant strings
//     (literals, constants, concatenations, formats): an object with a
//     string member "query" ({"query": "...", "variables": {...},
//     "operationName": "..."}) or a batch array of such objects. The
//     "query" string is decoded with encoding/json and read as a document; a finding points at the name inside the JSON
//     text, through its escapes (\", \n, \u0070). Only "query" members of
//     the top-level object or of the batch's objects count: a listed name
//     in another member ("description", "variables"), a nested "query" or
//     a "query" that is not a string (a search DSL) is not reported. A body
//     that is malformed after a whole "query" string (a fmt.Sprintf verb
//     standing for the variables) is still read; a "query" string cut by
//     the end of the constant (a runtime value follows) is read like a
//     truncated document; any other malformed body is read as before
//     (as a GraphQL document, which JSON is not);
//   - .graphql and .gql files embedded with //go:embed into a string, a
//     []byte or an embed.FS (patterns, globs and directories); findings point
//     into the .graphql file itself. The file is read with the driver's
//     Pass.ReadFile when it accepts it, which drivers do not for embedded
//     files, else from disk relative to the Go file's directory; when
//     neither works (nogo's sandbox) the file is skipped silently.
//     //atlint:ignore on the line of the //go:embed directive, or the line
//     above it, silences findings in the embedded file. Each finding has
//     the directive as related information; golangci-lint, which keeps only
//     findings in .go files, shows it at the directive, with the .graphql
//     position at the end of the message;
//   - struct-tag clients github.com/hasura/go-graphql-client and
//     github.com/shurcooL/graphql: the root fields of the struct passed to
//     Query, Mutate, Subscribe (and the Named…/…Raw variants) are its fields'
//     graphql tags (graphql:"polarisInsights(project: $p)", with or without
//     an alias) or, untagged, their lower-camel-cased names; embedded
//     structs and "... on Query" fields are inlined. A struct that reaches
//     Query only through another function is not seen;
//   - hasura's Exec/ExecRaw/SubscribeRaw, machinebox/graphql's
//     NewRequest(q) and github.com/Khan/genqlient's generated operation
//     constants (generated files are analysed) are constant strings and are
//     covered by the first item.
//
// Only strings that contain a listed name and a "{" are parsed (with
// github.com/vektah/gqlparser, without a schema). A listed name counts only
// as a root field: the same word in prose, in a GraphQL string, comment or
// variable, a nested field (a Jira issue's insight), an alias, or another
// gateway field (teams, compass, identity) is not reported.
//
// Malformed documents: a string that does not begin like a GraphQL document
// (prose, JSON other than a request body, Go code) is never reported. One that does but has a syntax
// error is reported for the listed root fields parsed before the first
// error, and for nothing after it. That is how a document cut by a runtime
// value looks ("query { polarisInsights(project: " + p + ") { id } }" leaves
// the constant "query { polarisInsights(project: "), and the operation is
// visibly called.
//
// OAuth: findings are dropped when the request is demonstrably sent with an
// OAuth 2.0 access token from golang.org/x/oauth2, which the cutoff does not
// concern. "Demonstrably" is narrow, all within one function (or a
// package-level variable) and one assignment deep:
//
//   - machinebox/graphql: req := graphql.NewRequest(doc) followed by
//     req.Header.Set("Authorization", "Bearer "+tok.AccessToken) where tok is
//     an oauth2.Token, or client.Run(ctx, req, …) with an OAuth client;
//   - a client built over an OAuth HTTP client: graphql.NewClient(url, hc)
//     (hasura, shurcooL, genqlient) or graphql.NewClient(url,
//     graphql.WithHTTPClient(hc)) (machinebox), where hc is returned by a
//     function or method of golang.org/x/oauth2 (oauth2.NewClient,
//     (*oauth2.Config).Client) or is an http.Client whose Transport is an
//     *oauth2.Transport; the client runs the struct query, Exec or Run.
//
// A named constant is dropped only when every use of it in the package is
// demonstrably OAuth. A Bearer header alone proves nothing: Atlassian
// service-account API tokens and Bitbucket access tokens are Bearer tokens
// too.
//
// Flags:
//
//   - -jpdgraphql.token-scopes=a,b declares the scopes of the project's
//     token (known JPD scopes only, e.g.
//     read:insight:jira-product-discovery); ATL302 then reports only
//     operations whose scope is missing, naming the scope to add. ATL301 is
//     unaffected: no scope helps.
//   - -jpdgraphql.now=2026-11-23 sets the date the messages are written for
//     (YYYY-MM-DD or RFC 3339; default: today).
//
// Findings have no suggested fixes: the fix is a different credential, not
// different code.
package jpdgraphql

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
