package main

import (
	"cmp"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// inPositionOrder makes each analyzer report its diagnostics of a package
// in position order (file, line, column, then message), whatever order its
// Run finds them in, and returns the analyzers. unitchecker prints a
// package's diagnostics analyzer by analyzer in report order, so under
// go vet the findings of each rule in each package come out the same on
// every run. (go vet prints packages in the order they finish, which varies
// between runs unless -p 1; the standalone command sorts everything.)
func inPositionOrder(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	for _, a := range analyzers {
		run := a.Run
		if run == nil {
			continue
		}
		a.Run = func(pass *analysis.Pass) (any, error) {
			var (
				mu sync.Mutex
				ds []analysis.Diagnostic
			)
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				mu.Lock()
				ds = append(ds, d)
				mu.Unlock()
			}
			res, err := run(pass)
			pass.Report = report
			slices.SortStableFunc(ds, func(x, y analysis.Diagnostic) int {
				px, py := pass.Fset.Position(x.Pos), pass.Fset.Position(y.Pos)
				return cmp.Or(
					cmp.Compare(px.Filename, py.Filename),
					cmp.Compare(px.Line, py.Line),
					cmp.Compare(px.Column, py.Column),
					cmp.Compare(x.Message, y.Message))
			})
			for _, d := range ds {
				report(d)
			}
			return res, err
		}
	}
	return analyzers
}
