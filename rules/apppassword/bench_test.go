package apppassword_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/rules/apppassword"
)

type benchPkg struct {
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
}

func loadBench(tb testing.TB, src string) *benchPkg {
	tb.Helper()
	p := &benchPkg{fset: token.NewFileSet()}
	f, err := parser.ParseFile(p.fset, "a.go", src, parser.ParseComments)
	if err != nil {
		tb.Fatal(err)
	}
	p.files = []*ast.File{f}
	p.info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits:  map[ast.Node]types.Object{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: importer.ForCompiler(p.fset, "source", nil)}
	if p.pkg, err = conf.Check("bench", p.fset, p.files, p.info); err != nil {
		tb.Fatal(err)
	}
	return p
}

// pass runs inspect and the model; the returned pass counts diagnostics.
func (p *benchPkg) pass(tb testing.TB, n *int) *analysis.Pass {
	pass := &analysis.Pass{
		Fset: p.fset, Files: p.files, Pkg: p.pkg, TypesInfo: p.info, TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf: map[*analysis.Analyzer]any{},
		Report:   func(analysis.Diagnostic) { *n++ },
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

// gen writes a package of n functions that send Basic auth: to a
// Prometheus host (no Bitbucket at all) or to Bitbucket Cloud with an app
// password (every function a finding).
func gen(n int, bitbucket bool) string {
	host, env := "https://prometheus.example.com/api/v1/query", "PROM_PASSWORD"
	if bitbucket {
		host, env = "https://api.bitbucket.org/2.0/repositories/ws", "BITBUCKET_APP_PASSWORD"
	}
	var b strings.Builder
	b.WriteString("package bench\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n")
	for i := range n {
		fmt.Fprintf(&b, `
func f%[1]d(key string) error {
	req, err := http.NewRequest("GET", "%[2]s/r%[1]d?key="+key, nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(os.Getenv("USER_%[1]d"), os.Getenv("%[3]s"))
	req.Header.Set("Accept", "application/json")
	_, err = http.DefaultClient.Do(req)
	return err
}
`, i, host, env)
	}
	return b.String()
}

func BenchmarkAppPassword(b *testing.B) {
	for _, tc := range []struct {
		name      string
		bitbucket bool
	}{{"no-bitbucket", false}, {"bitbucket", true}} {
		p := loadBench(b, gen(200, tc.bitbucket))
		n := 0
		a := apppassword.New()
		pass := p.pass(b, &n)
		pass.Analyzer = a
		if _, err := a.Run(pass); err != nil {
			b.Fatal(err)
		}
		if want := map[bool]int{false: 0, true: 200}[tc.bitbucket]; n != want {
			b.Fatalf("%s: %d diagnostics, want %d", tc.name, n, want)
		}
		b.Run(tc.name+"/model", func(b *testing.B) {
			for b.Loop() {
				p.pass(b, &n)
			}
		})
		b.Run(tc.name+"/model+apppassword", func(b *testing.B) {
			for b.Loop() {
				pass := p.pass(b, &n)
				pass.Analyzer = a
				if _, err := a.Run(pass); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
