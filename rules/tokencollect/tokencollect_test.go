package tokencollect_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/tokencollect"
)

func testdata() string { return atltest.Fixtures() }

func enabled(t *testing.T) *analysis.Analyzer {
	a := tokencollect.New()
	if err := a.Flags.Set("enable", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPositivesAndNearMisses(t *testing.T) {
	analysistest.Run(t, testdata(), enabled(t), "tokencollect", "tokencollectcli")
}

func TestBadInput(t *testing.T) {
	analysistest.Run(t, testdata(), enabled(t), "tokencollectbad")
}

// Off by default: the same fixtures report nothing without the flag.
func TestOffByDefault(t *testing.T) {
	for _, a := range []*analysis.Analyzer{tokencollect.Analyzer, tokencollect.New()} {
		res := analysistest.Run(&silentT{T: t}, testdata(), a, "tokencollect", "tokencollectbad")
		for _, r := range res {
			if len(r.Diagnostics) != 0 {
				t.Errorf("%s: %d diagnostics with the rule off, want 0", r.Pass.Pkg.Path(), len(r.Diagnostics))
			}
		}
	}
}

// Fresh analyzers do not share the flag.
func TestFreshFlags(t *testing.T) {
	a := enabled(t)
	b := tokencollect.New()
	if got := b.Flags.Lookup("enable").Value.String(); got != "false" {
		t.Errorf("fresh analyzer enable = %s after enabling another, want false", got)
	}
	if got := a.Flags.Lookup("enable").Value.String(); got != "true" {
		t.Errorf("enable = %s, want true", got)
	}
	if !strings.Contains(tokencollect.Analyzer.Doc, "OAuth 2.0 (3LO)") {
		t.Errorf("doc lacks the remedy")
	}
}

// silentT swallows the "unexpected diagnostic" errors of analysistest so
// that the test can count diagnostics itself.
type silentT struct{ *testing.T }

func (s *silentT) Errorf(format string, args ...any) {}
