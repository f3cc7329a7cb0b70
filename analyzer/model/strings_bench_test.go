package model

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// longConcat returns a file with one constant of n concatenated string
// terms, as a generated file may hold.
func longConcat(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nconst C = \"\"")
	for i := range n {
		fmt.Fprintf(&b, " +\n\t\"term%08d\"", i)
	}
	b.WriteString("\n")
	return b.String()
}

// modelPass type-checks src and returns a pass ready for run.
func modelPass(tb testing.TB, src string) *analysis.Pass {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		tb.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		tb.Fatal(err)
	}
	files := []*ast.File{f}
	return &analysis.Pass{
		Analyzer:  Analyzer,
		Fset:      fset,
		Files:     files,
		Pkg:       pkg,
		TypesInfo: info,
		ResultOf:  map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files)},
		Report:    func(analysis.Diagnostic) {},
	}
}

// BenchmarkLongConcatenation measures the model on one constant of n
// concatenated terms: the time must grow linearly with n.
func BenchmarkLongConcatenation(b *testing.B) {
	for _, n := range []int{5000, 10000, 20000, 40000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			pass := modelPass(b, longConcat(n))
			b.ResetTimer()
			for range b.N {
				if _, err := run(pass); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLongConcatenationIsLinear protects against the quadratic folding of
// long constant concatenations (a 40,000-term generated constant took
// minutes): 8 times the terms must cost well under 64 times the time.
func TestLongConcatenationIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	measure := func(n int) time.Duration {
		pass := modelPass(t, longConcat(n))
		best := time.Duration(1 << 62)
		for range 3 {
			t0 := time.Now()
			res, err := run(pass)
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(t0); d < best {
				best = d
			}
			if ss := res.(*Result).Strings; len(ss) != 1 || len(ss[0].parts) != n+1 {
				t.Fatalf("%d terms: got %d strings, want one of %d parts", n, len(ss), n+1)
			}
		}
		return best
	}
	small, large := measure(2500), measure(20000)
	t.Logf("2500 terms: %v, 20000 terms: %v (ratio %.1f)", small, large, float64(large)/float64(small))
	if large > 24*small && large > time.Second {
		t.Errorf("8x the terms took %.1fx the time (%v vs %v): folding is not linear", float64(large)/float64(small), large, small)
	}
}
