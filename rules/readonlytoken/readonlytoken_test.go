package readonlytoken_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/readonlytoken"
)

func testdata(*testing.T) string { return atltest.Fixtures() }

func configured(t *testing.T, sources ...string) *analysis.Analyzer {
	a := readonlytoken.New()
	for _, s := range sources {
		if err := a.Flags.Set("source", s); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func TestPositivesAndNearMisses(t *testing.T) {
	a := configured(t, "JIRA_RO_TOKEN", "config.ReadOnlyToken", "Settings.ROToken")
	analysistest.Run(t, testdata(t), a, "readonlytoken")
}

func TestBadInput(t *testing.T) {
	analysistest.Run(t, testdata(t), configured(t, "JIRA_RO_TOKEN"), "readonlytokenbad")
}

// With no source configured the rule is silent.
func TestSilentWithoutSource(t *testing.T) {
	for _, a := range []*analysis.Analyzer{readonlytoken.Analyzer, readonlytoken.New()} {
		for _, r := range analysistest.Run(&silentT{t}, testdata(t), a, "readonlytoken", "readonlytokenbad") {
			if len(r.Diagnostics) != 0 {
				t.Errorf("%s: %d diagnostics with no source, want 0", r.Pass.Pkg.Path(), len(r.Diagnostics))
			}
		}
	}
}

// The three-part and import-path forms match the same fixture lines.
func TestQualifiedSources(t *testing.T) {
	a := configured(t, "JIRA_RO_TOKEN", "readonlytoken/config.ReadOnlyToken", "config.Settings.ROToken")
	analysistest.Run(t, testdata(t), a, "readonlytoken")
}

func TestParseSource(t *testing.T) {
	tests := []struct {
		in   string
		want readonlytoken.Source
		err  bool
	}{
		{in: "JIRA_RO_TOKEN", want: readonlytoken.Source{Raw: "JIRA_RO_TOKEN", Env: "JIRA_RO_TOKEN"}},
		{in: "config.ReadOnlyToken", want: readonlytoken.Source{Raw: "config.ReadOnlyToken", Pkg: "config", Type: "config", Name: "ReadOnlyToken"}},
		{in: "config.Settings.ROToken", want: readonlytoken.Source{Raw: "config.Settings.ROToken", Pkg: "config", Type: "Settings", Name: "ROToken"}},
		{in: "example.com/app/config.Token", want: readonlytoken.Source{Raw: "example.com/app/config.Token", Pkg: "example.com/app/config", Name: "Token"}},
		{in: "example.com/app/config.S.F", want: readonlytoken.Source{Raw: "example.com/app/config.S.F", Pkg: "example.com/app/config", Type: "S", Name: "F"}},
		{in: "a.b.c.d", err: true},
		{in: "JIRA-RO", err: true},
		{in: "pkg.", err: true},
		{in: ".Name", err: true},
		{in: "$JIRA_RO_TOKEN", err: true},
	}
	for _, tt := range tests {
		got, err := readonlytoken.ParseSource(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParseSource(%q) error = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if err == nil {
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseSource(%q) (-want +got):\n%s", tt.in, diff)
			}
		}
	}
}

func TestFlagRepeatableAndFresh(t *testing.T) {
	a := configured(t, "A_TOKEN", "B_TOKEN,pkg.C")
	if got, want := a.Flags.Lookup("source").Value.String(), "A_TOKEN,B_TOKEN,pkg.C"; got != want {
		t.Errorf("source = %q, want %q", got, want)
	}
	if got := readonlytoken.New().Flags.Lookup("source").Value.String(); got != "" {
		t.Errorf("fresh analyzer source = %q, want empty", got)
	}
	if err := a.Flags.Set("source", "not a source"); err == nil {
		t.Errorf("Set(%q) = nil error, want one", "not a source")
	}
}

type silentT struct{ *testing.T }

func (s *silentT) Errorf(format string, args ...any) {}
