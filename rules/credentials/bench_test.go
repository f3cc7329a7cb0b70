package credentials_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/credentials"
)

// genPackage writes a module with one package of files files, each with
// lits string literals (a mix of identifiers, URLs, JSON, Basic headers and
// look-alikes) and comments (a doc comment, one block comment per 10 literals); when tokens is true every 100th file holds a real-looking
// token and a Jira-named 24-character value. It loads and returns it.
func genPackage(b *testing.B, files, lits int, tokens bool) []*packages.Package {
	b.Helper()
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module bench\n\ngo 1.26\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	shapes := []string{
		`"issue %d not found"`,
		`"https://acme.atlassian.net/rest/api/3/issue/PROJ-%d"`,
		`"{\"fields\":{\"summary\":\"item %d\",\"project\":{\"key\":\"PROJ\"}}}"`,
		`"JIRA_API_TOKEN_%d"`,
		`"5b10ac8d82e05b22cc7d%04x"`,
		`"searchConfluenceUsingCql%d"`,
		`"ATATT3xFfGF0-not-a-token-%d"`,
		`"Basic bWVAZXhhbXBsZS5jb206bm90LWEtdG9rZW4tJWQ= %d"`,
		`"SELECT id, name FROM users WHERE id = %d"`,
		`"a436116f-02ce-4520-8fbb-%012d"`,
	}
	for f := 0; f < files; f++ {
		var s strings.Builder
		fmt.Fprintf(&s, "package bench\n\n// f%d returns the strings of case %d.\n// See https://acme.atlassian.net/browse/PROJ-%d; set JIRA_API_TOKEN=<your-token>.\nfunc f%d() []string {\n\treturn []string{\n", f, f, f, f)
		for i := 0; i < lits; i++ {
			if i%10 == 0 {
				fmt.Fprintf(&s, "\t\t/* group %d: ATATT3xFfGF0-not-a-token, account 5b10ac8d82e05b22cc7d4ef5 */\n", i)
			}
			fmt.Fprintf(&s, "\t\t"+shapes[(f+i)%len(shapes)]+",\n", f*lits+i)
		}
		if tokens && f%100 == 0 {
			fmt.Fprintf(&s, "\t\t%q,\n", atltest.Token(atlassian.APIToken, fmt.Sprint(f)))
		}
		s.WriteString("\t}\n}\n")
		if tokens && f%100 == 0 {
			fmt.Fprintf(&s, "\nvar jiraToken%d = %q\n", f, atltest.Token(atlassian.LegacyAPIToken, fmt.Sprint(f)))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%04d.go", f)), []byte(s.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("load: %v", err)
	}
	return pkgs
}

func benchAnalyze(b *testing.B, pkgs []*packages.Package, a *analysis.Analyzer, wantDiags int) {
	b.ReportAllocs()
	for b.Loop() {
		g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		if wantDiags >= 0 {
			n := 0
			for act := range g.All() {
				if act.IsRoot {
					n += len(act.Diagnostics)
				}
			}
			if n != wantDiags {
				b.Fatalf("%d diagnostics, want %d", n, wantDiags)
			}
		}
	}
}

// BenchmarkCredentials runs ATL101 (with the shared model it requires) on a
// generated package of 2,000 files and 100,000 string literals holding 40
// tokens. The "model" sub-benchmark runs the shared model alone: the
// difference is the rule's own cost.
func BenchmarkCredentials(b *testing.B) {
	pkgs := genPackage(b, 2000, 50, true)
	b.Run("rule", func(b *testing.B) { benchAnalyze(b, pkgs, credentials.New(), 40) })
	b.Run("model", func(b *testing.B) { benchAnalyze(b, pkgs, model.Analyzer, -1) })
}

// BenchmarkNoAtlassian runs ATL101 on a package of the same size with no
// credential in it.
func BenchmarkNoAtlassian(b *testing.B) {
	pkgs := genPackage(b, 2000, 50, false)
	b.Run("rule", func(b *testing.B) { benchAnalyze(b, pkgs, credentials.New(), 0) })
	b.Run("model", func(b *testing.B) { benchAnalyze(b, pkgs, model.Analyzer, -1) })
}
