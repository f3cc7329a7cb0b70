package main

import (
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
)

func TestInPositionOrder(t *testing.T) {
	fset := token.NewFileSet()
	// b.go is added to the file set first: token.Pos order is not file order.
	b := fset.AddFile("p/b.go", -1, 100)
	a := fset.AddFile("p/a.go", -1, 100)
	for _, f := range []*token.File{a, b} {
		f.SetLines([]int{0, 10, 20, 30})
	}
	reported := []analysis.Diagnostic{
		{Pos: b.Pos(12), Message: "b line 2"},
		{Pos: a.Pos(25), Message: "a line 3"},
		{Pos: a.Pos(3), Message: "a line 1 col 4 z"},
		{Pos: a.Pos(11), Message: "a line 2"},
		{Pos: a.Pos(3), Message: "a line 1 col 4 y"},
		{Pos: a.Pos(1), Message: "a line 1 col 2"},
	}
	rule := &analysis.Analyzer{Name: "rule", Doc: "rule", Run: func(pass *analysis.Pass) (any, error) {
		for _, d := range reported {
			pass.Report(d)
		}
		return "result", nil
	}}
	inPositionOrder([]*analysis.Analyzer{rule})
	var got []string
	pass := &analysis.Pass{Analyzer: rule, Fset: fset, Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}
	res, err := rule.Run(pass)
	if res != "result" || err != nil {
		t.Errorf("Run = %v, %v: the wrapper must return the analyzer's result", res, err)
	}
	want := []string{"a line 1 col 2", "a line 1 col 4 y", "a line 1 col 4 z", "a line 2", "a line 3", "b line 2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report order (-want +got):\n%s", diff)
	}
}
