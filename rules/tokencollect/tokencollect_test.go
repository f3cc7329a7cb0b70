package tokencollect_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/tokencollect"
)

// all is every fixture of the rule.
var all = []string{"tokencollect", "tokencollectbad", "tokencollectcli", "tokencollectconn", "tokencollectkeyring", "tokencollectmm", "tokencollectsdk"}

func testdata(t *testing.T) string { return atltest.Scenarios(t, all...) }

// broken lists the fixtures that do not type-check on purpose.
var broken = []string{"tokencollectbad"}

func enabled(t *testing.T) *analysis.Analyzer {
	a := tokencollect.New()
	if err := a.Flags.Set("enable", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

// With the rule on: positives and near misses, bad input, and the
// patterns of real apps (connection models with the token in an embedded
// struct, persisted through a data-access layer from API handlers; a
// Mattermost plugin's settings and key-value store). A CLI that keeps its
// own token in the OS keyring stays silent. One load for all.
func TestEnabled(t *testing.T) {
	atltest.Run(t, t, testdata(t), enabled(t), broken,
		"tokencollect", "tokencollectcli", "tokencollectbad",
		"tokencollectconn", "tokencollectmm", "tokencollectkeyring")
}

// -tokencollect.auto reports in apps and plugins exactly what the rule
// reports when on, and nothing in CLIs and SDKs.
func TestAuto(t *testing.T) {
	a := tokencollect.New()
	if err := a.Flags.Set("auto", "true"); err != nil {
		t.Fatal(err)
	}
	atltest.Run(t, t, testdata(t), a, nil, "tokencollect", "tokencollectconn", "tokencollectmm",
		"tokencollectcli", "tokencollectkeyring", "tokencollectsdk")
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

// Off by default: the same fixtures report nothing without the flag,
// whether the package-level analyzer or a fresh one runs. And the SDK's
// silence under auto is the mode's doing: with the rule on, its token
// field sent as Basic auth is a finding. One load for the three.
func TestOffByDefault(t *testing.T) {
	patterns := []string{"tokencollect", "tokencollectbad", "tokencollectconn", "tokencollectmm", "tokencollectsdk"}
	on := enabled(t)
	off := []*analysis.Analyzer{tokencollect.Analyzer, tokencollect.New()}
	res := atltest.Analyze(t, testdata(t), append(off, on), broken, patterns...)
	for _, a := range off {
		for _, act := range res[a] {
			if len(act.Diagnostics) != 0 {
				t.Errorf("%s: %d diagnostics with the rule off, want 0", act.Package.ID, len(act.Diagnostics))
			}
		}
	}
	inSDK := 0
	for _, act := range res[on] {
		if act.Package.PkgPath == "tokencollectsdk" {
			inSDK += len(act.Diagnostics)
		}
	}
	if inSDK == 0 {
		t.Errorf("no finding in the SDK with the rule on: the auto test proves nothing")
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
