package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/output"
)

// cacheStats runs atlint with -v in dir and returns stdout, the exit code
// and the hits and misses of the result cache.
func cacheRun(t *testing.T, dir string, args ...string) (out string, code, hits, misses int, stderr string) {
	t.Helper()
	var so, se bytes.Buffer
	code = Main(append([]string{"-v", "-format", "json"}, args...), Env{Stdout: &so, Stderr: &se, Dir: dir})
	m := regexp.MustCompile(`atlint: result cache: (\d+) hits, (\d+) misses`).FindStringSubmatch(se.String())
	if m == nil {
		return so.String(), code, -1, -1, se.String()
	}
	hits, _ = strconv.Atoi(m[1])
	misses, _ = strconv.Atoi(m[2])
	return so.String(), code, hits, misses, se.String()
}

// cachedPackages returns the IDs of the packages -v reports as cached.
func cachedIDs(stderr string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`(?m)^atlint: \[cached\] (.*): \d+ diagnostics?$`).FindAllStringSubmatch(stderr, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func cacheModule(t *testing.T) string {
	tok := atltest.Token(atlassian.APIToken, "cache")
	return module(t, map[string]string{
		"a/a.go":      "package a\n\nimport \"example.com/m/dep\"\n\n//atlint:ignore ATL101\nvar X = dep.V\n",
		"a/a_test.go": "package a\n\nvar apiToken = \"" + tok + "\"\n",
		"b/b.go":      "package b\n\n//atlint:ignore ATL101\nvar Y = 1\n",
		"dep/dep.go":  "package dep\n\nvar V = 1\n",
	})
}

func TestResultCache(t *testing.T) {
	dir := cacheModule(t)
	tok := atltest.Token(atlassian.APIToken, "cache")

	first, code, hits, misses, _ := cacheRun(t, dir, "./...")
	if code != ExitFindings || hits != 0 || misses == 0 {
		t.Fatalf("first run: exit %d, %d hits, %d misses", code, hits, misses)
	}
	if !strings.Contains(first, "ATL101") || !strings.Contains(first, "ATL001") {
		t.Fatalf("first run lacks the findings:\n%s", first)
	}
	second, code, hits, misses2, stderr := cacheRun(t, dir, "./...")
	if code != ExitFindings || hits != misses || misses2 != 0 {
		t.Fatalf("second run: exit %d, %d hits, %d misses (first run: %d misses)\n%s", code, hits, misses2, misses, stderr)
	}
	if strings.Contains(stderr, "atlint: loaded") {
		t.Errorf("a fully cached run loaded packages:\n%s", stderr)
	}
	if d := cmp.Diff(first, second); d != "" {
		t.Errorf("cached output differs (-first +second):\n%s", d)
	}
	// The line text is not stored, so no entry holds the token.
	filepath.Walk(os.Getenv(cacheEnv), func(path string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			b, _ := os.ReadFile(path)
			if bytes.Contains(b, []byte(tok)) || bytes.Contains(b, []byte(tok[len(tok)-30:])) {
				t.Errorf("cache entry %s holds the token", path)
			}
		}
		return nil
	})

	// -cache=false: no cache at all.
	if out, code, hits, _, stderr := cacheRun(t, dir, "-cache=false", "./..."); code != ExitFindings || hits != -1 || out != first || !strings.Contains(stderr, "atlint: loaded") {
		t.Errorf("-cache=false: exit %d, hits %d, same output %v\n%s", code, hits, out == first, stderr)
	}

	// Configuration applied after the cache: an exclude still works on a
	// fully cached run, and the baseline, severities and files too.
	os.WriteFile(filepath.Join(dir, ".atlint.yml"), []byte("exclude: [a]\n"), 0o644)
	if out, code, hits, misses, _ := cacheRun(t, dir, "./..."); code != ExitFindings || misses != 0 || hits == 0 || strings.Contains(out, "a/a") {
		t.Errorf("exclude a on a cached run: exit %d, %d hits, %d misses\n%s", code, hits, misses, out)
	}
	os.Remove(filepath.Join(dir, ".atlint.yml"))
	if out, code, _, misses, _ := cacheRun(t, dir, filepath.Join("b", "b.go")); code != ExitFindings || misses != 0 || strings.Contains(out, "a/a") || !strings.Contains(out, "b/b.go") {
		t.Errorf("file argument on a cached run: exit %d, %d misses\n%s", code, misses, out)
	}

	// A rule option: every package misses once, then hits.
	if _, _, hits, _, _ := cacheRun(t, dir, "-credentials.tests=false", "./..."); hits != 0 {
		t.Errorf("-credentials.tests=false: %d hits, want 0", hits)
	}
	out, _, hits, _, _ := cacheRun(t, dir, "-credentials.tests=false", "./...")
	if hits == 0 || strings.Contains(out, "ATL101") {
		t.Errorf("-credentials.tests=false again: %d hits\n%s", hits, out)
	}

	// Editing a file: only its packages miss.
	os.WriteFile(filepath.Join(dir, "b", "b.go"), []byte("package b\n\n//atlint:ignore ATL101\nvar Y = 2\n"), 0o644)
	_, _, _, misses, stderr = cacheRun(t, dir, "./...")
	if got := cachedIDs(stderr); misses != 1 || strings.Contains(strings.Join(got, " "), "example.com/m/b") {
		t.Errorf("after editing b: %d misses, cached %q, want b alone to miss\n%s", misses, got, stderr)
	}

	// Changing a dependency's source: its importers miss too (the export
	// data changes), b does not.
	os.WriteFile(filepath.Join(dir, "dep", "dep.go"), []byte("package dep\n\nvar V, W = 1, 2\n"), 0o644)
	_, _, _, misses, stderr = cacheRun(t, dir, "./...")
	got := cachedIDs(stderr)
	if d := cmp.Diff([]string{"example.com/m/b"}, got); d != "" || misses == 0 {
		t.Errorf("after editing dep: %d misses, cached packages (-want +got):\n%s\n%s", misses, d, stderr)
	}
	if out, code, _, misses, _ := cacheRun(t, dir, "./..."); misses != 0 || out != first || code != ExitFindings {
		t.Errorf("after editing dep, again: %d misses, exit %d, output:\n%s", misses, code, out)
	}

	// A corrupt entry is a miss, and is replaced.
	entries, _ := filepath.Glob(filepath.Join(os.Getenv(cacheEnv), "*", "*"))
	if len(entries) == 0 {
		t.Fatal("no cache entries")
	}
	for _, e := range entries {
		os.WriteFile(e, []byte(`{"format": "atlint-results-1", "findings": [{"rule": `), 0o644)
	}
	if out, code, hits, misses, stderr := cacheRun(t, dir, "./..."); hits != 0 || misses == 0 || out != first || code != ExitFindings {
		t.Errorf("corrupt entries: exit %d, %d hits, %d misses\n%s\n%s", code, hits, misses, out, stderr)
	}
	if _, _, hits, misses, _ := cacheRun(t, dir, "./..."); hits == 0 || misses != 0 {
		t.Errorf("after corrupt entries were replaced: %d hits, %d misses", hits, misses)
	}
}

// TestResultCacheFix checks that fixes come back from the cache with
// offsets that apply, and that a fixed file misses.
func TestResultCacheFix(t *testing.T) {
	dir := cacheModule(t)
	var so, se bytes.Buffer
	Main([]string{"-diff", "./..."}, Env{Stdout: &so, Stderr: &se, Dir: dir})
	diff1 := so.String()
	if !strings.Contains(diff1, "os.Getenv") {
		t.Fatalf("-diff shows no fix:\n%s\n%s", diff1, se.String())
	}
	so.Reset()
	se.Reset()
	Main([]string{"-v", "-diff", "./..."}, Env{Stdout: &so, Stderr: &se, Dir: dir})
	if so.String() != diff1 || !strings.Contains(se.String(), " 0 misses") {
		t.Errorf("cached -diff differs or missed:\n%s\n%s", so.String(), se.String())
	}
	se.Reset()
	Main([]string{"-fix", "./..."}, Env{Stdout: &so, Stderr: &se, Dir: dir})
	b, _ := os.ReadFile(filepath.Join(dir, "a", "a_test.go"))
	if !strings.Contains(string(b), "os.Getenv") {
		t.Errorf("-fix from the cache did not fix a_test.go:\n%s\n%s", b, se.String())
	}
	if out, _, _, misses, _ := cacheRun(t, dir, "./..."); misses == 0 || strings.Contains(out, "ATL101") {
		t.Errorf("after -fix: %d misses\n%s", misses, out)
	}
}

// TestResultCacheLoadErrors checks that packages that do not type-check
// are never stored: the errors are reported on every run.
func TestResultCacheLoadErrors(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go": "package a\n\nvar X int = \"s\"\n",
		"b/b.go": "package b\n",
	})
	for i := range 2 {
		_, code, hits, _, stderr := cacheRun(t, dir, "./...")
		if code != ExitError || !strings.Contains(stderr, "load error") {
			t.Errorf("run %d: exit %d\n%s", i, code, stderr)
		}
		if ids := cachedIDs(stderr); i == 1 && (hits != 1 || len(ids) != 1 || ids[0] != "example.com/m/b") {
			t.Errorf("run %d: %d hits, cached %q, want b alone", i, hits, ids)
		}
	}
}

// TestResultCacheEmbed checks that an embedded GraphQL file is part of the
// key, and that a package with embedded files is stored.
func TestResultCacheEmbed(t *testing.T) {
	dir := module(t, map[string]string{
		"q/q.go":        "package q\n\nimport _ \"embed\"\n\n//go:embed q.graphql\nvar Query string\n",
		"q/q.graphql":   "query { viewer { id } }\n",
		"q/other/o.go":  "package other\n",
		"q/notes.gql":   "# not embedded\n",
		"q/unused.txt":  "x\n",
		"q/other/x.txt": "x\n",
	})
	if _, _, hits, misses, stderr := cacheRun(t, dir, "./..."); hits != 0 || misses != 2 {
		t.Fatalf("first run: %d hits, %d misses\n%s", hits, misses, stderr)
	}
	if _, _, hits, misses, stderr := cacheRun(t, dir, "./..."); hits != 2 || misses != 0 {
		t.Fatalf("second run: %d hits, %d misses\n%s", hits, misses, stderr)
	}
	for _, name := range []string{"q.graphql", "notes.gql"} {
		os.WriteFile(filepath.Join(dir, "q", name), []byte("query { viewer { name } }\n"), 0o644)
		_, _, _, misses, stderr := cacheRun(t, dir, "./...")
		if ids := cachedIDs(stderr); misses != 1 || len(ids) != 1 || ids[0] != "example.com/m/q/other" {
			t.Errorf("after editing %s: %d misses, cached %q, want q alone to miss\n%s", name, misses, ids, stderr)
		}
		if _, _, _, misses, stderr := cacheRun(t, dir, "./..."); misses != 0 {
			t.Errorf("after editing %s, again: %d misses\n%s", name, misses, stderr)
		}
	}
}

// TestResultCachePutRefusesSecrets checks that a finding whose text holds a
// credential is not written.
func TestResultCachePutRefusesSecrets(t *testing.T) {
	c := &resultCache{dir: t.TempDir()}
	tok := atltest.Token(atlassian.APIToken, "put")
	key := strings.Repeat("ab", 32)
	abs := filepath.Join(c.dir, "x.go")
	f := output.Finding{RuleID: "ATL101", Message: "ATL101 m", Pos: output.Position{File: abs}, End: output.Position{File: abs},
		Fixes: []output.Fix{{Message: "use os.Getenv", Edits: []output.Edit{{Pos: output.Position{File: abs}, End: output.Position{File: abs}, NewText: `"` + tok + `"`}}}}}
	if err := c.put(key, []output.Finding{f}, []string{"p"}); err != errSecret {
		t.Errorf("put with a token in an edit: %v, want errSecret", err)
	}
	if _, _, ok := c.get(key); ok {
		t.Error("the entry was written")
	}
	f.Fixes[0].Edits[0].NewText = `os.Getenv("ATLASSIAN_API_TOKEN")`
	if err := c.put(key, []output.Finding{f}, []string{"p"}); err != nil {
		t.Fatal(err)
	}
	got, ids, ok := c.get(key)
	if !ok || len(got) != 1 || ids[0] != "p" {
		t.Fatalf("get: %v %v %v", got, ids, ok)
	}
	if d := cmp.Diff(f, got[0]); d != "" {
		t.Errorf("round trip (-put +get):\n%s", d)
	}
	// An entry under another key (a renamed file) is a miss.
	other := strings.Repeat("cd", 32)
	os.MkdirAll(filepath.Dir(c.path(other)), 0o755)
	b, _ := os.ReadFile(c.path(key))
	os.WriteFile(c.path(other), b, 0o644)
	if _, _, ok := c.get(other); ok {
		t.Error("an entry stored under another key was accepted")
	}
}
