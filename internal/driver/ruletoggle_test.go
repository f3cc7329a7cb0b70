package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// TestRuleToggleKeepsCache: enabling or disabling a rule does not
// invalidate the cached findings of the others (the analysis runs every
// rule and the findings are filtered by rule after the cache), and a rule
// that is disabled, off by default (ATL401) or configured but disabled
// (ATL501) leaks no finding, cached or not; neither does a stale directive
// that names only a disabled rule (ATL001).
func TestRuleToggleKeepsCache(t *testing.T) {
	files := map[string]string{
		"a/a.go": "package a\n\nvar apiToken = \"" + atltest.Token(atlassian.APIToken, "toggle") + "\"\n",
		"ro/ro.go": `package ro

import (
	"net/http"
	"os"
	"strings"
)

func Create(body *strings.Reader) {
	req, _ := http.NewRequest(http.MethodPost, "https://jira.example.com/rest/api/2/issue", body)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("JIRA_RO_TOKEN"))
	http.DefaultClient.Do(req)
}
`,
		"b/b.go": "package b\n\n//atlint:ignore ATL401 not an app\nvar Y = 1\n",
	}
	for k, v := range appModule {
		files[k] = v
	}
	dir := module(t, files)
	const ro = "-readonlytoken.source=JIRA_RO_TOKEN"

	out, code, hits, misses, stderr := cacheRun(t, dir, ro, "./...")
	if code != ExitFindings || hits != 0 || misses == 0 {
		t.Fatalf("first run: exit %d, %d hits, %d misses\n%s", code, hits, misses, stderr)
	}
	all := misses
	check := func(name string, args []string, want, wantNot []string) {
		t.Helper()
		out, code, hits, misses, stderr := cacheRun(t, dir, append(append([]string{ro}, args...), "./...")...)
		if code != ExitFindings || hits != all || misses != 0 {
			t.Errorf("%s: exit %d, %d hits, %d misses; want every package (%d) from the cache\n%s", name, code, hits, misses, all, stderr)
		}
		for _, s := range want {
			if !strings.Contains(out, s) {
				t.Errorf("%s: output lacks %q:\n%s", name, s, out)
			}
		}
		for _, s := range wantNot {
			if strings.Contains(out, s) {
				t.Errorf("%s: output holds %q:\n%s", name, s, out)
			}
		}
	}
	// The first run: ATL401 is off by default, and so is the stale
	// directive that names it alone.
	for _, s := range []string{"ATL101", "ATL501"} {
		if !strings.Contains(out, s) {
			t.Fatalf("first run lacks %s (the test would prove little):\n%s", s, out)
		}
	}
	for _, s := range []string{"ATL401", "ATL001"} {
		if strings.Contains(out, s) {
			t.Errorf("first run reports %s:\n%s", s, out)
		}
	}
	check("-disable ATL101", []string{"-disable", "ATL101"}, []string{"ATL501"}, []string{"ATL101", "ATL401", "ATL001"})
	check("-disable ATL501", []string{"-disable", "ATL501"}, []string{"ATL101"}, []string{"ATL501", "ATL401", "ATL001"})
	check("-enable ATL401", []string{"-enable", "ATL401"}, []string{"ATL101", "ATL501", "ATL401", `"b/b.go"`}, nil)
	check("defaults again", nil, []string{"ATL101", "ATL501"}, []string{"ATL401", "ATL001"})
	check("-disable ATL001", []string{"-enable", "ATL401", "-disable", "ATL001"}, []string{"ATL401"}, []string{"ATL001"})
	// The configuration file's enable and disable keys (a file outside the
	// module: one beside the code is a sample configuration, in the keys).
	cfg := filepath.Join(t.TempDir(), "atlint.yml")
	if err := os.WriteFile(cfg, []byte("disable: [ATL501]\nenable: [ATL401]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("-config", []string{"-config", cfg}, []string{"ATL101", "ATL401"}, []string{"ATL501"})

	// Without the cache, the same findings.
	for _, args := range [][]string{nil, {"-disable", "ATL101"}, {"-enable", "ATL401"}} {
		cached, _, _, _, _ := cacheRun(t, dir, append(append([]string{ro}, args...), "./...")...)
		fresh, _, hits, _, _ := cacheRun(t, dir, append(append([]string{ro, "-cache=false"}, args...), "./...")...)
		if hits != -1 || fresh != cached {
			t.Errorf("%q: -cache=false differs from the cached run:\n%s\n---\n%s", args, fresh, cached)
		}
	}
}
