package scopedurl_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/scopedurl"
)

// scenarios are every fixture of the rule (rules/scopedurl/testdata/src);
// atltest copies them, with the library stubs, into one GOPATH per test.
var scenarios = []string{
	"scopedurl", "scopedurlbad", "scopedurlcallback", "scopedurlconfig", "scopedurlconfiggw",
	"scopedurlconfiglibs", "scopedurlfix", "scopedurlgraphql", "scopedurlhint", "scopedurlhintboth",
	"scopedurlids", "scopedurlkinds", "scopedurllibs", "scopedurlsample", "scopedurlshared", "scopedurltests",
}

func testdata(t *testing.T) string { return atltest.Scenarios(t, scenarios...) }

// TestScenarios runs the default configuration over its fixtures in one
// load: net/http in every URL and auth shape, the client libraries,
// evidence that only tests supply, and the rule IDs of the two kinds of
// evidence (a site the code checks for is ATL201, an error; one only
// documentation names is ATL204, a warning).
func TestScenarios(t *testing.T) {
	atltest.Run(t, t, testdata(t), scopedurl.New(), nil, "scopedurl", "scopedurllibs", "scopedurltests", "scopedurlids", "scopedurlcallback", "scopedurlsample")
	rules := map[string]model.Rule{}
	for _, r := range scopedurl.Spec.Rules {
		rules[r.ID] = r
	}
	for _, id := range []string{"ATL201", "ATL204"} {
		if r, ok := rules[id]; !ok || r.Analyzer != "scopedurl" {
			t.Errorf("%s is not a scopedurl rule in its spec", id)
		}
	}
	if r := rules["ATL204"]; r.Severity != model.Warning {
		t.Errorf("ATL204 severity %s, want warning", r.Severity)
	}
}

func TestFixes(t *testing.T) {
	a := scopedurl.New()
	for _, v := range []string{"mysite=11111111-2222-3333-4444-555555555555", "two.atlassian.net=22222222-3333-4444-5555-666666666666, https://legacy.jira.com=99999999-AAAA-BBBB-CCCC-DDDDDDDDDDDD"} {
		if err := a.Flags.Set("cloudid", v); err != nil {
			t.Fatal(err)
		}
	}
	dir := testdata(t)
	goldenFixed(t, dir, analysistest.RunWithSuggestedFixes(t, dir, a, "scopedurlfix"), "scopedurlfix")
}

// goldenFixed fails when a fixture file with a .golden file got no fix:
// analysistest compares a golden file only with the edits it has, so a
// rule that stopped fixing would pass unnoticed.
func goldenFixed(t *testing.T, dir string, res []*analysistest.Result, patterns ...string) {
	t.Helper()
	fixed := map[string]bool{}
	for _, r := range res {
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					fixed[filepath.Base(r.Pass.Fset.File(e.Pos).Name())] = true
				}
			}
		}
	}
	for _, p := range patterns {
		goldens, err := filepath.Glob(filepath.Join(dir, "src", p, "*.golden"))
		if err != nil || len(goldens) == 0 {
			t.Fatalf("%s: no golden files (%v)", p, err)
		}
		for _, g := range goldens {
			if name := strings.TrimSuffix(filepath.Base(g), ".golden"); !fixed[name] {
				t.Errorf("%s/%s: no suggested fix, but it has a golden file", p, name)
			}
		}
	}
}

// TestKinds runs on fixtures whose tokens atltest generates: the repository
// keeps no checksum-valid token.
func TestKinds(t *testing.T) {
	dir := testdata(t)
	analysistest.Run(t, dir, scopedurl.New(), "scopedurlkinds")
}

func TestBadInput(t *testing.T) {
	dir := testdata(t)
	// A huge file, made here rather than kept in the repository: a very long
	// URL literal and a long concatenation chain.
	var chain []string
	for i := range 400 {
		chain = append(chain, fmt.Sprintf("%q", fmt.Sprintf("/p%d", i)))
	}
	src := `package scopedurlbad

import (
	"net/http"
	"os"
)

func huge() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/` + strings.Repeat("x", 200000) + `", nil) // want ` + "`" + `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net: .*/rest/api/3/x{48}…;` + "`" + `
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	long := "https://mysite.atlassian.net/wiki" +
		` + strings.Join(chain, " +\n\t\t") + `
	req2, _ := http.NewRequest("GET", long, nil) // want ` + "`" + `ex/confluence/\{cloudId\}/wiki/p0/p1/p2` + "`" + `
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
`
	if err := os.WriteFile(filepath.Join(dir, "src", "scopedurlbad", "huge.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, scopedurl.New(), "scopedurlbad")
}

func TestCloudIDFlag(t *testing.T) {
	a := scopedurl.New()
	for _, bad := range []string{
		"mysite",            // no ID
		"mysite=not-a-uuid", // not a UUID
		"mysite=11111111-2222-3333-4444-55555555555",            // one digit short
		"jira.example.com=11111111-2222-3333-4444-555555555555", // not a Cloud site
		"=11111111-2222-3333-4444-555555555555",
	} {
		if err := a.Flags.Set("cloudid", bad); err == nil {
			t.Errorf("Set(cloudid, %q) = nil, want an error", bad)
		}
	}
	for _, good := range []string{
		"mysite=11111111-2222-3333-4444-555555555555",
		"Other.atlassian.net=AAAAAAAA-2222-3333-4444-555555555555,legacy.jira.com=bbbbbbbb-2222-3333-4444-555555555555",
		"",
	} {
		if err := a.Flags.Set("cloudid", good); err != nil {
			t.Errorf("Set(cloudid, %q) = %v", good, err)
		}
	}
	want := "legacy.jira.com=bbbbbbbb-2222-3333-4444-555555555555,mysite.atlassian.net=11111111-2222-3333-4444-555555555555,other.atlassian.net=aaaaaaaa-2222-3333-4444-555555555555"
	if got := a.Flags.Lookup("cloudid").Value.String(); got != want {
		t.Errorf("cloudid = %q, want %q", got, want)
	}
	// Fresh analyzers do not share the option.
	if got := scopedurl.New().Flags.Lookup("cloudid").Value.String(); got != "" {
		t.Errorf("fresh analyzer cloudid = %q, want empty", got)
	}
	if got := scopedurl.Analyzer.Flags.Lookup("cloudid").Value.String(); got != "" {
		t.Errorf("package analyzer cloudid = %q, want empty", got)
	}
}

func TestDoc(t *testing.T) {
	a := scopedurl.Analyzer
	if a.Name != "scopedurl" || !strings.HasSuffix(a.URL, "/docs/rules/ATL201.md") {
		t.Errorf("analyzer %q, URL %q", a.Name, a.URL)
	}
	for _, s := range []string{"Rule ATL201", "api.atlassian.com/ex/jira/{cloudId}", "_edge/tenant_info", "-scopedurl.cloudid"} {
		if !strings.Contains(a.Doc, s) {
			t.Errorf("Doc lacks %q", s)
		}
	}
}

// TestSharedLiteral: a fix rewrites a site literal only when every use of
// it is the URL of a reported request (issue 11, item 4).
func TestSharedLiteral(t *testing.T) {
	a := scopedurl.New()
	for _, v := range []string{
		"mysite=11111111-2222-3333-4444-555555555555",
		"two=22222222-3333-4444-5555-666666666666",
		"three=33333333-4444-5555-6666-777777777777",
		"four=44444444-5555-6666-7777-888888888888",
	} {
		if err := a.Flags.Set("cloudid", v); err != nil {
			t.Fatal(err)
		}
	}
	dir := testdata(t)
	goldenFixed(t, dir, analysistest.RunWithSuggestedFixes(t, dir, a, "scopedurlshared"), "scopedurlshared")
}

// TestHint: messages name the cloud-ID option the way the driver spells it
// (issue 11, item 6).
func TestHint(t *testing.T) {
	for dir, hint := range map[string]string{"scopedurlhint": "setting", "scopedurlhintboth": "both"} {
		a := scopedurl.New()
		if err := a.Flags.Set("hint", hint); err != nil {
			t.Fatal(err)
		}
		atltest.Run(t, t, testdata(t), a, nil, dir)
	}
	if err := scopedurl.New().Flags.Set("hint", "vet"); err == nil {
		t.Error(`Set(hint, "vet") = nil, want an error`)
	}
	if got := scopedurl.New().Flags.Lookup("hint").Value.String(); got != "flag" {
		t.Errorf("default hint = %q, want flag", got)
	}
}

// TestConfig: site URLs that come from configuration (issue 15, §2):
// placeholder and run-time site labels, documentation that names a site,
// Cloud-only paths sent to a configured base URL, the libraries real code
// uses; silent on generic clients and when the code accepts a cloud ID.
// Site GraphQL URLs go to https://api.atlassian.com/graphql, with a fix and
// no cloud ID (scopedurlgraphql, issue 11 item 5). One load for every
// default-configuration fix fixture.
func TestConfig(t *testing.T) {
	dir := testdata(t)
	res := atltest.RunWithSuggestedFixes(t, t, dir, scopedurl.New(), nil, "scopedurlconfig", "scopedurlconfiggw", "scopedurlconfiglibs", "scopedurlgraphql")
	goldenFixed(t, dir, res, "scopedurlconfiglibs", "scopedurlgraphql")
}
