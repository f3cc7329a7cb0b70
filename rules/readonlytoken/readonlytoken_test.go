package readonlytoken_test

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/readonlytoken"
)

func testdata(t *testing.T) string { return atltest.Scenarios(t, patterns...) }

func configured(t *testing.T, sources ...string) *analysis.Analyzer {
	a := readonlytoken.New()
	for _, s := range sources {
		if err := a.Flags.Set("source", s); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// broken lists the fixtures that do not type-check on purpose.
var broken = []string{"readonlytokenbad"}

var patterns = []string{"readonlytoken", "readonlytokenbad"}

// Positives and near misses, and bad input: one load for both.
func TestPositivesAndNearMisses(t *testing.T) {
	a := configured(t, "JIRA_RO_TOKEN", "config.ReadOnlyToken", "Settings.ROToken")
	atltest.Run(t, t, testdata(t), a, broken, patterns...)
}

// With no source configured the rule is silent, whether the package-level
// analyzer or a fresh one runs. In the same load: the three-part and
// import-path forms of the sources report on exactly the lines the short
// forms do.
func TestSilentWithoutSource(t *testing.T) {
	off := []*analysis.Analyzer{readonlytoken.Analyzer, readonlytoken.New()}
	short := configured(t, "JIRA_RO_TOKEN", "config.ReadOnlyToken", "Settings.ROToken")
	qualified := configured(t, "JIRA_RO_TOKEN", "readonlytoken/config.ReadOnlyToken", "config.Settings.ROToken")
	res := atltest.Analyze(t, testdata(t), append(off, short, qualified), broken, patterns...)
	for _, a := range off {
		if got := lines(res[a]); len(got) != 0 {
			t.Errorf("%d diagnostics with no source, want 0: %q", len(got), got)
		}
	}
	want := lines(res[short])
	if len(want) == 0 {
		t.Fatal("no diagnostics with the short source forms: the comparison proves nothing")
	}
	if diff := cmp.Diff(want, lines(res[qualified])); diff != "" {
		t.Errorf("qualified sources report elsewhere than the short forms (-short +qualified):\n%s", diff)
	}
}

// lines returns the positions of the actions' diagnostics.
func lines(acts []*checker.Action) []string {
	var out []string
	for _, act := range acts {
		for _, d := range act.Diagnostics {
			out = append(out, act.Package.Fset.Position(d.Pos).String())
		}
	}
	sort.Strings(out)
	return out
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
