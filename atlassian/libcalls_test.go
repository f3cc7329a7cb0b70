package atlassian

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLibCallRowsWellFormed(t *testing.T) {
	perModule := map[string]int{}
	for _, c := range LibCalls() {
		perModule[c.Module+"@"+c.Version]++
		if !isMethodName(c.HTTPMethod) {
			t.Errorf("%s.%s: HTTP method %q", c.Receiver, c.Method, c.HTTPMethod)
		}
		if !strings.HasPrefix(c.Path, "/") && !strings.HasPrefix(c.Path, "https://") {
			t.Errorf("%s.%s: path %q", c.Receiver, c.Method, c.Path)
		}
		if strings.ContainsAny(c.Path, "?#%") {
			t.Errorf("%s.%s: path %q has a query, fragment or verb", c.Receiver, c.Method, c.Path)
		}
		if !strings.HasPrefix(c.Package, c.Module) || c.Source == "" || c.Receiver == "" || strings.HasPrefix(c.Receiver, "*") {
			t.Errorf("malformed row %+v", c)
		}
	}
	want := map[string]int{
		"github.com/andygrunwald/go-jira@v1.17.0":                               210,
		"github.com/andygrunwald/go-jira/v2@v2.0.0-20250914065312-05fb5bc92aec": 199,
		"github.com/ctreminiom/go-atlassian@v1.6.1":                             882,
		"github.com/ctreminiom/go-atlassian/v2@v2.12.0":                         951,
		"github.com/ktrysmt/go-bitbucket@v0.10.0":                               160,
	}
	if diff := cmp.Diff(want, perModule); diff != "" {
		t.Errorf("rows per module (-want +got):\n%s", diff)
	}
}

func isMethodName(s string) bool {
	switch s {
	case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS":
		return true
	}
	return false
}

func TestLookupLibCall(t *testing.T) {
	type res struct {
		OK   bool
		Call LibCall
	}
	tests := []struct {
		name                  string
		pkg, receiver, method string
		want                  res
	}{
		{"go-jira v1", "github.com/andygrunwald/go-jira", "IssueService", "Get", res{true, LibCall{
			Module: "github.com/andygrunwald/go-jira", Version: "v1.17.0", Package: "github.com/andygrunwald/go-jira",
			Receiver: "IssueService", Method: "Get", HTTPMethod: "GET", Path: "/rest/api/2/issue/{}", Source: "issue.go"}}},
		{"pointer receiver spelling", "github.com/andygrunwald/go-jira", "*IssueService", "GetWithContext", res{true, LibCall{
			Module: "github.com/andygrunwald/go-jira", Version: "v1.17.0", Package: "github.com/andygrunwald/go-jira",
			Receiver: "IssueService", Method: "GetWithContext", HTTPMethod: "GET", Path: "/rest/api/2/issue/{}", Source: "issue.go"}}},
		{"go-jira v2 cloud", "github.com/andygrunwald/go-jira/v2/cloud", "IssueService", "Get", res{true, LibCall{
			Module: "github.com/andygrunwald/go-jira/v2", Version: "v2.0.0-20250914065312-05fb5bc92aec", Package: "github.com/andygrunwald/go-jira/v2/cloud",
			Receiver: "IssueService", Method: "Get", HTTPMethod: "GET", Path: "/rest/api/2/issue/{}", Source: "cloud/issue.go"}}},
		{"go-atlassian v2 agile", "github.com/ctreminiom/go-atlassian/v2/jira/agile/internal", "BoardService", "Get", res{true, LibCall{
			Module: "github.com/ctreminiom/go-atlassian/v2", Version: "v2.12.0", Package: "github.com/ctreminiom/go-atlassian/v2/jira/agile/internal",
			Receiver: "BoardService", Method: "Get", HTTPMethod: "GET", Path: "/rest/agile/1.0/board/{}", Source: "jira/agile/internal/board_impl.go"}}},
		{"go-bitbucket", "github.com/ktrysmt/go-bitbucket", "Repository", "Get", res{true, LibCall{
			Module: "github.com/ktrysmt/go-bitbucket", Version: "v0.10.0", Package: "github.com/ktrysmt/go-bitbucket",
			Receiver: "Repository", Method: "Get", HTTPMethod: "GET", Path: "/2.0/repositories/{}/{}", Source: "repository.go"}}},
		{"unknown method", "github.com/andygrunwald/go-jira", "IssueService", "NoSuchMethod", res{}},
		{"unknown package", "example.com/jira", "IssueService", "Get", res{}},
		{"method sending nothing", "github.com/andygrunwald/go-jira", "AuthenticationService", "SetBasicAuth", res{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := LookupLibCall(tt.pkg, tt.receiver, tt.method)
			if diff := cmp.Diff(tt.want, res{ok, c}); diff != "" {
				t.Errorf("LookupLibCall(%q, %q, %q) (-want +got):\n%s", tt.pkg, tt.receiver, tt.method, diff)
			}
		})
	}
}

func TestLookupLibCallsAlternatives(t *testing.T) {
	// go-atlassian's jira/internal services take the API version from the
	// client (jira/v2 or jira/v3): one row per version.
	var got []string
	for _, c := range LookupLibCalls("github.com/ctreminiom/go-atlassian/v2/jira/internal", "PriorityService", "Get") {
		got = append(got, c.HTTPMethod+" "+c.Path)
	}
	want := []string{"GET /rest/api/2/priority/{}", "GET /rest/api/3/priority/{}"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LookupLibCalls (-want +got):\n%s", diff)
	}
	if got := LookupLibCalls("example.com/x", "T", "M"); len(got) != 0 {
		t.Errorf("LookupLibCalls of an unknown method = %v", got)
	}
	for pkg, want := range map[string]bool{
		"github.com/andygrunwald/go-jira":                     true,
		"github.com/andygrunwald/go-jira/v2/onpremise":        true,
		"github.com/ctreminiom/go-atlassian/v2/jira/internal": true,
		"github.com/ktrysmt/go-bitbucket":                     true,
		"github.com/ctreminiom/go-atlassian/v2/jira/v3":       false, // the client, whose fields are the services
		"net/http": false,
	} {
		if got := IsLibCallPackage(pkg); got != want {
			t.Errorf("IsLibCallPackage(%q) = %v, want %v", pkg, got, want)
		}
	}
}

// The library rows resolve to operations of the scope table: spot checks,
// and the share per module (logged) with a floor so that a broken table or
// matcher shows.
func TestLibCallsResolve(t *testing.T) {
	spot := []struct{ pkg, recv, method, op string }{
		{"github.com/andygrunwald/go-jira", "IssueService", "Get", "GET /rest/api/3/issue/{issueIdOrKey}"},
		{"github.com/andygrunwald/go-jira", "IssueService", "GetCreateMeta", "GET /rest/api/3/issue/createmeta"},
		{"github.com/andygrunwald/go-jira", "BoardService", "GetAllBoards", "GET /rest/agile/1.0/board"},
		{"github.com/andygrunwald/go-jira/v2/cloud", "IssueService", "Search", "GET /rest/api/3/search"},
		{"github.com/ctreminiom/go-atlassian/v2/confluence/internal", "ContentService", "Get", "GET /wiki/rest/api/content/{id}"},
		{"github.com/ktrysmt/go-bitbucket", "Repository", "GetFileBlob", "GET /2.0/repositories/{workspace}/{repo_slug}/src/{commit}/{path}"},
	}
	for _, s := range spot {
		c, ok := LookupLibCall(s.pkg, s.recv, s.method)
		if !ok {
			t.Errorf("no row for %s %s.%s", s.pkg, s.recv, s.method)
			continue
		}
		op, ok, reason := LookupOperation(c.HTTPMethod, "", c.Path)
		if !ok {
			t.Errorf("%s.%s %s %s: %s", s.recv, s.method, c.HTTPMethod, c.Path, reason)
			continue
		}
		if op.String() != s.op {
			t.Errorf("%s.%s %s %s resolves to %s, want %s", s.recv, s.method, c.HTTPMethod, c.Path, op, s.op)
		}
	}

	type count struct{ rows, resolved int }
	counts := map[string]*count{}
	reasons := map[string]int{}
	for _, c := range LibCalls() {
		k := c.Module + "@" + c.Version
		if counts[k] == nil {
			counts[k] = &count{}
		}
		counts[k].rows++
		if _, ok, reason := LookupOperation(c.HTTPMethod, "", c.Path); ok {
			counts[k].resolved++
		} else {
			reasons[k+": "+strings.SplitN(reason, " ", 3)[0]+" "+strings.SplitN(reason, " ", 3)[1]]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := counts[k]
		t.Logf("%s: %d of %d rows resolve (%.0f%%)", k, c.resolved, c.rows, 100*float64(c.resolved)/float64(c.rows))
		if c.resolved*2 < c.rows {
			t.Errorf("%s: only %d of %d rows resolve", k, c.resolved, c.rows)
		}
	}
	t.Logf("unresolved by reason: %v", reasons)
}
