package driver

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
)

// scopesGOPATH copies the scopes fixture and the library stubs it imports
// into a temporary GOPATH and returns the fixture's directory.
func scopesGOPATH(t *testing.T) string {
	t.Helper()
	return fixtureGOPATH(t, "scopesfixture", "github.com/andygrunwald/go-jira", "github.com/ctreminiom/go-atlassian")
}

// fixtureGOPATH copies a fixture and the library stubs it imports into a
// temporary GOPATH and returns the fixture's directory.
func fixtureGOPATH(t *testing.T, fixture string, stubs ...string) string {
	t.Helper()
	root := t.TempDir()
	src := filepath.Join(atltest.Fixtures(), "src")
	for _, dir := range append([]string{fixture}, stubs...) {
		if err := os.CopyFS(filepath.Join(root, "src", dir), os.DirFS(filepath.Join(src, dir))); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOPATH", root)
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOWORK", "off")
	return filepath.Join(root, "src", fixture)
}

func runScopes(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(append([]string{"scopes"}, args...), Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	return stdout.String(), stderr.String(), code
}

// A summary of a report, for exact comparison.
type productSummary struct {
	Product           string
	Granular, Classic []string
	Operations        []string // operation @ sites
}

func summarize(t *testing.T, out string) ([]productSummary, []string) {
	t.Helper()
	var rep ScopeReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if rep.Version != ScopesVersion {
		t.Errorf("version = %d, want %d", rep.Version, ScopesVersion)
	}
	var ps []productSummary
	for _, p := range rep.Products {
		s := productSummary{Product: p.Product, Granular: scopeNames(p.Granular), Classic: scopeNames(p.Classic)}
		for _, o := range p.Operations {
			s.Operations = append(s.Operations, o.Operation+" @ "+strings.Join(o.Sites, " "))
		}
		ps = append(ps, s)
	}
	var un []string
	for _, u := range rep.Unresolved {
		un = append(un, u.Site+" "+u.Method+" "+u.URL+": "+u.Reason)
	}
	return ps, un
}

var (
	getIssueGranular = []string{"read:avatar:jira", "read:field-configuration:jira", "read:issue-meta:jira", "read:issue-security-level:jira", "read:issue.changelog:jira", "read:issue.vote:jira", "read:issue:jira", "read:status:jira", "read:user:jira"}
	createGranular   = []string{"write:attachment:jira", "write:comment.property:jira", "write:comment:jira", "write:issue:jira"}
	otherProducts    = []productSummary{
		{Product: "confluence", Granular: []string{"read:page:confluence"}, Classic: []string{}, Operations: []string{"GET /wiki/api/v2/pages/{id} @ calls.go:25:2"}},
		{Product: "jpd-graphql", Granular: []string{"read:insight:jira-product-discovery"}, Classic: []string{}, Operations: []string{"graphql polarisInsights @ calls.go:39:27"}},
	}
	wantUnresolved = []string{
		"calls.go:42:2 GET https://acme.atlassian.net/rest/api/3/no-such-thing: no operation GET /rest/api/3/no-such-thing in the spec",
		"calls.go:43:12 GET {}: " + model.ReasonNoURL,
	}
)

func sorted(groups ...[]string) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g...)
	}
	return uniqSorted(out)
}

// The fixture's net/http, go-jira and go-atlassian calls give exactly this
// set: /rest/api/2 and gateway URLs resolve, go-jira's Issue.Get and the
// net/http read are one operation, unresolvable calls are listed.
func TestScopesExact(t *testing.T) {
	dir := scopesGOPATH(t)
	out, stderr, code := runScopes(t, dir, "-format", "json", ".")
	if code != ExitClean {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	ps, un := summarize(t, out)
	want := append([]productSummary{{
		Product:  "jira",
		Granular: sorted(getIssueGranular, createGranular, []string{"delete:issue:jira"}),
		Classic:  []string{"read:jira-work", "write:jira-work"},
		Operations: []string{
			"DELETE /rest/api/3/issue/{issueIdOrKey} @ calls.go:36:2",
			"GET /rest/api/3/issue/{issueIdOrKey} @ calls.go:22:12 calls.go:31:2",
			"POST /rest/api/3/issue @ calls.go:24:2",
		},
	}}, otherProducts...)
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("products (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantUnresolved, un); diff != "" {
		t.Errorf("unresolved (-want +got):\n%s", diff)
	}

	// Changing one call changes the set: the go-atlassian delete becomes a
	// read, and the delete scope and operation go.
	file := filepath.Join(dir, "calls.go")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), `ac.Issue.Delete(ctx, "X-1", false)`, `ac.Issue.Get(ctx, "X-1", nil, nil)`, 1)
	if edited == string(b) {
		t.Fatal("fixture call not found")
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code = runScopes(t, dir, "-format=json")
	if code != ExitClean {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	ps, _ = summarize(t, out)
	want[0] = productSummary{
		Product:  "jira",
		Granular: sorted(getIssueGranular, createGranular),
		Classic:  []string{"read:jira-work", "write:jira-work"},
		Operations: []string{
			"GET /rest/api/3/issue/{issueIdOrKey} @ calls.go:22:12 calls.go:31:2 calls.go:36:2",
			"POST /rest/api/3/issue @ calls.go:24:2",
		},
	}
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("after the edit, products (-want +got):\n%s", diff)
	}
}

func TestScopesFormats(t *testing.T) {
	dir := scopesGOPATH(t)
	text, _, code := runScopes(t, dir)
	if code != ExitClean {
		t.Fatalf("text: exit %d", code)
	}
	for _, want := range []string{
		"atlint scopes: 1 package, 5 operations, 2 unresolved calls",
		"paste (classic): read:jira-work,write:jira-work\n",
		"  paste (granular): read:page:confluence\n",
		"      GET /rest/api/3/issue/{issueIdOrKey}  at calls.go:22:12, calls.go:31:2\n",
		"calls.go:43:12: GET {} (net/http): URL not constant enough",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	md, _, code := runScopes(t, dir, "-format", "markdown", "./...")
	if code != ExitClean {
		t.Fatalf("markdown: exit %d", code)
	}
	for _, want := range []string{
		"## Atlassian token scopes",
		"### jira\n",
		"| `write:jira-work` | `DELETE /rest/api/3/issue/{issueIdOrKey}`, `POST /rest/api/3/issue` | `calls.go:24:2`, `calls.go:36:2` |",
		"### Unresolved calls",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestScopesErrors(t *testing.T) {
	dir := scopesGOPATH(t)
	if _, stderr, code := runScopes(t, dir, "-format", "sarif"); code != ExitError || !strings.Contains(stderr, `want text, json or markdown`) {
		t.Errorf("-format sarif: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code := runScopes(t, dir, "-nope"); code != ExitError || !strings.Contains(stderr, "atlint scopes -h") {
		t.Errorf("-nope: exit %d, stderr %q", code, stderr)
	}
	if _, _, code := runScopes(t, dir, "-h"); code != ExitClean {
		t.Errorf("-h: exit %d", code)
	}
	os.WriteFile(filepath.Join(dir, "broken.go"), []byte("package scopesfixture\nfunc (\n"), 0o644)
	if _, _, code := runScopes(t, dir, "."); code != ExitError {
		t.Errorf("syntax error: exit %d, want %d", code, ExitError)
	}
}

// URLs are printed without userinfo, and anything that looks like a
// credential is scrubbed.
func TestDisplayURLHidesSecrets(t *testing.T) {
	secret := "ATATT3xFfGF0" + strings.Repeat("k9Qz", 40)
	for _, u := range []model.URL{
		model.ParseTemplate("https://x-token-auth:" + secret + "@api.bitbucket.org/2.0/repositories/{}"),
		model.ParseTemplate("https://api.bitbucket.org/2.0/" + secret),
		model.ParseTemplate("{}?token=" + secret),
	} {
		if got := displayURL(u); strings.Contains(got, secret[:30]) {
			t.Errorf("displayURL(%.40q...) = %.60q..., shows the secret", u.Template, got)
		}
	}
}

// TestScopesInModule: in module mode (where the standalone driver checks
// packages from source during their analysis) the report still sees every
// package's requests, and a syntax error still exits 2.
func TestScopesInModule(t *testing.T) {
	dir := module(t, map[string]string{"bot/main.go": `package main

import (
	"net/http"
	"os"
	"strings"
)

const base = "https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555"

func main() {
	req, _ := http.NewRequest("GET", base+"/rest/api/3/issue/"+os.Args[1], nil)
	req.SetBasicAuth(os.Getenv("JIRA_EMAIL"), os.Getenv("JIRA_API_TOKEN"))
	http.DefaultClient.Do(req)
	req, _ = http.NewRequest("POST", base+"/rest/api/3/issue/"+os.Args[1]+"/comment", strings.NewReader("{}"))
	http.DefaultClient.Do(req)
}
`})
	out, stderr, code := runScopes(t, dir, "-format", "json", "./...")
	if code != ExitClean {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	ps, _ := summarize(t, out)
	var ops []string
	for _, p := range ps {
		ops = append(ops, p.Operations...)
	}
	want := []string{
		"GET /rest/api/3/issue/{issueIdOrKey} @ bot/main.go:12:12",
		"POST /rest/api/3/issue/{issueIdOrKey}/comment @ bot/main.go:15:11",
	}
	if diff := cmp.Diff(want, ops); diff != "" {
		t.Errorf("operations (-want +got):\n%s\n%s", diff, out)
	}
	os.WriteFile(filepath.Join(dir, "bot", "broken.go"), []byte("package main\nfunc (\n"), 0o644)
	if _, _, code := runScopes(t, dir, "./..."); code != ExitError {
		t.Errorf("syntax error: exit %d, want %d", code, ExitError)
	}
}

// TestScopesGraphQL: the JPD GraphQL operations of struct-tag clients'
// query structs (shurcooL/graphql, hasura/go-graphql-client) and of
// embedded .graphql files are in the report, found by the extraction
// ATL301/ATL302 use (jpdgraphql.Operations); an operation no API token
// can call is listed as unresolved. Changing one operation changes the set.
func TestScopesGraphQL(t *testing.T) {
	dir := fixtureGOPATH(t, "scopesfixturegql", "github.com/hasura/go-graphql-client", "github.com/shurcooL/graphql")
	report := func() ([]productSummary, []string) {
		t.Helper()
		out, stderr, code := runScopes(t, dir, "-format", "json", ".")
		if code != ExitClean {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		return summarize(t, out)
	}
	ps, un := report()
	want := []productSummary{{
		Product: productJPD,
		Granular: []string{
			"read:insight:jira-product-discovery", "read:project:jira-product-discovery",
			"read:view:jira-product-discovery", "write:insight:jira-product-discovery",
		},
		Classic: []string{},
		Operations: []string{
			"graphql createPolarisInsight @ gql.go:39:15",
			"graphql polarisInsights @ queries/insights.graphql:3:3",
			"graphql polarisLabels @ labels.graphql:2:3",
			"graphql polarisProject @ gql.go:27:3",
			"graphql polarisView @ gql.go:26:15",
		},
	}}
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("products (-want +got):\n%s", diff)
	}
	wantUn := []string{"labels.graphql:3:3 POST graphql jiraProductDiscovery: accepts no API token: needs OAuth 2.0 (3LO) or Forge"}
	if diff := cmp.Diff(wantUn, un); diff != "" {
		t.Errorf("unresolved (-want +got):\n%s", diff)
	}

	// The hasura mutation creates no insight but deletes one: the write
	// scope goes, the delete scope comes.
	file := filepath.Join(dir, "gql.go")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), `graphql:"createPolarisInsight(input: $in)"`, `graphql:"deletePolarisInsight(id: $in)"`, 1)
	if edited == string(b) {
		t.Fatal("fixture mutation not found")
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ps, _ = report()
	want[0].Granular = []string{
		"delete:insight:jira-product-discovery", "read:insight:jira-product-discovery",
		"read:project:jira-product-discovery", "read:view:jira-product-discovery",
	}
	want[0].Operations[0] = "graphql deletePolarisInsight @ gql.go:39:15"
	slices.Sort(want[0].Operations)
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("after the edit, products (-want +got):\n%s", diff)
	}
}
