package plugin

import (
	"flag"
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/config"
)

func names(as []*analysis.Analyzer) []string {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return ns
}

func build(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	return as
}

func find(as []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func TestRegistered(t *testing.T) {
	p, err := register.GetPlugin("atlint")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p(nil); err != nil {
		t.Fatalf("the registered constructor rejects empty settings: %v", err)
	}
}

// No settings (golangci-lint passes nil when the settings key is absent)
// and empty settings both mean the suite's defaults.
func TestDefaults(t *testing.T) {
	want := names(analyzer.New((*config.Config)(nil).Enabled))
	for _, settings := range []any{nil, map[string]any{}} {
		got := names(build(t, settings))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("analyzers for settings %v (-want +got):\n%s", settings, diff)
		}
	}
	if !slices.Contains(want, "ignores") {
		t.Errorf("default suite %v lacks the ignores analyzer (ATL001)", want)
	}
}

// Settings arrive as golangci-lint's YAML loader decodes them: nested
// map[string]any and []any, keys lower-cased.
func TestSettingsReachFlags(t *testing.T) {
	settings := map[string]any{
		"tests":            false,
		"token-scopes":     []any{"read:view:jira-product-discovery"},
		"cloud-ids":        map[string]any{"mysite": "1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"},
		"read-only-tokens": []any{"JIRA_RO_TOKEN"},
		"now":              "2026-11-01",
		"enable":           []any{"ATL401"},
	}
	as := build(t, settings)
	cfg, err := config.FromMap(settings)
	if err != nil {
		t.Fatal(err)
	}
	ss := cfg.Settings()
	if len(ss) < 5 {
		t.Fatalf("config.Settings() = %v: expected one setting per option", ss)
	}
	for _, s := range ss {
		a := find(as, s.Analyzer)
		if a == nil {
			t.Errorf("setting %s: analyzer %s not built (built: %v)", s, s.Analyzer, names(as))
			continue
		}
		f := a.Flags.Lookup(s.Flag)
		if f == nil {
			t.Errorf("setting %s: analyzer %s has no flag %s", s, s.Analyzer, s.Flag)
			continue
		}
		// The flag must hold what the vet flag -analyzer.flag=value gives,
		// which is not its default.
		ref := analyzer.New(nil)
		if err := analyzer.Configure(ref, []analyzer.Setting{s}); err != nil {
			t.Fatal(err)
		}
		want := find(ref, s.Analyzer).Flags.Lookup(s.Flag).Value.String()
		if got := f.Value.String(); got != want || got == f.DefValue {
			t.Errorf("flag -%s.%s = %q, want %q (default %q)", s.Analyzer, s.Flag, got, want, f.DefValue)
		}
	}
	if find(as, "tokencollect") == nil {
		t.Errorf("enable: [ATL401] did not build tokencollect (built: %v)", names(as))
	}
}

func TestDisable(t *testing.T) {
	as := build(t, map[string]any{"disable": []any{"ATL101", "ignores"}})
	for _, name := range []string{"credentials", "ignores"} {
		if find(as, name) != nil {
			t.Errorf("disabled analyzer %s was built (built: %v)", name, names(as))
		}
	}
}

// Each plugin instance has its own analyzers: the settings of one never
// reach another, nor the package-level analyzers the vet tool runs.
func TestFresh(t *testing.T) {
	off := build(t, map[string]any{"tests": false})
	def := build(t, nil)
	for _, a := range off {
		for _, b := range append(def, analyzer.All()...) {
			if a == b {
				t.Fatalf("analyzer %s shared between plugin instances", a.Name)
			}
		}
	}
	for _, as := range [][]*analysis.Analyzer{def, analyzer.All()} {
		a := find(as, "credentials")
		if a == nil {
			t.Fatalf("no credentials analyzer in %v", names(as))
		}
		if got := a.Flags.Lookup("tests").Value.String(); got != "true" {
			t.Errorf("another instance's tests: false leaked: -credentials.tests = %s", got)
		}
	}
}

// The settings accept what the rules' flags accept (issue 13: these two
// were refused by the configuration's own copies of the flags' patterns).
func TestSettingsAcceptWhatFlagsAccept(t *testing.T) {
	as := build(t, map[string]any{
		"cloud-ids":        map[string]any{"legacy.jira.com": "1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"},
		"read-only-tokens": []any{"example.com/app/config.ReadOnlyToken"},
	})
	for name, want := range map[string]string{
		"scopedurl":     "legacy.jira.com=1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1",
		"readonlytoken": "example.com/app/config.ReadOnlyToken",
	} {
		a := find(as, name)
		if a == nil {
			t.Fatalf("analyzer %s not built (built: %v)", name, names(as))
		}
		var got []string
		a.Flags.VisitAll(func(f *flag.Flag) { got = append(got, f.Value.String()) })
		if !slices.Contains(got, want) {
			t.Errorf("flags of %s = %q, want one to be %q", name, got, want)
		}
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"tets": false}, []string{"atlint", "tets"}},
		{"wrong type", map[string]any{"tests": "maybe"}, []string{"atlint", "tests"}},
		{"unknown rule", map[string]any{"disable": []any{"ATL999"}}, []string{"atlint", "ATL999"}},
		{"bad cloud ID", map[string]any{"cloud-ids": map[string]any{"mysite": "not-a-uuid"}}, []string{"atlint", "cloud-ids"}},
		{"not a mapping", []any{"tests"}, []string{"atlint", "mapping"}},
		{"scalar", "tests: false", []string{"atlint", "mapping"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if err == nil {
				t.Fatalf("New(%#v) = %v, want an error", tc.settings, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// fakeRule reports every string literal whose value starts with "ATL" under
// that value as rule ID, with two overlapping alternative fixes.
func fakeRule() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "fakerule",
		Doc:  "reports string literals naming a rule ID",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					lit, ok := n.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return true
					}
					id, _ := strconv.Unquote(lit.Value)
					if !strings.HasPrefix(id, "ATL") {
						return true
					}
					fix := func(s string) analysis.SuggestedFix {
						return analysis.SuggestedFix{Message: "Replace with " + s, TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(s))}}}
					}
					pass.Report(analysis.Diagnostic{
						Pos: lit.Pos(), End: lit.End(), Category: id,
						Message:        id + " found",
						SuggestedFixes: []analysis.SuggestedFix{fix("first"), fix("second")},
					})
					return true
				})
			}
			return nil, nil
		},
	}
}

// The filter drops findings of rules turned off (while their analyzer runs
// for another rule) and in excluded files, and keeps one fix a finding.
func TestFilter(t *testing.T) {
	testdata := atltest.Fixtures()
	cfg, err := config.FromMap(map[string]any{
		"disable":  []any{"ATL302"},
		"severity": map[string]any{"atl501": "off"}, // golangci-lint lower-cases keys
		"exclude":  []any{"*_gen.go"},
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = filepath.Join(testdata, "src", "pluginfilter")
	a := fakeRule()
	(&Plugin{cfg: cfg}).filter(a)
	for _, r := range atltest.Run(t, t, testdata, a, nil, "pluginfilter") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) != 1 || d.SuggestedFixes[0].Message != "Replace with first" {
				t.Errorf("%s: fixes %v, want only the first", d.Message, d.SuggestedFixes)
			}
		}
	}
}
