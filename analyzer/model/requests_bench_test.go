package model_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/analyzer/model"
)

// genRequests writes and loads a module with one package of files files.
// In mode "http" each file makes four Atlassian requests (a constant URL
// with a helper that authenticates it, a fmt.Sprintf URL through a
// client, a concatenation with a parameter, a url.JoinPath) and holds ten
// other string literals; in mode "server" it imports net/http for an HTTP
// handler and makes no request; in mode "none" it holds the literals only.
func genRequests(b *testing.B, files int, mode string) []*packages.Package {
	b.Helper()
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module bench\n\ngo 1.26\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for f := 0; f < files; f++ {
		var s strings.Builder
		s.WriteString("package bench\n\n")
		if mode == "server" {
			fmt.Fprintf(&s, "import \"net/http\"\n\nfunc handle%d(w http.ResponseWriter, r *http.Request) {\n\tw.Header().Set(\"Content-Type\", \"text/plain\")\n\tw.Write([]byte(r.URL.Path))\n}\n\n", f)
		}
		if mode == "http" {
			s.WriteString("import (\n\t\"fmt\"\n\t\"net/http\"\n\t\"net/url\"\n\t\"os\"\n)\n\n")
			fmt.Fprintf(&s, "func auth%d(r *http.Request) { r.SetBasicAuth(\"me@example.com\", os.Getenv(\"JIRA_TOKEN\")) }\n\n", f)
			fmt.Fprintf(&s, "func get%d(c *http.Client, key string, n int) {\n", f)
			fmt.Fprintf(&s, "\treq, _ := http.NewRequest(http.MethodGet, \"https://acme.atlassian.net/rest/api/3/issue/PROJ-%d\", nil)\n\tauth%d(req)\n\tc.Do(req)\n", f, f)
			fmt.Fprintf(&s, "\tc.Get(fmt.Sprintf(\"https://api.atlassian.com/ex/jira/%%s/rest/api/2/search/jql?n=%%d\", key, n))\n")
			fmt.Fprintf(&s, "\treq2, _ := http.NewRequest(\"POST\", base%d+\"/rest/api/3/issue/\"+key+\"/comment\", nil)\n\tc.Do(req2)\n", f)
			fmt.Fprintf(&s, "\tu, _ := url.JoinPath(base%d, \"wiki/api/v2/pages\", key)\n\tc.Get(u)\n}\n\n", f)
			fmt.Fprintf(&s, "var base%d = \"https://acme.atlassian.net\"\n\n", f)
		}
		fmt.Fprintf(&s, "func lits%d() []string {\n\treturn []string{\n", f)
		for i := 0; i < 10; i++ {
			fmt.Fprintf(&s, "\t\t\"issue %d-%d not found\",\n", f, i)
		}
		s.WriteString("\t}\n}\n")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%04d.go", f)), []byte(s.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: dir}, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("load: %v", err)
	}
	return pkgs
}

// requestsOf is an analyzer that computes the request model and, with
// resolve, looks every request up in the REST scope table.
func requestsOf(want int, resolve bool) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "requestsbench",
		Doc:      "computes model.Result.Requests",
		Requires: []*analysis.Analyzer{model.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			qs := pass.ResultOf[model.Analyzer].(*model.Result).Requests(pass.TypesInfo)
			if len(qs) != want {
				return nil, fmt.Errorf("%d requests, want %d", len(qs), want)
			}
			resolved := 0
			if resolve {
				for _, q := range qs {
					if op, _ := q.Operation(); op != nil {
						resolved++
					}
				}
				if resolved == 0 && want > 0 {
					return nil, fmt.Errorf("no request resolved")
				}
			}
			return nil, nil
		},
	}
}

// benchRun runs a on pkgs. Besides ns/op (wall time, which a busy machine
// inflates) it reports cpu-ms/op, the process's CPU time per run.
func benchRun(b *testing.B, pkgs []*packages.Package, a *analysis.Analyzer) {
	b.ReportAllocs()
	var before, after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	defer func() {
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}()
	for b.Loop() {
		g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		for act := range g.All() {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
		}
	}
}

// BenchmarkRequests computes the request model of a generated package of
// 2,000 files with 8,000 Atlassian requests ("http"), of a package of the
// same size that serves HTTP and makes no request ("server"), and of one
// with no net/http ("none"). "model" runs the shared model
// alone; "requests" adds Result.Requests; "resolve" adds the scope-table
// look-up of every request. The difference between ".../requests" and
// ".../model" for "server" and "none" is what a package without Atlassian
// calls pays.
func BenchmarkRequests(b *testing.B) {
	const files = 2000
	b.Run("http", func(b *testing.B) {
		pkgs := genRequests(b, files, "http")
		b.Run("model", func(b *testing.B) { benchRun(b, pkgs, model.Analyzer) })
		b.Run("requests", func(b *testing.B) { benchRun(b, pkgs, requestsOf(4*files, false)) })
		b.Run("resolve", func(b *testing.B) { benchRun(b, pkgs, requestsOf(4*files, true)) })
		b.Run("lookups", func(b *testing.B) {
			// The scope-table look-ups alone: every candidate URL of the
			// 8,000 requests, per op.
			var qs []*model.Request
			a := &analysis.Analyzer{Name: "collect", Doc: "collects requests", Requires: []*analysis.Analyzer{model.Analyzer},
				Run: func(pass *analysis.Pass) (any, error) {
					qs = pass.ResultOf[model.Analyzer].(*model.Result).Requests(pass.TypesInfo)
					return nil, nil
				}}
			if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil || len(qs) != 4*files {
				b.Fatalf("collect: %v, %d requests", err, len(qs))
			}
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for _, q := range qs {
					for _, r := range q.Resolve() {
						if r.Op != nil {
							n++
						}
					}
				}
				if n != 4*files {
					b.Fatalf("%d resolved, want %d", n, 4*files)
				}
			}
		})
	})
	for _, mode := range []string{"server", "none"} {
		b.Run(mode, func(b *testing.B) {
			pkgs := genRequests(b, files, mode)
			b.Run("model", func(b *testing.B) { benchRun(b, pkgs, model.Analyzer) })
			b.Run("requests", func(b *testing.B) { benchRun(b, pkgs, requestsOf(0, true)) })
		})
	}
}
