package jpdgraphql_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/jpdgraphql"
)

var benchDoc = `query Insights($project: ID!, $view: ID!) {
  teams { id name }
  ins: polarisInsights(project: $project) { id snippets { id data } }
  polarisView(id: $view) { ...ViewFields }
}
fragment ViewFields on PolarisView { id name fields { id label } }`

func BenchmarkExtract(b *testing.B) {
	b.SetBytes(int64(len(benchDoc)))
	for b.Loop() {
		if len(jpdgraphql.Extract(benchDoc)) != 2 {
			b.Fatal("want 2 uses")
		}
	}
}

// The gate: a string with braces but no listed name is never parsed.
func BenchmarkExtractGated(b *testing.B) {
	s := strings.Repeat(`{"key": "value", "teams": [1, 2, 3]} `, 30)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if jpdgraphql.Extract(s) != nil {
			b.Fatal("gated string parsed")
		}
	}
}

// BenchmarkAnalyzer measures the rule's own cost on loaded packages: the
// shared model alone, then the model plus jpdgraphql, on the fixture
// packages (documents in literals, struct queries, embedded files).
func BenchmarkAnalyzer(b *testing.B) {
	dir := atltest.Scenarios(b, "jpdgraphql", "jpdgraphqlstructs", "jpdgraphqlembed", "jpdgraphqloauth")
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(dir, "src"),
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	a := jpdgraphql.New()
	if err := a.Flags.Set("now", "2026-06-01"); err != nil {
		b.Fatal(err)
	}
	for _, set := range []struct {
		name     string
		patterns []string
	}{
		{"fixtures", []string{"jpdgraphql", "jpdgraphqlstructs", "jpdgraphqlembed", "jpdgraphqloauth"}},
		{"net-http", []string{"net/http"}}, // a large package with no Atlassian code
	} {
		pkgs, err := packages.Load(cfg, set.patterns...)
		if err != nil {
			b.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			as   []*analysis.Analyzer
		}{
			{"model", []*analysis.Analyzer{model.Analyzer}},
			{"model+jpdgraphql", []*analysis.Analyzer{a}},
		} {
			b.Run(set.name+"/"+tc.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := checker.Analyze(tc.as, pkgs, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
