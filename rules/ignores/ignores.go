package ignores

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
)

// Analyzer checks directives with no rule analyzers behind it, so on its
// own it reports only malformed directives. The suite (package analyzer)
// builds one with [New] that requires every rule it runs and so also finds
// stale directives; use that one where you can.
var Analyzer = New()

// New returns an analyzer that checks directives against the findings of
// rules (analyzers whose result is a *model.Reported).
func New(rules ...*analysis.Analyzer) *analysis.Analyzer {
	a := Spec.NewAnalyzer(nil)
	a.Requires = append(a.Requires, rules...)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, a) }
	return a
}

func run(pass *analysis.Pass, a *analysis.Analyzer) (any, error) {
	m := pass.ResultOf[model.Analyzer].(*model.Result)
	rep := model.NewReporter(pass, Spec)
	ran := map[string]bool{}
	used := map[*model.Directive]bool{}
	for _, req := range a.Requires {
		r, ok := pass.ResultOf[req].(*model.Reported)
		if !ok {
			continue
		}
		for _, id := range r.IDs {
			ran[id] = true
		}
		for d := range r.Used {
			used[d] = true
		}
	}
	for _, f := range m.Files {
		for _, d := range f.Directives {
			switch id := unknown(d); {
			case id != "":
				rep.Report("ATL001", analysis.Diagnostic{Pos: d.Pos, End: d.End, Message: "//atlint:ignore directive names unknown rule " + id})
			case d.Problem != "":
				rep.Report("ATL001", analysis.Diagnostic{Pos: d.Pos, End: d.End, Message: "//atlint:ignore directive " + d.Problem})
			case used[d]:
			case slices.ContainsFunc(d.IDs, func(id string) bool { return ran[id] }):
				rep.Report("ATL001", analysis.Diagnostic{
					Pos:     d.Pos,
					End:     d.End,
					Message: fmt.Sprintf("//atlint:ignore %s silences nothing: delete the stale directive", strings.Join(d.IDs, ",")),
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "Delete the stale directive",
						TextEdits: []analysis.TextEdit{deletion(pass.Fset, f.File, d)},
					}},
				})
			}
		}
	}
	return rep.Result(), nil
}

// deletion removes a directive: its whole line when it stands alone on the
// line, else the comment and the blanks before it.
func deletion(fset *token.FileSet, f *ast.File, d *model.Directive) analysis.TextEdit {
	tf := fset.File(d.Pos)
	alone := true
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || !alone {
			return false
		}
		if n.Pos() >= d.Pos {
			return false
		}
		if _, ok := n.(*ast.File); !ok && n.End() <= d.Pos && tf.Line(n.End()) == d.Line {
			alone = false
		}
		return true
	})
	if alone {
		start := tf.LineStart(d.Line)
		end := token.Pos(tf.Base() + tf.Size())
		if d.Line < tf.LineCount() {
			end = tf.LineStart(d.Line + 1)
		}
		return analysis.TextEdit{Pos: start, End: end}
	}
	return analysis.TextEdit{Pos: d.Pos, End: d.End}
}
