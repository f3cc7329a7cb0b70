package apppassword_test

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/apppassword"
	"github.com/atlint/atlint/rules/credentials"
)

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, atltest.Fixtures(), apppassword.New(), "apppassword")
}

func TestLibraries(t *testing.T) {
	analysistest.Run(t, atltest.Fixtures(), apppassword.New(), "apppasswordlibs")
}

// TestKinds runs on fixtures whose tokens atltest generates: the repository
// keeps no checksum-valid token.
func TestKinds(t *testing.T) {
	dir := atltest.TestData(t, atltest.Fixtures(), "apppasswordkinds", "github.com/ktrysmt/go-bitbucket")
	analysistest.Run(t, dir, apppassword.New(), "apppasswordkinds")
}

func TestBadInput(t *testing.T) {
	analysistest.Run(t, atltest.Fixtures(), apppassword.New(), "apppasswordbad")
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
	dir := atltest.TestData(t, atltest.Fixtures(), "apppasswordkinds", "github.com/ktrysmt/go-bitbucket")
	type finding struct {
		id         string
		line       int
		start, end token.Pos
	}
	var all []finding
	for _, a := range []*analysis.Analyzer{credentials.New(), apppassword.New()} {
		for _, r := range analysistest.Run(&quietT{t}, dir, a, "apppasswordkinds") {
			for _, d := range r.Diagnostics {
				all = append(all, finding{d.Category, r.Pass.Fset.Position(d.Pos).Line, d.Pos, d.End})
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

// quietT drops analysistest's complaints about diagnostics without a
// matching want (ATL101's): the test checks them itself.
type quietT struct{ *testing.T }

func (q *quietT) Errorf(format string, args ...any) {}
