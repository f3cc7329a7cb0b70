// Package model is atlint's shared analysis model: one analyzer, [Analyzer],
// that every rule requires and that computes, once per package, what the
// rules have in common.
//
// Its result, a [*Result], holds:
//   - the package's files with their kinds (test, testdata, generated);
//   - every maximal constant string expression (literals, concatenations,
//     named constants folded by the type checker), with a map from offsets in
//     the value back to source positions ([StringConst]);
//   - the //atlint:ignore directives ([Directive]);
//   - the authentication sinks the package calls ([AuthSink]): Basic and
//     Bearer credentials handed to net/http, go-jira and go-atlassian.
//
// On demand, computed once per package and only for packages that import
// net/http or a known client library, it answers:
//   - [Result.Requests]: the outgoing requests ([Request]): every
//     http.NewRequest[WithContext], http.Get/Head/Post/PostForm and
//     (*http.Client) method, &http.Request{...} literal, go-jira or
//     go-atlassian client NewRequest, and library service method
//     (client.Issue.Create, looked up in atlint's library tables,
//     atlassian.LookupLibCall), each with its HTTP method (constant or
//     ""; a later req.Method = ... wins), its candidate URLs as templates
//     ([URL]: a constant origin and a path with "{}" holes for what is not
//     constant, "/rest/api/3/issue/{}"), its library, its client, and the
//     credentials that reach it ([Credential]). A request made in a
//     function of the package whose parameters give its method or URL (a
//     wrapper do(method, path string)) is evaluated once per call of that
//     function, with the call as [Request.Via] and its arguments bound to
//     the parameters: such a request appears once per call with the same
//     Node, so a rule that reports at Node dedupes by Node, and one that
//     reports per call uses [Request.Site]. [Request.Resolve] and
//     [Request.Operations] look the candidates up in the REST scope table
//     (atlassian.LookupOperation), with the reason when they do not
//     resolve;
//   - [Result.Reaches]: the links from each auth sink to the request or
//     client call it authenticates;
//   - [Result.Values] and [Result.URLs]: what a variable, field, parameter
//     or call of the package may hold, and the URL templates of a string
//     expression.
//
// Every walk shares one depth budget ([MaxDepth]) and one bound on
// candidates ([MaxCandidates]). The helpers in types.go ([Callee],
// [ConstString], [IsNamed], [FieldOwner]...) are the one place rules ask
// "is this function X" and "which struct declares this field".
//
// Rules report through a [Reporter], which adds the rule ID, applies
// //atlint:ignore directives, and drops fixes in generated files. A rule
// returns the reporter's [Reported] as its result, which is how the stale
// directive check (rule ATL001) learns which directives were used.
//
// The catalog of rule IDs, names and severities is [Rules].
package model
