package tokenscopes_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/tokenscopes"
)

const (
	classic  = "read:jira-work"
	granular = "read:avatar:jira,read:field-configuration:jira,read:issue-meta:jira,read:issue-security-level:jira,read:issue.changelog:jira,read:issue.vote:jira,read:issue:jira,read:status:jira,read:user:jira"
)

func configured(t *testing.T, scopes string) *analysis.Analyzer {
	t.Helper()
	a := tokenscopes.New()
	if err := a.Flags.Set("token-scopes", scopes); err != nil {
		t.Fatal(err)
	}
	return a
}

func messages(acts []*checker.Action) []string {
	var out []string
	for _, act := range acts {
		for _, d := range act.Diagnostics {
			out = append(out, d.Message)
		}
	}
	return out
}

var (
	page = "ATL202 GET /wiki/api/v2/pages/{id} (getPageById) needs scopes the token lacks: add read:page:confluence (granular)"
	del  = "ATL202 DELETE /rest/api/3/issue/{issueIdOrKey} (deleteIssue) needs scopes the token lacks: add delete:issue:jira (granular) or write:jira-work (classic)"
)

// Under the classic alternative the issue read is satisfied and the writes
// are reported, on the fixture's "// want" lines, with exactly the scopes
// missing.
func TestClassic(t *testing.T) {
	want := []string{
		"ATL202 POST /rest/api/3/issue (createIssue) needs scopes the token lacks: add read:issue:jira, write:attachment:jira, write:comment.property:jira, write:comment:jira, write:issue:jira (granular) or write:jira-work (classic)",
		page,
		del,
	}
	var acts []*checker.Action
	for _, r := range atltest.Run(t, t, atltest.Scenarios(t, "tokenscopes"), configured(t, classic), nil, "tokenscopes") {
		acts = append(acts, r.Action)
	}
	if diff := cmp.Diff(want, messages(acts)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// One load for the other configurations: under the granular alternative
// the same writes are reported with the granular scopes missing; a token
// with every scope needed, by either alternative, is silent; so is the
// rule with no scopes declared.
func TestGranularAndSilent(t *testing.T) {
	granularA := configured(t, granular)
	silent := map[string]*analysis.Analyzer{
		"sufficient classic":  configured(t, "read:jira-work,write:jira-work,read:page:confluence"),
		"sufficient granular": configured(t, granular+",write:attachment:jira,write:comment.property:jira,write:comment:jira,write:issue:jira,read:page:confluence,delete:issue:jira"),
		"none declared":       tokenscopes.New(),
		"package analyzer":    tokenscopes.Analyzer,
	}
	all := []*analysis.Analyzer{granularA}
	for _, a := range silent {
		all = append(all, a)
	}
	res := atltest.Analyze(t, atltest.Scenarios(t, "tokenscopes"), all, nil, "tokenscopes")
	want := []string{
		"ATL202 POST /rest/api/3/issue (createIssue) needs scopes the token lacks: add write:attachment:jira, write:comment.property:jira, write:comment:jira, write:issue:jira (granular) or write:jira-work (classic)",
		page,
		del,
	}
	if diff := cmp.Diff(want, messages(res[granularA])); diff != "" {
		t.Errorf("granular: diagnostics (-want +got):\n%s", diff)
	}
	for name, a := range silent {
		if got := messages(res[a]); len(got) != 0 {
			t.Errorf("%s: got %q, want no diagnostics", name, got)
		}
	}
}

func TestFlag(t *testing.T) {
	a := tokenscopes.New()
	f := a.Flags.Lookup("token-scopes")
	if err := f.Value.Set(" read:jira-work, ,read:view:jira-product-discovery"); err != nil {
		t.Fatal(err)
	}
	if got, want := f.Value.String(), "read:jira-work,read:view:jira-product-discovery"; got != want {
		t.Errorf("token-scopes = %q, want %q", got, want)
	}
	for _, bad := range []string{"read:jira-wrok", "write:everything", "read:jira-work,nope"} {
		err := f.Value.Set(bad)
		if err == nil || !strings.Contains(err.Error(), "unknown scope") {
			t.Errorf("Set(%q) = %v, want an unknown-scope error", bad, err)
		}
	}
	if got := tokenscopes.New().Flags.Lookup("token-scopes").Value.String(); got != "" {
		t.Errorf("fresh analyzer token-scopes = %q, want empty", got)
	}
}

func TestMessageOneAlternative(t *testing.T) {
	op := &atlassian.Operation{Method: "GET", Path: "/2.0/x", Classic: []string{"repository"}}
	if got, want := tokenscopes.Message(op, []string{"repository"}, nil), "GET /2.0/x needs scopes the token lacks: add repository (classic)"; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}
