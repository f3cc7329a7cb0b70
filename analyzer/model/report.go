package model

import (
	"fmt"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Reported is the result of every rule analyzer: which rule IDs it checked
// and which //atlint:ignore directives silenced one of its findings.
type Reported struct {
	Analyzer string
	IDs      []string
	Used     map[*Directive]bool
}

// ReportedType is the ResultType of every rule analyzer.
var ReportedType = reflect.TypeFor[*Reported]()

// A Reporter reports a rule's diagnostics for one pass.
type Reporter struct {
	Pass   *analysis.Pass
	Model  *Result
	result *Reported
}

// NewReporter returns the reporter of a pass of the analyzer of spec (the
// rule package's own [Spec]: its rule IDs are the ones the pass checked).
// The analyzer must require [Analyzer].
func NewReporter(pass *analysis.Pass, spec *Spec) *Reporter {
	m := pass.ResultOf[Analyzer].(*Result)
	return &Reporter{
		Pass:   pass,
		Model:  m,
		result: &Reported{Analyzer: pass.Analyzer.Name, IDs: spec.IDs(), Used: map[*Directive]bool{}},
	}
}

// Report reports d under rule id. The message gets the ID as its prefix and
// d.Category is set to the ID. A matching //atlint:ignore directive on the
// line or the line above silences it. Fixes in generated files are dropped.
func (r *Reporter) Report(id string, d analysis.Diagnostic) {
	fi := r.Model.FileOf(d.Pos)
	if fi != nil {
		line := r.Pass.Fset.Position(d.Pos).Line
		for _, dir := range fi.Directives {
			if dir.covers(id, line) {
				r.result.Used[dir] = true
				return
			}
		}
		if fi.Generated {
			d.SuggestedFixes = nil
		}
	}
	d.Category = id
	if !strings.HasPrefix(d.Message, id+" ") {
		d.Message = id + " " + d.Message
	}
	r.Pass.Report(d)
}

// Reportf reports a diagnostic without fixes at the range of rng.
func (r *Reporter) Reportf(id string, rng analysis.Range, format string, args ...any) {
	r.Report(id, analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
}

// Result is what the rule's Run function returns.
func (r *Reporter) Result() *Reported { return r.result }

// Off is what a rule's Run function returns when the rule is switched off
// for this pass (by its own flag): a result that names no rule ID, so that
// ATL001 does not call the rule's //atlint:ignore directives stale.
func (r *Reporter) Off() *Reported {
	return &Reported{Analyzer: r.result.Analyzer, Used: map[*Directive]bool{}}
}
