package ignores_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/ignores"
	"github.com/atlint/atlint/rules/readonlytoken"
	"github.com/atlint/atlint/rules/tokencollect"
)

// fakeRule stands in for the credentials analyzer (rule ATL101): it reports
// every string constant that contains "SECRET".
var fakeRule = &analysis.Analyzer{
	Name:       "credentials",
	Doc:        "fake ATL101 for tests",
	Requires:   []*analysis.Analyzer{model.Analyzer},
	ResultType: model.ReportedType,
	Run: func(pass *analysis.Pass) (any, error) {
		rep := model.NewReporter(pass, &model.Spec{Analyzer: "credentials", Rules: []model.Rule{{ID: "ATL101"}}})
		for _, s := range rep.Model.Strings {
			if strings.Contains(s.Value, "SECRET") {
				rep.Report("ATL101", analysis.Diagnostic{Pos: s.Expr.Pos(), End: s.Expr.End(), Message: "fake finding"})
			}
		}
		return rep.Result(), nil
	},
}

func testdata(t *testing.T) string {
	return atltest.Scenarios(t, "ignores", "ignoresoff", "ignoresmixed")
}

func TestIgnores(t *testing.T) {
	atltest.RunWithSuggestedFixes(t, t, testdata(t), ignores.New(fakeRule), nil, "ignores")
}

// The fake rule alone: directives silence it, and nothing else reports.
// The package-level ignores analyzer, which knows no rules, reports only
// malformed directives: without rules, no directive can be stale. One load
// for both.
func TestWithoutTheSuite(t *testing.T) {
	res := atltest.Analyze(t, testdata(t), []*analysis.Analyzer{fakeRule, ignores.Analyzer}, nil, "ignores")
	var got []string
	for _, act := range res[fakeRule] {
		for _, d := range act.Diagnostics {
			got = append(got, d.Message)
		}
	}
	if len(got) != 4 {
		t.Errorf("fake rule reported %d findings, want 4 (c, e, k, l): %q", len(got), got)
	}
	n := 0
	for _, act := range res[ignores.Analyzer] {
		for _, d := range act.Diagnostics {
			if strings.Contains(d.Message, "silences nothing") {
				t.Errorf("without rules, no directive can be stale: %s", d.Message)
			}
			n++
		}
	}
	if n != 4 {
		t.Errorf("got %d malformed-directive findings, want 4", n)
	}
}

func TestRuleSwitchedOffByItsFlag(t *testing.T) {
	// With -tokencollect.enable=false the rule runs but checks nothing, so
	// its directives are neither used nor stale.
	atltest.Run(t, t, testdata(t), ignores.New(tokencollect.New(), readonlytoken.New()), nil, "ignoresoff")
}

// A directive naming an unknown rule besides a known one: ATL001 reports
// the unknown ID, and the known one is still silenced (the rule's reporter
// knows its own IDs, not the suite's).
func TestUnknownBesidesKnown(t *testing.T) {
	atltest.Run(t, t, testdata(t), ignores.New(fakeRule), nil, "ignoresmixed")
}
