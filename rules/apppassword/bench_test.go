package apppassword_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/apppassword"
)

// benchPass runs inspect and the model on p; n counts diagnostics.
func benchPass(tb testing.TB, p *atltest.Package, n *int) *analysis.Pass {
	return p.Pass(tb, func(analysis.Diagnostic) { *n++ }, inspect.Analyzer, model.Analyzer)
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
		p := atltest.CheckSource(b, map[string]string{"a.go": gen(200, tc.bitbucket)})
		n := 0
		a := apppassword.New()
		pass := benchPass(b, p, &n)
		pass.Analyzer = a
		if _, err := a.Run(pass); err != nil {
			b.Fatal(err)
		}
		if want := map[bool]int{false: 0, true: 200}[tc.bitbucket]; n != want {
			b.Fatalf("%s: %d diagnostics, want %d", tc.name, n, want)
		}
		b.Run(tc.name+"/model", func(b *testing.B) {
			for b.Loop() {
				benchPass(b, p, &n)
			}
		})
		b.Run(tc.name+"/model+apppassword", func(b *testing.B) {
			for b.Loop() {
				pass := benchPass(b, p, &n)
				pass.Analyzer = a
				if _, err := a.Run(pass); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
