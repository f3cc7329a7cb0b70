package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The golangci-lint release under test is the `version:` of .custom-gcl.yml
// at the repository root, the file `golangci-lint custom` users copy;
// cmd/build-golangci-lint builds the same one by default (its tests keep
// the two equal) and the binary's version must name it.

// customGCL is what the test needs from .custom-gcl.yml.
type customGCL struct {
	Version        string // golangci-lint version, v2.x.y
	Module, Import string // our plugin's module and package
}

// readCustomGCL reads .custom-gcl.yml with a line scanner: its form is
// fixed (a top-level version and one plugin), and the test checks it.
func readCustomGCL(t testing.TB, root string) customGCL {
	t.Helper()
	text := readFile(t, filepath.Join(root, ".custom-gcl.yml"))
	var c customGCL
	field := regexp.MustCompile(`^(\s*-?\s*)(version|module|import):\s*(\S+)\s*$`)
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		m := field.FindStringSubmatch(sc.Text())
		switch {
		case m == nil:
		case m[2] == "version" && m[1] == "":
			c.Version = m[3]
		case m[2] == "module":
			c.Module = m[3]
		case m[2] == "import":
			c.Import = m[3]
		}
	}
	if !regexp.MustCompile(`^v2\.\d+\.\d+$`).MatchString(c.Version) {
		t.Fatalf(".custom-gcl.yml: version %q is not a golangci-lint v2 release (v2.x.y)", c.Version)
	}
	if c.Module != "github.com/atlint/atlint" || c.Import != "github.com/atlint/atlint/plugin" {
		t.Fatalf(".custom-gcl.yml: plugin module %q import %q, want github.com/atlint/atlint and github.com/atlint/atlint/plugin", c.Module, c.Import)
	}
	return c
}

var gcl struct {
	sync.Mutex
	path  string
	stamp string // the version it reports
}

// buildEnv is the environment of the go commands that build golangci-lint:
// modules from GOPROXY (the environment's, usually proxy.golang.org), never
// a workspace, never another toolchain.
var buildEnv = []string{"GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local"}

// buildCommand is the README's command that builds golangci-lint with the
// atlint plugin from the Go module proxy alone, run at the repository root.
var buildCommand = []string{"go", "run", "./cmd/build-golangci-lint"}

// golangciLint returns the path of a golangci-lint binary containing the
// atlint plugin built from this checkout by the README's command
// (buildCommand). The binary is cached in os.UserCacheDir()/atlint-e2e
// under the version it reports (buildCommand -print-version: the
// golangci-lint version and a hash of atlint's sources and toolchain): a
// cold build takes minutes, a warm one nothing.
func golangciLint(t *testing.T) string {
	t.Helper()
	gcl.Lock()
	defer gcl.Unlock()
	if gcl.path != "" {
		return gcl.path
	}
	root := repoRoot(t)
	c := readCustomGCL(t, root)
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		cacheRoot = os.TempDir()
	}
	cache := filepath.Join(cacheRoot, "atlint-e2e")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	pv := mustRun(t, 5*time.Minute, root, buildEnv, buildCommand[0], append(buildCommand[1:], "-print-version")...)
	stamp := strings.TrimSpace(pv.stdout)
	want := strings.TrimPrefix(c.Version, "v") + "-custom-gcl-atlint-"
	if !strings.HasPrefix(stamp, want) || strings.ContainsAny(stamp, "/ \n") {
		t.Fatalf("%s -print-version = %q, want %s<source hash> (.custom-gcl.yml pins %s)", strings.Join(buildCommand, " "), stamp, want, c.Version)
	}
	prefix := "golangci-" + c.Version + "-"
	bin := filepath.Join(cache, "golangci-"+stamp)
	if st, err := os.Stat(bin); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
		t.Logf("golangci-lint %s: cached %s", stamp, bin)
		gcl.path, gcl.stamp = bin, stamp
		return bin
	}

	start := time.Now()
	tmp := filepath.Join(cache, fmt.Sprintf("build-%d", os.Getpid()))
	defer os.Remove(tmp)
	r := run(t, 30*time.Minute, root, buildEnv, buildCommand[0], append(buildCommand[1:], "-o", tmp)...)
	if r.code != 0 {
		if strings.Contains(r.stderr, "dial tcp") || strings.Contains(r.stderr, "cannot download") {
			unavailable(t, "%s cannot reach the module proxy:\n%s", strings.Join(buildCommand, " "), r)
		}
		t.Fatalf("building golangci-lint with the README's command:\n%s", r)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("built golangci-lint %s in %s: %s", stamp, time.Since(start).Round(time.Second), bin)
	// Older builds are stale: keep the cache to one binary. (Names of
	// earlier test versions started with golangci-vX.Y.Z- too.)
	for _, pat := range []string{prefix + "*", "golangci-" + strings.TrimPrefix(c.Version, "v") + "-*"} {
		old, _ := filepath.Glob(filepath.Join(cache, pat))
		for _, o := range old {
			if o != bin {
				os.Remove(o)
			}
		}
	}
	gcl.path, gcl.stamp = bin, stamp
	return bin
}

// An issue is the part of a golangci-lint JSON issue the tests compare.
type issue struct {
	Linter string
	Rule   string // the ATLnnn the message starts with
	File   string // relative to the fixture module
	Line   int
}

type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
	SuggestedFixes []json.RawMessage
}

var ruleInText = regexp.MustCompile(`^(?:[a-z]+: )?(ATL\d{3}) `)

// golangciRun runs golangci-lint in the fixture module dir with the JSON
// report on stdout, and returns the result and the parsed issues.
func golangciRun(t *testing.T, bin, dir string, args ...string) (result, []gclIssue, []issue) {
	t.Helper()
	env := []string{
		"GOLANGCI_LINT_CACHE=" + filepath.Join(dir, ".gcl-cache"),
		"GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local",
		"NO_COLOR=1",
	}
	args = append([]string{"run", "--output.json.path=stdout", "--show-stats=false"}, args...)
	args = append(args, "./...")
	r := run(t, 10*time.Minute, dir, env, bin, args...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("golangci-lint failed:\n%s", redactAll(r.String()))
	}
	var rep struct{ Issues []gclIssue }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\n%s", err, redactAll(r.String()))
	}
	var got []issue
	for _, is := range rep.Issues {
		if leaks(is.Text) {
			t.Errorf("a message shows a whole token: %s", redactAll(is.Text))
		}
		rule := ""
		if m := ruleInText.FindStringSubmatch(is.Text); m != nil {
			rule = m[1]
		}
		got = append(got, issue{Linter: is.FromLinter, Rule: rule, File: filepath.ToSlash(is.Pos.Filename), Line: is.Pos.Line})
	}
	sortIssues(got)
	if (r.code == 1) != (len(got) > 0) {
		t.Errorf("exit code %d with %d issues", r.code, len(got))
	}
	return r, rep.Issues, got
}

// golangciConfig is a .golangci.yml (v2) that runs only atlint, reports
// every issue, and hands settings (YAML lines, indented by the caller) to
// the plugin.
func golangciConfig(settings string) string {
	s := `version: "2"
linters:
  default: none
  enable:
    - atlint
  settings:
    custom:
      atlint:
        type: module
        description: Atlassian API misuse (atlint)
        original-url: github.com/atlint/atlint
`
	if settings != "" {
		s += "        settings:\n" + settings
	}
	return s + `issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`
}

// fixtureModule writes the golangci fixture module with the given
// settings into a fresh directory.
func fixtureModule(t *testing.T, settings string) string {
	t.Helper()
	dir := t.TempDir()
	writeFixture(t, dir, "golangci")
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(golangciConfig(settings)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lineOf returns the 1-based line of the fixture file that contains marker.
func lineOf(t *testing.T, file, marker string) int {
	t.Helper()
	for i, l := range strings.Split(readFile(t, file), "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("%s: no line contains %q", file, marker)
	return 0
}

// cloudID is the fixture site's cloud ID (a made-up UUID).
const cloudID = "1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"

// fixSettings are plugin settings (YAML lines indented under settings:).
const fixSettings = "          tests: false\n" +
	"          cloud-ids:\n" +
	"            example: " + cloudID + "\n"

func TestGolangciLint(t *testing.T) {
	e2e(t)
	bin := golangciLint(t)

	t.Run("version", func(t *testing.T) {
		// The version names the atlint sources: golangci-lint salts its
		// result cache with it.
		r := mustRun(t, time.Minute, t.TempDir(), nil, bin, "version")
		if want := "has version " + gcl.stamp + " "; !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("golangci-lint version does not say %q:\n%s", want, r)
		}
	})

	// Default settings: the token in client.go and the one in the test
	// file are reported under linter atlint with rule IDs, the stale
	// directive too; //nolint:atlint silences its line; SARIF is written.
	t.Run("findings", func(t *testing.T) {
		dir := fixtureModule(t, "")
		sarif := filepath.Join(t.TempDir(), "atlint.sarif")
		r, raw, got := golangciRun(t, bin, dir, "--output.sarif.path="+sarif)
		client, test := filepath.Join(dir, "client.go"), filepath.Join(dir, "client_test.go")
		want := []issue{
			{"atlint", "ATL201", "client.go", lineOf(t, client, "marker:url")},
			{"atlint", "ATL101", "client.go", lineOf(t, client, "marker:hardcoded")},
			{"atlint", "ATL001", "client.go", lineOf(t, client, "marker:stale")},
			{"atlint", "ATL101", "client_test.go", lineOf(t, test, "marker:test")},
		}
		sortIssues(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("issues (-want +got):\n%s\n%s", diff, redactAll(r.String()))
		}
		for _, is := range raw {
			if len(is.SuggestedFixes) > 1 {
				t.Errorf("%s: %d suggested fixes; golangci-lint applies them all, the plugin must keep one", redactAll(is.Text), len(is.SuggestedFixes))
			}
		}
		checkSARIF(t, sarif, len(want))
	})

	// Settings reach the rules: tests: false drops the test-file token,
	// cloud-ids gives ATL201 the URL to send the request to.
	t.Run("settings", func(t *testing.T) {
		dir := fixtureModule(t, fixSettings)
		r, raw, got := golangciRun(t, bin, dir)
		client := filepath.Join(dir, "client.go")
		want := []issue{
			{"atlint", "ATL201", "client.go", lineOf(t, client, "marker:url")},
			{"atlint", "ATL101", "client.go", lineOf(t, client, "marker:hardcoded")},
			{"atlint", "ATL001", "client.go", lineOf(t, client, "marker:stale")},
		}
		sortIssues(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("issues with tests: false (-want +got):\n%s\n%s", diff, redactAll(r.String()))
		}
		for _, is := range raw {
			if strings.Contains(is.Text, "ATL201") && !strings.Contains(is.Text, "https://api.atlassian.com/ex/jira/"+cloudID+"/rest/api/3/myself") {
				t.Errorf("ATL201 does not name the gateway URL of the configured cloud ID: %s", is.Text)
			}
		}
	})

	// disable turns off rules by ID or analyzer name: the directive check
	// (ATL001) and scopedurl (ATL201) are off, credentials still runs.
	t.Run("disable", func(t *testing.T) {
		dir := fixtureModule(t, "          disable: [ATL001, scopedurl]\n          tests: false\n")
		r, _, got := golangciRun(t, bin, dir)
		want := []issue{{"atlint", "ATL101", "client.go", lineOf(t, filepath.Join(dir, "client.go"), "marker:hardcoded")}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("issues with disable: [ATL001, scopedurl] (-want +got):\n%s\n%s", diff, redactAll(r.String()))
		}
	})

	// .golangci.example.yml works as shipped: every setting decodes (dates,
	// lower-cased rule IDs in severity, exclude patterns) and takes effect
	// next to golangci-lint's standard linters.
	t.Run("example config", func(t *testing.T) {
		dir := fixtureModule(t, "")
		if err := copyFile(filepath.Join(dir, ".golangci.yml"), filepath.Join(repoRoot(t), ".golangci.example.yml")); err != nil {
			t.Fatal(err)
		}
		// Only atlint runs (the example keeps golangci-lint's standard
		// linters, which are not under test), with the example's settings.
		r, _, all := golangciRun(t, bin, dir, "--enable-only=atlint")
		var got []issue
		for _, is := range all {
			if is.Linter == "atlint" {
				got = append(got, is)
			}
		}
		// tests: false drops client_test.go; the stale directive is reported.
		client := filepath.Join(dir, "client.go")
		want := []issue{
			{"atlint", "ATL201", "client.go", lineOf(t, client, "marker:url")},
			{"atlint", "ATL101", "client.go", lineOf(t, client, "marker:hardcoded")},
			{"atlint", "ATL001", "client.go", lineOf(t, client, "marker:stale")},
		}
		sortIssues(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("atlint issues with .golangci.example.yml (-want +got):\n%s\n%s", diff, redactAll(r.String()))
		}
	})

	// The README's minimum .golangci.yml, with golangci-lint's default text
	// output: the issue is printed, the line holding the token is not. The
	// same configuration with print-issued-lines: true shows why it matters.
	t.Run("README config", func(t *testing.T) {
		readme := readFile(t, filepath.Join(repoRoot(t), "README.md"))
		var config string
		for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(readme, -1) {
			if strings.Contains(m[1], "linters:") {
				config = m[1]
				break
			}
		}
		if !strings.Contains(config, "print-issued-lines: false") {
			t.Fatalf("the README's first golangci-lint configuration does not set print-issued-lines: false:\n%s", config)
		}
		for _, issued := range []bool{false, true} {
			dir := fixtureModule(t, "")
			cfg := strings.Replace(config, "print-issued-lines: false", fmt.Sprintf("print-issued-lines: %v", issued), 1)
			if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			r := run(t, 5*time.Minute, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off", "NO_COLOR=1"},
				bin, "run", "--enable-only=atlint", "./...")
			out := r.stdout + r.stderr
			if r.code != 1 || !strings.Contains(out, "ATL101") {
				t.Fatalf("print-issued-lines: %v: want exit 1 with an ATL101 issue:\n%s", issued, redactAll(r.String()))
			}
			if leaks(out) != issued {
				t.Errorf("print-issued-lines: %v: whole token in the output = %v, want %v\n%s", issued, leaks(out), issued, redactAll(r.String()))
			}
		}
	})

	// Findings inside embedded .graphql files (jpdgraphql registers the
	// file in the FileSet, as asmdecl does for assembly): golangci-lint
	// drops issues in files that are not .go files, so the plugin reports
	// them at the //go:embed directive and names the .graphql position in
	// the message. //atlint:ignore above a directive silences its files.
	t.Run("embedded graphql", func(t *testing.T) {
		dir := t.TempDir()
		writeFixture(t, dir, "golangciembed")
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(golangciConfig("          now: \"2026-06-01\"\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		r, raw, got := golangciRun(t, bin, dir)
		src := filepath.Join(dir, "queries.go")
		insights := lineOf(t, src, "//go:embed queries/insights.graphql")
		all := lineOf(t, src, "var all embed.FS") - 1 // its //go:embed line
		want := []issue{
			{"atlint", "ATL302", "queries.go", insights},
			{"atlint", "ATL302", "queries.go", all},
			{"atlint", "ATL302", "queries.go", all},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("issues (-want +got):\n%s\n%s", diff, redactAll(r.String()))
		}
		var texts []string
		for _, is := range raw {
			texts = append(texts, fmt.Sprintf("%d:%d %s", is.Pos.Line, is.Pos.Column, is.Text))
		}
		sort.Strings(texts)
		wantTexts := []string{
			fmt.Sprintf("%d:1 jpdgraphql: ATL302 API token access to Jira Product Discovery GraphQL operation polarisInsights (embedded at queries.go:%d) stops working after 2026-10-31 for classic tokens: use a scoped API token with scope read:insight:jira-product-discovery (at queries/insights.graphql:3:3)", insights, insights),
			fmt.Sprintf("%d:1 jpdgraphql: ATL302 API token access to Jira Product Discovery GraphQL operation polarisInsights (embedded at queries.go:%d) stops working after 2026-10-31 for classic tokens: use a scoped API token with scope read:insight:jira-product-discovery (at queries/insights.graphql:3:3)", all, all),
			fmt.Sprintf("%d:1 jpdgraphql: ATL302 API token access to Jira Product Discovery GraphQL operation updatePolarisView (embedded at queries.go:%d) stops working after 2026-10-31 for classic tokens: use a scoped API token with scope write:view:jira-product-discovery (at queries/views.graphql:2:3)", all, all),
		}
		sort.Strings(wantTexts)
		if diff := cmp.Diff(wantTexts, texts); diff != "" {
			t.Errorf("issue texts (-want +got):\n%s", diff)
		}
	})

	// A misspelt key stops golangci-lint with a message that names it.
	t.Run("unknown setting", func(t *testing.T) {
		dir := fixtureModule(t, "          tets: false\n")
		r := run(t, 5*time.Minute, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir(), "GOPROXY=off", "GOFLAGS=-mod=mod"}, bin, "run", "./...")
		if r.code == 0 || r.code == 1 {
			t.Fatalf("golangci-lint accepted an unknown atlint setting (exit %d):\n%s", r.code, redactAll(r.String()))
		}
		out := r.stdout + r.stderr
		for _, w := range []string{"plugin(atlint)", "tets", "unknown key"} {
			if !strings.Contains(out, w) {
				t.Errorf("error output does not name %s:\n%s", w, redactAll(r.String()))
			}
		}
	})

	// --fix applies the fixes: the hard-coded token is read from the
	// environment, the URL goes through the gateway with the configured
	// cloud ID, the stale directive is deleted, and the line under
	// //nolint:atlint is left alone.
	t.Run("fix", func(t *testing.T) {
		dir := fixtureModule(t, fixSettings)
		r, _, _ := golangciRun(t, bin, dir, "--fix")
		got := readFile(t, filepath.Join(dir, "client.go"))
		golden := t.TempDir()
		writeFixture(t, golden, "golangci.fixed")
		want := readFile(t, filepath.Join(golden, "client.go"))
		if diff := cmp.Diff(redactAll(want), redactAll(got)); diff != "" {
			t.Errorf("client.go after --fix (-want +got):\n%s\n%s", diff, redactAll(r.String()))
		}
		// The fixed module still builds, and lints clean.
		mustRun(t, 5*time.Minute, dir, []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"}, "go", "build", "./...")
		r, _, after := golangciRun(t, bin, dir)
		if len(after) != 0 {
			t.Errorf("issues left after --fix: %v\n%s", after, redactAll(r.String()))
		}
	})
}

func sortIssues(is []issue) {
	sort.Slice(is, func(i, j int) bool {
		a, b := is[i], is[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
}

// checkSARIF checks the SARIF file golangci-lint wrote: version 2.1.0,
// n results of linter atlint with our rule IDs in their messages, and no
// whole token anywhere.
func checkSARIF(t *testing.T, path string, n int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("--output.sarif.path wrote no file: %v", err)
	}
	if leaks(string(data)) {
		t.Errorf("SARIF output holds a whole token")
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct{ Name string }
			}
			Results []struct {
				RuleID  string
				Message struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("SARIF: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("SARIF version %q with %d runs, want 2.1.0 and one run", log.Version, len(log.Runs))
	}
	res := log.Runs[0].Results
	if len(res) != n {
		t.Errorf("SARIF has %d results, want %d", len(res), n)
	}
	for _, r := range res {
		if r.RuleID != "atlint" || !ruleInText.MatchString(r.Message.Text) {
			t.Errorf("SARIF result rule %q message %q: want rule atlint and a message starting with an ATL rule ID", r.RuleID, redactAll(r.Message.Text))
		}
	}
}
