package apppassword_test

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/apppassword"
	"github.com/atlint/atlint/rules/credentials"
)

// scenarios are every fixture of the rule; apppasswordkinds holds
// placeholders that atltest expands into tokens.
var scenarios = []string{"apppassword", "apppasswordlibs", "apppasswordkinds", "apppasswordbad"}

func testdata(t *testing.T) string { return atltest.Scenarios(t, scenarios...) }

// TestScenarios runs net/http clients, libraries, every kind of credential
// (the fixtures' tokens are generated: the repository keeps no
// checksum-valid token) and bad input in one load.
func TestScenarios(t *testing.T) {
	atltest.Run(t, t, testdata(t), apppassword.New(), []string{"apppasswordbad"}, scenarios...)
}

func TestDoc(t *testing.T) {
	a := apppassword.Analyzer
	if a.Name != "apppassword" || !strings.HasSuffix(a.URL, "/docs/rules/ATL102.md") {
		t.Errorf("analyzer %q, URL %q", a.Name, a.URL)
	}
	for _, s := range []string{"Rule ATL102", "2026-07-28", "x-bitbucket-api-token-auth", "support.atlassian.com/bitbucket-cloud/docs/using-api-tokens", "ATL101"} {
		if !strings.Contains(a.Doc, s) {
			t.Errorf("Doc lacks %q", s)
		}
	}
	h, err := analyzer.Help("ATL102")
	if err != nil || !strings.Contains(h, "ATL102 Bitbucket Cloud app password") || !strings.Contains(h, "Rule ATL102") {
		t.Errorf("Help(ATL102) = %q, %v", h, err)
	}
}

// TestOneFindingPerPlace runs ATL101 and ATL102 on the same fixture: an
// app password literal written inside the call that sends it gets ATL101's
// finding only, and no ATL102 finding covers an ATL101 one.
func TestOneFindingPerPlace(t *testing.T) {
	type finding struct {
		id         string
		line       int
		start, end token.Pos
	}
	var all []finding
	as := []*analysis.Analyzer{credentials.New(), apppassword.New()}
	for _, acts := range atltest.Analyze(t, testdata(t), as, nil, "apppasswordkinds") {
		for _, act := range acts {
			for _, d := range act.Diagnostics {
				all = append(all, finding{d.Category, act.Package.Fset.Position(d.Pos).Line, d.Pos, d.End})
			}
		}
	}
	count := map[string]int{}
	for _, f := range all {
		count[f.id]++
		if f.id != "ATL102" {
			continue
		}
		for _, g := range all {
			if g.id == "ATL101" && f.start <= g.start && g.start < f.end {
				t.Errorf("line %d: ATL102 covers ATL101's finding at line %d", f.line, g.line)
			}
		}
	}
	// The fixture's valid app passwords: k1..k8 (k3 once, in the call of send).
	if count["ATL101"] < 8 || count["ATL102"] != 4 {
		t.Errorf("findings %v, want at least 8 ATL101 and 4 ATL102", count)
	}
}
