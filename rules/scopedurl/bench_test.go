package scopedurl_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/scopedurl"
)

// benchRun runs inspect, the model and, when a is not nil, a on the
// package and returns the number of diagnostics.
func benchRun(tb testing.TB, p *atltest.Package, a *analysis.Analyzer) int {
	n := 0
	analyzers := []*analysis.Analyzer{inspect.Analyzer, model.Analyzer}
	if a != nil {
		analyzers = append(analyzers, a)
	}
	p.Pass(tb, func(analysis.Diagnostic) { n++ }, analyzers...)
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
	fixture, err := os.ReadFile(filepath.Join("testdata", "src", "scopedurl", "nethttp.go"))
	if err != nil {
		b.Fatal(err)
	}
	pkgs := []struct {
		name string
		pkg  *atltest.Package
		want bool // findings expected
	}{
		{"no-atlassian", atltest.CheckSource(b, map[string]string{"a.go": plainHTTP(200)}), false},
		{"atlassian", atltest.CheckSource(b, map[string]string{"a.go": strings.Replace(string(fixture), "package scopedurl", "package bench", 1)}), true},
	}
	for _, p := range pkgs {
		if got := benchRun(b, p.pkg, scopedurl.New()); (got > 0) != p.want {
			b.Fatalf("%s: %d diagnostics", p.name, got)
		}
		b.Run(p.name+"/model", func(b *testing.B) {
			for b.Loop() {
				benchRun(b, p.pkg, nil)
			}
		})
		b.Run(p.name+"/scopedurl-only", func(b *testing.B) {
			// The model (and its Reaches cache) computed once: the rule's
			// own cost.
			a := scopedurl.New()
			pass := p.pkg.Pass(b, nil, inspect.Analyzer, model.Analyzer)
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
				benchRun(b, p.pkg, a)
			}
		})
	}
}
