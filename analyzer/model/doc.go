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
// Rules report through a [Reporter], which adds the rule ID, applies
// //atlint:ignore directives, and drops fixes in generated files. A rule
// returns the reporter's [Reported] as its result, which is how the stale
// directive check (rule ATL001) learns which directives were used.
//
// The catalog of rule IDs, names and severities is [Rules].
package model
