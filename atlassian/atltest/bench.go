package atltest

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// A Package is a package type-checked from source in memory, for
// benchmarks that run analyzers on it without a driver.
type Package struct {
	Fset  *token.FileSet
	Files []*ast.File
	Pkg   *types.Package
	Info  *types.Info
}

// CheckSource parses and type-checks the files (name -> source) as package
// "bench", importing the standard library from source.
func CheckSource(tb testing.TB, srcs map[string]string) *Package {
	tb.Helper()
	p := &Package{Fset: token.NewFileSet()}
	for _, name := range slices.Sorted(maps.Keys(srcs)) {
		f, err := parser.ParseFile(p.Fset, name, srcs[name], parser.ParseComments)
		if err != nil {
			tb.Fatal(err)
		}
		p.Files = append(p.Files, f)
	}
	p.Info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits:  map[ast.Node]types.Object{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: importer.ForCompiler(p.Fset, "source", nil)}
	pkg, err := conf.Check("bench", p.Fset, p.Files, p.Info)
	if err != nil {
		tb.Fatal(err)
	}
	p.Pkg = pkg
	return p
}

// Pass runs the analyzers on p in order, each with the results of those
// before it, and returns the pass of the last; report receives every
// diagnostic (nil: none are kept).
func (p *Package) Pass(tb testing.TB, report func(analysis.Diagnostic), analyzers ...*analysis.Analyzer) *analysis.Pass {
	tb.Helper()
	if report == nil {
		report = func(analysis.Diagnostic) {}
	}
	pass := &analysis.Pass{
		Fset: p.Fset, Files: p.Files, Pkg: p.Pkg, TypesInfo: p.Info, TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf: map[*analysis.Analyzer]any{},
		Report:   report,
	}
	for _, an := range analyzers {
		pass.Analyzer = an
		res, err := an.Run(pass)
		if err != nil {
			tb.Fatal(err)
		}
		pass.ResultOf[an] = res
	}
	return pass
}
