package scopedurl_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/rules/scopedurl"
)

// A loaded package that benchmarks run the analyzers on, without a driver.
type benchPkg struct {
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
}

func loadBench(tb testing.TB, srcs map[string]string) *benchPkg {
	tb.Helper()
	p := &benchPkg{fset: token.NewFileSet()}
	for name, src := range srcs {
		f, err := parser.ParseFile(p.fset, name, src, parser.ParseComments)
		if err != nil {
			tb.Fatal(err)
		}
		p.files = append(p.files, f)
	}
	p.info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits:  map[ast.Node]types.Object{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: importer.ForCompiler(p.fset, "source", nil)}
	pkg, err := conf.Check("bench", p.fset, p.files, p.info)
	if err != nil {
		tb.Fatal(err)
	}
	p.pkg = pkg
	return p
}

// pass returns a pass with the results of inspect and the model.
func (p *benchPkg) pass(tb testing.TB) *analysis.Pass {
	pass := &analysis.Pass{
		Fset: p.fset, Files: p.files, Pkg: p.pkg, TypesInfo: p.info, TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf: map[*analysis.Analyzer]any{},
		Report:   func(analysis.Diagnostic) {},
	}
	for _, an := range []*analysis.Analyzer{inspect.Analyzer, model.Analyzer} {
		pass.Analyzer = an
		res, err := an.Run(pass)
		if err != nil {
			tb.Fatal(err)
		}
		pass.ResultOf[an] = res
	}
	return pass
}

// run runs inspect, the model and, when a is not nil, a on the package and
// returns the number of diagnostics.
func (p *benchPkg) run(tb testing.TB, a *analysis.Analyzer) int {
	n := 0
	pass := &analysis.Pass{
		Fset: p.fset, Files: p.files, Pkg: p.pkg, TypesInfo: p.info, TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf: map[*analysis.Analyzer]any{},
		Report:   func(analysis.Diagnostic) { n++ },
	}
	for _, an := range []*analysis.Analyzer{inspect.Analyzer, model.Analyzer, a} {
		if an == nil {
			break
		}
		pass.Analyzer = an
		res, err := an.Run(pass)
		if err != nil {
			tb.Fatal(err)
		}
		pass.ResultOf[an] = res
	}
	return n
}

// plainHTTP is a package with HTTP clients, Basic auth and many strings,
// none of them Atlassian's.
func plainHTTP(funcs int) string {
	var b strings.Builder
	b.WriteString("package bench\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n")
	for i := range funcs {
		fmt.Fprintf(&b, `
func f%[1]d(key string) error {
	req, err := http.NewRequest("GET", "https://prometheus.example.com/api/v1/query?q=metric_%[1]d&key="+key, nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth("admin", os.Getenv("PROM_PASSWORD_%[1]d"))
	req.Header.Set("Accept", "application/json")
	_, err = http.DefaultClient.Do(req)
	return err
}
`, i)
	}
	return b.String()
}

func BenchmarkScopedURL(b *testing.B) {
	fixture, err := os.ReadFile(filepath.Join(testdata, "src", "scopedurl", "nethttp.go"))
	if err != nil {
		b.Fatal(err)
	}
	pkgs := []struct {
		name string
		pkg  *benchPkg
		want bool // findings expected
	}{
		{"no-atlassian", loadBench(b, map[string]string{"a.go": plainHTTP(200)}), false},
		{"atlassian", loadBench(b, map[string]string{"a.go": strings.Replace(string(fixture), "package scopedurl", "package bench", 1)}), true},
	}
	for _, p := range pkgs {
		if got := p.pkg.run(b, scopedurl.New()); (got > 0) != p.want {
			b.Fatalf("%s: %d diagnostics", p.name, got)
		}
		b.Run(p.name+"/model", func(b *testing.B) {
			for b.Loop() {
				p.pkg.run(b, nil)
			}
		})
		b.Run(p.name+"/scopedurl-only", func(b *testing.B) {
			// The model (and its Reaches cache) computed once: the rule's
			// own cost.
			a := scopedurl.New()
			pass := p.pkg.pass(b)
			pass.Analyzer = a
			for b.Loop() {
				if _, err := a.Run(pass); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(p.name+"/model+scopedurl", func(b *testing.B) {
			a := scopedurl.New()
			for b.Loop() {
				p.pkg.run(b, a)
			}
		})
	}
}
