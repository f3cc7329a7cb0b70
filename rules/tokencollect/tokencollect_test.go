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

// The patterns of real apps: connection models with the token in an
// embedded struct, persisted through a data-access layer from API
// handlers; a Mattermost plugin's settings and key-value store. A CLI that
// keeps its own token in the OS keyring stays silent.
func TestRealCodePatterns(t *testing.T) {
	analysistest.Run(t, testdata(), enabled(t), "tokencollectconn", "tokencollectmm", "tokencollectkeyring")
}

// -tokencollect.auto reports in apps and plugins exactly what the rule
// reports when on, and nothing in CLIs and SDKs.
func TestAuto(t *testing.T) {
	a := tokencollect.New()
	if err := a.Flags.Set("auto", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(), a, "tokencollect", "tokencollectconn", "tokencollectmm",
		"tokencollectcli", "tokencollectkeyring", "tokencollectsdk")
}

// The SDK's silence under auto is the mode's doing: with the rule on, its
// token field sent as Basic auth is a finding.
func TestSDKReportedWhenOn(t *testing.T) {
	res := analysistest.Run(&silentT{T: t}, testdata(), enabled(t), "tokencollectsdk")
	n := 0
	for _, r := range res {
		n += len(r.Diagnostics)
	}
	if n == 0 {
		t.Errorf("no finding in the SDK with the rule on: the auto test proves nothing")
	}
}

func TestFlagHelp(t *testing.T) {
	a := tokencollect.New()
	for _, name := range []string{"enable", "auto"} {
		f := a.Flags.Lookup(name)
		if f == nil {
			t.Fatalf("no -%s flag", name)
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			t.Errorf("-%s is not a boolean flag (go vet passes only booleans without a value)", name)
		}
		if !strings.HasPrefix(f.Usage, "report findings") {
			t.Errorf("-%s usage %q does not say what the flag reports", name, f.Usage)
		}
	}
}

// Off by default: the same fixtures report nothing without the flag.
func TestOffByDefault(t *testing.T) {
	for _, a := range []*analysis.Analyzer{tokencollect.Analyzer, tokencollect.New()} {
		res := analysistest.Run(&silentT{T: t}, testdata(), a, "tokencollect", "tokencollectbad", "tokencollectconn", "tokencollectmm", "tokencollectsdk")
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
