// Package ignores defines the analyzer behind rule ATL001, which keeps
// //atlint:ignore directives honest.
//
// # Analyzer ignores
//
// ignores: report //atlint:ignore directives that are malformed or silence nothing
//
// Rule ATL001. A finding of any atlint rule can be silenced by a directive
// on its line or on the line above:
//
//	//atlint:ignore ATL101 fixture token, revoked on 2026-11-01
//	token := "ATATT3xFfGF0..."
//
// The directive names one rule ID or several separated by commas
// (ATL301,ATL302), followed by a reason, which is required. This analyzer
// reports a directive that has no rule ID or gives no reason (such a
// directive silences nothing), one that names an unknown rule (it silences
// only the known rules it names), and a directive that silenced no finding
// of a rule that ran: a stale directive hides the next real finding on
// that line, so delete it.
//
// Directives that name a rule which was not run (disabled by a flag or the
// configuration) are left alone.
package ignores

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
