package atlassian

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The embedded table must be the shared TSV, byte for byte.
func TestRESTScopesTSVIsSharedCopy(t *testing.T) {
	shared := filepath.Join("..", "..", "shared", "data", "atlassian-rest-scopes.tsv")
	want, err := os.ReadFile(shared)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not present", shared)
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("data", "atlassian-rest-scopes.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/atlassian-rest-scopes.tsv differs from %s: copy it again (cp %s data/), never edit a row", shared, shared)
	}
	if restScopesTSV != string(got) {
		t.Errorf("embedded table differs from data/atlassian-rest-scopes.tsv")
	}
}

func TestTableCounts(t *testing.T) {
	counts := map[string]int{}
	deprecated := map[string]int{}
	for _, op := range Operations() {
		counts[op.Product]++
		if op.Deprecated {
			deprecated[op.Product]++
		}
		if op.Legacy != strings.HasSuffix(op.Product, "-legacy") {
			t.Errorf("%s %s: Legacy = %v", op.Product, op, op.Legacy)
		}
	}
	// The counts of ../shared/data/README.md ("Row counts", "Deprecated rows").
	wantCounts := map[string]int{
		"jira": 616, "jira-software": 95, "jsm": 69, "confluence-v1": 130, "confluence-v2": 218,
		"bitbucket": 322, "jira-legacy": 6, "confluence-v1-legacy": 45,
	}
	wantDeprecated := map[string]int{
		"jira": 29, "jira-legacy": 6, "bitbucket": 16, "confluence-v1": 2, "confluence-v2": 1, "confluence-v1-legacy": 3,
	}
	if diff := cmp.Diff(wantCounts, counts); diff != "" {
		t.Errorf("rows per product (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantDeprecated, deprecated); diff != "" {
		t.Errorf("deprecated rows per product (-want +got):\n%s", diff)
	}
}

// Every template of the table looks itself up (params written as holes and
// as concrete values), unless a more specific template of the same method
// and segment count takes the concrete form.
func TestEveryTemplateResolvesItself(t *testing.T) {
	for _, op := range Operations() {
		holed := templateToHoles(op.Path)
		got, ok, reason := LookupOperation(op.Method, "", holed)
		if !ok {
			t.Errorf("%s %s (as %s): %s", op.Product, op, holed, reason)
			continue
		}
		if op.Legacy && !got.Legacy {
			// A legacy template shadowed by a current one is fine only
			// when the current one has the same path and method.
			if got.Path != op.Path || got.Method != op.Method {
				t.Errorf("%s %s: resolved to current %s %s", op.Product, op, got.Product, got)
			}
			continue
		}
		if got != op {
			t.Errorf("%s %s (as %s): got %s %s", op.Product, op, holed, got.Product, got)
		}
	}
}

// templateToHoles writes each {param} of a template as a hole.
func templateToHoles(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && strings.Count(s, "{") == 1 {
			segs[i] = "{}"
		} else if strings.Contains(s, "{") {
			segs[i] = strings.NewReplacer("{repo_name}", "{}", "{task_id}", "{}").Replace(s)
		}
	}
	return strings.Join(segs, "/")
}

type lookupResult struct {
	Product, Op string
	Legacy      bool
	OK          bool
	Reason      string
}

func lookup(method, origin, path string) lookupResult {
	op, ok, reason := LookupOperation(method, origin, path)
	r := lookupResult{OK: ok, Reason: reason}
	if op != nil {
		r.Product, r.Op, r.Legacy = op.Product, op.String(), op.Legacy
	}
	return r
}

func TestLookupOperation(t *testing.T) {
	const (
		site    = "https://acme.atlassian.net"
		gateway = "https://api.atlassian.com"
		bb      = "https://api.bitbucket.org"
	)
	found := func(product, op string) lookupResult { return lookupResult{Product: product, Op: op, OK: true} }
	legacy := func(product, op string) lookupResult {
		return lookupResult{Product: product, Op: op, OK: true, Legacy: true}
	}
	fail := func(reason string) lookupResult { return lookupResult{Reason: reason} }
	getIssue := found("jira", "GET /rest/api/3/issue/{issueIdOrKey}")
	createmeta := found("jira", "GET /rest/api/3/issue/createmeta")
	tests := []struct {
		name                 string
		method, origin, path string
		want                 lookupResult
	}{
		// Site form.
		{"site", "GET", site, "/rest/api/3/issue/PROJ-1", getIssue},
		{"site lower-case method", "get", site, "/rest/api/3/issue/PROJ-1", getIssue},
		{"site origin with trailing slash", "GET", site + "/", "/rest/api/3/issue/PROJ-1", getIssue},
		{"site path without leading slash", "GET", site, "rest/api/3/issue/PROJ-1", getIssue},
		{"legacy jira.com site", "GET", "https://acme.jira.com", "/rest/api/3/issue/PROJ-1", getIssue},
		{"site host with a hole", "GET", "https://{}.atlassian.net", "/rest/api/3/issue/{}", getIssue},
		{"whole URL as path", "GET", "", site + "/rest/api/3/issue/PROJ-1?fields=summary", getIssue},
		{"origin carrying a path", "GET", site + "/rest/api/3", "/issue/PROJ-1", getIssue},
		{"jira software", "GET", site, "/rest/agile/1.0/board/42", found("jira-software", "GET /rest/agile/1.0/board/{boardId}")},
		{"jsm", "POST", site, "/rest/servicedeskapi/request", found("jsm", "POST /rest/servicedeskapi/request")},
		{"bitbucket path on a site", "GET", site, "/2.0/repositories/ws/repo/src", fail("no operation GET /2.0/repositories/ws/repo/src in the spec")},

		// Gateway form.
		{"gateway jira", "GET", gateway, "/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue/PROJ-1", getIssue},
		{"gateway jira cloudId hole", "GET", gateway, "/ex/jira/{}/rest/api/3/issue/{}", getIssue},
		{"gateway jira in origin", "GET", gateway + "/ex/jira/{}", "/rest/api/3/issue/{}", getIssue},
		{"gateway without origin", "GET", "", "/ex/jira/abc/rest/api/3/issue/PROJ-1", getIssue},
		{"gateway product hole", "GET", gateway, "/ex/{}/{}/wiki/api/v2/pages/7", found("confluence-v2", "GET /wiki/api/v2/pages/{id}")},
		{"gateway confluence v2", "GET", gateway, "/ex/confluence/abc/wiki/api/v2/pages/7", found("confluence-v2", "GET /wiki/api/v2/pages/{id}")},
		{"gateway confluence reaches no jira path", "GET", gateway, "/ex/confluence/abc/rest/api/3/issue/PROJ-1", fail("no operation GET /rest/api/3/issue/PROJ-1 in the spec")},
		{"gateway jira reaches no confluence path", "GET", gateway, "/ex/jira/abc/wiki/api/v2/pages/7", fail("no operation GET /wiki/api/v2/pages/7 in the spec")},
		{"gateway jsm", "GET", gateway, "/ex/jira/abc/rest/servicedeskapi/request", found("jsm", "GET /rest/servicedeskapi/request")},
		{"gateway non-REST path", "POST", gateway, "/graphql", fail(reasonGatewayEx)},
		{"gateway unknown product", "GET", gateway, "/ex/bitbucket/abc/2.0/repositories", fail(reasonGatewayEx)},

		// Confluence /wiki.
		{"wiki v2", "GET", site, "/wiki/api/v2/pages/123", found("confluence-v2", "GET /wiki/api/v2/pages/{id}")},
		{"confluence without /wiki", "GET", site, "/api/v2/pages/123", fail("no operation GET /api/v2/pages/123 in the spec")},

		// /rest/api/2 looked up as /rest/api/3.
		{"rest api 2", "GET", site, "/rest/api/2/issue/PROJ-1", getIssue},
		{"rest api 2 createmeta", "GET", site, "/rest/api/2/issue/createmeta", createmeta},
		{"rest api 2 wrong method", "PATCH", site, "/rest/api/2/issue/PROJ-1", fail("matches only under another method: DELETE, GET, PUT")},

		// Bitbucket.
		{"bitbucket", "GET", bb, "/2.0/repositories/ws/repo/src", found("bitbucket", "GET /2.0/repositories/{workspace}/{repo_slug}/src")},
		{"bitbucket trailing path one segment", "GET", bb, "/2.0/repositories/ws/repo/src/main/README.md", found("bitbucket", "GET /2.0/repositories/{workspace}/{repo_slug}/src/{commit}/{path}")},
		{"bitbucket trailing path many segments", "GET", bb, "/2.0/repositories/ws/repo/src/main/a/b/c.go", found("bitbucket", "GET /2.0/repositories/{workspace}/{repo_slug}/src/{commit}/{path}")},
		{"bitbucket trailing path holes", "GET", bb, "/2.0/repositories/{}/{}/src/{}/{}", found("bitbucket", "GET /2.0/repositories/{workspace}/{repo_slug}/src/{commit}/{path}")},
		{"bitbucket trailing path needs a segment", "GET", bb, "/2.0/repositories/ws/repo/src/main", fail("no operation GET /2.0/repositories/ws/repo/src/main in the spec")},
		{"bitbucket mixed segment", "GET", bb, "/2.0/repositories/ws/repo/issues/export/repo-issues-5.zip", found("bitbucket", "GET /2.0/repositories/{workspace}/{repo_slug}/issues/export/{repo_name}-issues-{task_id}.zip")},
		{"bitbucket mixed segment with holes", "GET", bb, "/2.0/repositories/{}/{}/issues/export/{}-issues-{}.zip", found("bitbucket", "GET /2.0/repositories/{workspace}/{repo_slug}/issues/export/{repo_name}-issues-{task_id}.zip")},
		{"bitbucket mixed segment whole hole", "GET", bb, "/2.0/repositories/{}/{}/issues/export/{}", found("bitbucket", "GET /2.0/repositories/{workspace}/{repo_slug}/issues/export/{repo_name}-issues-{task_id}.zip")},
		{"bitbucket mixed segment mismatch", "GET", bb, "/2.0/repositories/ws/repo/issues/export/repo.tar", fail("no operation GET /2.0/repositories/ws/repo/issues/export/repo.tar in the spec")},
		{"bitbucket without origin", "GET", "", "/2.0/workspaces", found("bitbucket", "GET /2.0/workspaces")},
		{"bitbucket.org is not the API", "GET", "https://bitbucket.org", "/2.0/workspaces", fail("not an Atlassian Cloud REST origin: https://bitbucket.org")},
		{"bitbucket origin reaches no jira", "GET", bb, "/rest/api/3/issue/X", fail("no operation GET /rest/api/3/issue/X in the spec")},

		// Most specific template.
		{"createmeta over issueIdOrKey", "GET", site, "/rest/api/3/issue/createmeta", createmeta},
		{"hole never matches createmeta", "GET", site, "/rest/api/3/issue/{}", getIssue},
		{"partial hole is not a literal", "GET", site, "/rest/api/3/issue/PROJ-{}", getIssue},

		// Holes.
		{"hole where only literals", "GET", site, "/rest/api/3/{}", fail("non-constant segment where the spec has only literal segments (GET /rest/api/3/{})")},
		{"hole where only literals deeper", "GET", site, "/rest/api/3/{}/createmeta", fail("non-constant segment where the spec has only literal segments (GET /rest/api/3/{}/createmeta)")},
		{"hole where nothing", "GET", site, "/rest/api/3/{}/nothing/here", fail("no operation GET /rest/api/3/{}/nothing/here in the spec")},
		{"whole path a hole", "GET", site, "{}", fail("no operation GET /{} in the spec")},

		// Clean-up.
		{"query string", "GET", site, "/rest/api/3/issue/createmeta?projectKeys=X", createmeta},
		{"fragment", "GET", site, "/rest/api/3/issue/createmeta#top", createmeta},
		{"trailing slash", "GET", site, "/rest/api/3/issue/createmeta/", createmeta},
		{"double slash", "GET", site, "//rest/api/3//issue//createmeta", createmeta},
		{"percent-encoded literal", "GET", site, "/rest/api/3/issue/create%6Deta", createmeta},
		{"percent-encoded slash stays one segment", "GET", site, "/rest/api/3/issue/A%2FB", getIssue},
		{"bad percent-encoding kept", "GET", site, "/rest/api/3/issue/%zz", getIssue},

		// Legacy.
		{"legacy confluence", "GET", site, "/wiki/rest/api/content/123", legacy("confluence-v1-legacy", "GET /wiki/rest/api/content/{id}")},
		{"legacy jira", "POST", site, "/rest/api/3/workflow", legacy("jira-legacy", "POST /rest/api/3/workflow")},
		{"legacy jira via rest api 2", "GET", site, "/rest/api/2/workflow", legacy("jira-legacy", "GET /rest/api/3/workflow")},
		{"current before legacy", "GET", site, "/rest/api/3/workflow/search", found("jira", "GET /rest/api/3/workflow/search")},

		// Unknown and wrong method.
		{"unknown", "GET", site, "/rest/api/3/foo", fail("no operation GET /rest/api/3/foo in the spec")},
		{"unknown product path", "GET", site, "/status", fail("no operation GET /status in the spec")},
		{"wrong method", "POST", site, "/rest/api/3/issue/createmeta", fail("matches only under another method: DELETE, GET, PUT")},
		{"wrong method one", "DELETE", site, "/rest/api/3/myself", fail("matches only under another method: GET")},
		{"method unknown", "", site, "/rest/api/3/issue/X", fail(reasonNoMethod)},
		{"method hole", "{}", site, "/rest/api/3/issue/X", fail(reasonNoMethod)},
		{"empty path", "GET", site, "", fail(reasonNoPath)},
		{"other host", "GET", "https://jira.example.com", "/rest/api/3/issue/X", fail("not an Atlassian Cloud REST origin: https://jira.example.com")},
		{"other host hides userinfo", "GET", "https://me:secret@jira.example.com", "/rest/api/3/issue/X", fail("not an Atlassian Cloud REST origin: https://jira.example.com")},
		{"unknown host is no origin", "GET", "https://{}", "/rest/api/3/issue/X", found("jira", "GET /rest/api/3/issue/{issueIdOrKey}")},
		{"too long", "GET", site, "/rest" + strings.Repeat("/a", 40), fail("no operation GET /rest" + strings.Repeat("/a", 40) + " in the spec")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lookup(tt.method, tt.origin, tt.path)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("LookupOperation(%q, %q, %q) (-want +got):\n%s", tt.method, tt.origin, tt.path, diff)
			}
		})
	}
}

func TestSatisfiedBy(t *testing.T) {
	getIssue, ok, _ := LookupOperation("GET", "", "/rest/api/3/issue/X")
	if !ok {
		t.Fatal("GET issue not found")
	}
	v2page, ok, _ := LookupOperation("GET", "", "/wiki/api/v2/pages/1")
	if !ok {
		t.Fatal("GET page not found")
	}
	serverInfo, ok, _ := LookupOperation("GET", "", "/rest/api/3/serverInfo")
	if !ok {
		t.Fatal("serverInfo not found")
	}
	type result struct {
		OK                bool
		Classic, Granular []string
	}
	tests := []struct {
		name   string
		op     *Operation
		scopes []string
		want   result
	}{
		{"classic alternative", getIssue, []string{"read:jira-work"}, result{OK: true, Granular: getIssue.Granular}},
		{"granular alternative", getIssue, getIssue.Granular, result{OK: true, Classic: []string{"read:jira-work"}}},
		{"granular plus extra", getIssue, append([]string{"write:jira-work", " read:jira-work "}, getIssue.Granular[1:]...),
			result{OK: true, Granular: getIssue.Granular[:1]}},
		{"neither", getIssue, []string{"write:jira-work", "read:issue:jira"}, result{
			Classic:  []string{"read:jira-work"},
			Granular: []string{"read:avatar:jira", "read:field-configuration:jira", "read:issue-meta:jira", "read:issue-security-level:jira", "read:issue.changelog:jira", "read:issue.vote:jira", "read:status:jira", "read:user:jira"},
		}},
		{"no token scopes", v2page, nil, result{Granular: []string{"read:page:confluence"}}},
		{"empty classic is no alternative", v2page, []string{"read:confluence-content.all"}, result{Granular: []string{"read:page:confluence"}}},
		{"granular only", v2page, []string{"read:page:confluence"}, result{OK: true}},
		{"no scopes listed", serverInfo, nil, result{OK: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, mc, mg := SatisfiedBy(tt.op, tt.scopes)
			if diff := cmp.Diff(tt.want, result{ok, mc, mg}); diff != "" {
				t.Errorf("SatisfiedBy(%s, %q) (-want +got):\n%s", tt.op, tt.scopes, diff)
			}
		})
	}
}

func TestKnownScope(t *testing.T) {
	for _, s := range []string{"read:jira-work", "read:issue:jira", "read:page:confluence", "repository", "read:repository:bitbucket", "read:servicedesk-request"} {
		if !KnownScope(s) {
			t.Errorf("KnownScope(%q) = false", s)
		}
	}
	for _, s := range []string{"", "read:jira", "READ:JIRA-WORK", "read:jira-work ", "read:insight:jira-product-discovery"} {
		if KnownScope(s) {
			t.Errorf("KnownScope(%q) = true", s)
		}
	}
}

func TestSegmentFits(t *testing.T) {
	pat := templatePattern("{repo_name}-issues-{task_id}.zip")
	tests := []struct {
		seg  segment
		want bool
	}{
		{segment{text: "r-issues-1.zip"}, true},
		{segment{text: "my-repo-issues-12.zip"}, true},
		{segment{text: "r-issues-1.tar"}, false},
		{segment{text: "issues.zip"}, false},
		{segment{text: "{}", hole: true}, true},
		{segment{text: "{}.zip", hole: true}, true},
		{segment{text: "{}.tar", hole: true}, false},
		{segment{text: "x-{}", hole: true}, true},
		{segment{text: "{}-issues", hole: true}, false},
		{segment{text: "x-{}p", hole: true}, true},
	}
	for _, tt := range tests {
		if got := segmentFits(pat, tt.seg); got != tt.want {
			t.Errorf("segmentFits(%q) = %v, want %v", tt.seg.text, got, tt.want)
		}
	}
}

func TestDeprecatedReplacements(t *testing.T) {
	got := map[string]string{}
	for _, op := range Operations() {
		if op.Replacement == "" {
			continue
		}
		got[op.Product+" "+op.String()] = op.Replacement
		if !op.Deprecated {
			t.Errorf("%s %s: has a replacement but is not deprecated", op.Product, op)
		}
		method, path, _ := strings.Cut(op.Replacement, " ")
		r, ok, reason := LookupOperation(method, "", templateToHoles(path))
		if !ok {
			t.Errorf("%s %s: replacement %s: %s", op.Product, op, op.Replacement, reason)
			continue
		}
		if r.String() != op.Replacement || r.Deprecated || r.Legacy {
			t.Errorf("%s %s: replacement %s resolves to %s %s (deprecated %v)", op.Product, op, op.Replacement, r.Product, r, r.Deprecated)
		}
	}
	// Spot checks against the quoted sentences.
	for k, want := range map[string]string{
		"jira GET /rest/api/3/project":          "GET /rest/api/3/project/search",
		"jira DELETE /rest/api/3/version/{id}":  "POST /rest/api/3/version/{id}/removeAndSwap",
		"bitbucket GET /2.0/repositories":       "GET /2.0/repositories/{workspace}",
		"jira-legacy POST /rest/api/3/workflow": "POST /rest/api/3/workflows/create",
		"jira GET /rest/api/3/search":           "", // the spec links only a change log
		"jira GET /rest/api/3/issue/createmeta": "", // links "Create issue", not as a replacement
	} {
		if got[k] != want {
			t.Errorf("replacement of %s = %q, want %q", k, got[k], want)
		}
	}
	if len(got) != 15 {
		t.Errorf("%d operations with a replacement, want 15", len(got))
	}
}

// Every spec file and commit the replacements cite is one of the sources
// of shared/data/README.md.
func TestDeprecatedReplacementsProvenance(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "README.md"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("shared/data/README.md not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(deprecatedReplacementsTSV), "\n")[1:] {
		f := strings.Split(line, "\t")
		repo, path, _ := strings.Cut(f[6], " ")
		for _, s := range []string{repo, "`" + path + "`", f[7]} {
			if !bytes.Contains(readme, []byte(s)) {
				t.Errorf("%s %s %s: source %q not in shared/data/README.md", f[0], f[1], f[2], s)
			}
		}
	}
}
