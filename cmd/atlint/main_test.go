package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// The binary under test, built once by TestMain.
var atlintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "atlint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	atlintBin = filepath.Join(dir, "atlint")
	cacheDir = filepath.Join(dir, "cache")
	if runtime.GOOS == "windows" {
		atlintBin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", atlintBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building atlint: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Fake credentials of the fixture (checksum-valid, never issued).
var (
	tokMain  = atltest.Token(atlassian.APIToken, "e2e-main")
	tokConst = atltest.Token(atlassian.APIToken, "e2e-const")
	tokTest  = atltest.Token(atlassian.APIToken, "e2e-test")
	tokens   = []string{tokMain, tokConst, tokTest}
)

// fixture is a small module: package jira holds credentials (one in a
// function, one in a const declaration, one in a test), package clean holds
// none, and a README that a pre-commit hook might pass along.
func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/fx\n\ngo 1.26\n")
	write(t, dir, "README.md", "# fixture\n")
	write(t, dir, "jira/jira.go", `package jira

import "net/http"

const apiToken = "`+tokConst+`"

// Authorize adds credentials to a request.
func Authorize(req *http.Request) {
	req.SetBasicAuth("me@example.com", "`+tokMain+`")
}

// Token returns the constant token.
func Token() string { return apiToken }
`)
	write(t, dir, "jira/jira_test.go", `package jira

import "testing"

func TestAuthorize(t *testing.T) {
	token := "`+tokTest+`"
	_ = token
}
`)
	write(t, dir, "clean/clean.go", `package clean

// Hello has no credentials.
func Hello() string { return "hello" }
`)
	return dir
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cacheDir holds atlint's result cache for this test binary, so runs never
// touch the user's cache.
var cacheDir string

// env keeps fixture runs off the network and out of the user's cache.
func env() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod -buildvcs=false", "GOPROXY=off", "GOWORK=off", "ATLINT_CACHE="+cacheDir)
}

type result struct {
	stdout, stderr string
	code           int
}

// allOutput collects everything the binary printed, for TestNoWholeToken.
var (
	outputMu  sync.Mutex
	allOutput []string
)

// run runs the command (atlint itself when name is "atlint") in dir.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	if name == "atlint" {
		name = atlintBin
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout.String(), stderr.String(), 0}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	case err != nil:
		fatalf(t, "%s %v: %v", name, args, err)
	}
	outputMu.Lock()
	allOutput = append(allOutput, res.stdout, res.stderr)
	outputMu.Unlock()
	// No output may ever hold a whole credential.
	for _, tok := range tokens {
		for _, s := range []string{res.stdout, res.stderr} {
			if strings.Contains(s, tok) {
				errorf(t, "%s %v printed a whole token (%s)", filepath.Base(name), args, atlassian.Redact(tok))
			}
		}
	}
	return res
}

func wantCode(t *testing.T, r result, code int, args ...string) {
	t.Helper()
	if r.code != code {
		fatalf(t, "atlint %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, code, r.stdout, r.stderr)
	}
}

// errorf and fatalf report a failure with the fixture tokens redacted.
func errorf(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Error(scrub(fmt.Sprintf(format, args...)))
}

func fatalf(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Fatal(scrub(fmt.Sprintf(format, args...)))
}

// scrub redacts the fixture tokens in s: test failure text must never hold
// a whole credential either.
func scrub(s string) string {
	for _, tok := range tokens {
		s = strings.ReplaceAll(s, tok, atlassian.Redact(tok))
	}
	return s
}

var lineRe = regexp.MustCompile(`^([^\s:]+\.go):(\d+):(\d+): (ATL\d{3}) (.*)$`)

// findings parses text output into "file:line: RULE" strings, sorted.
func findings(t *testing.T, stderr string) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l == "" || strings.HasPrefix(l, "atlint: ") {
			continue
		}
		m := lineRe.FindStringSubmatch(l)
		if m == nil {
			errorf(t, "unexpected output line %q", l)
			continue
		}
		out = append(out, fmt.Sprintf("%s:%s: %s", m[1], m[2], m[4]))
	}
	sort.Strings(out)
	return out
}

func TestHelp(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := run(t, dir, "atlint", "help")
	wantCode(t, r, 0, "help")
	for _, id := range []string{"ATL001", "ATL101", "ATL201", "ATL301", "ATL302", "ATL401", "ATL501"} {
		if !strings.Contains(r.stdout, id) {
			errorf(t, "atlint help does not list %s:\n%s", id, r.stdout)
		}
	}
	r = run(t, dir, "atlint", "help", "ATL101")
	wantCode(t, r, 0, "help", "ATL101")
	for _, want := range []string{"ATL101", "credentials", "-credentials.tests"} {
		if !strings.Contains(r.stdout, want) {
			errorf(t, "atlint help ATL101 lacks %q:\n%s", want, r.stdout)
		}
	}
	r = run(t, dir, "atlint", "help", "ATL999")
	wantCode(t, r, 2, "help", "ATL999")
	if !strings.Contains(r.stderr, `unknown rule "ATL999"`) {
		errorf(t, "stderr = %q", r.stderr)
	}
	r = run(t, dir, "atlint", "-h")
	wantCode(t, r, 0, "-h")
	for _, want := range []string{"-credentials.tests", "-enable", "-baseline", "Exit status"} {
		if !strings.Contains(r.stderr, want) {
			errorf(t, "atlint -h lacks %q", want)
		}
	}
	// The version names the module version, or the VCS revision, or says
	// why there is none (this machine builds with -buildvcs=false), with
	// the Go version and platform.
	r = run(t, dir, "atlint", "-version")
	wantCode(t, r, 0, "-version")
	versionRe := `^atlint (v\d+\.\d+\.\d+\S*|devel [0-9a-f]{1,12}(\+dirty)?|devel) \(.*\bgo1\.\d+\S* ` + runtime.GOOS + "/" + runtime.GOARCH + `\)\n$`
	if !regexp.MustCompile(versionRe).MatchString(r.stdout) {
		errorf(t, "-version printed %q, want it to match %s", r.stdout, versionRe)
	}
	if strings.HasPrefix(r.stdout, "atlint devel (") && !strings.Contains(r.stdout, "-buildvcs=false") {
		errorf(t, "-version without a version does not say why: %q", r.stdout)
	}
	// Every rule's help names its documentation page.
	for _, id := range []string{"ATL001", "ATL101", "ATL201", "ATL301", "ATL302", "ATL401", "ATL501"} {
		r = run(t, dir, "atlint", "help", id)
		if want := "https://github.com/atlint/atlint/blob/main/docs/rules/" + id + ".md"; !strings.Contains(r.stdout, want) {
			errorf(t, "atlint help %s does not name %s:\n%s", id, want, r.stdout)
		}
	}
}

func TestStandalone(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "atlint", "./...")
	wantCode(t, r, 1, "./...")
	got := findings(t, r.stderr)
	want := []string{"jira/jira.go:5: ATL101", "jira/jira.go:9: ATL101", "jira/jira_test.go:6: ATL101"}
	if diff := cmp.Diff(want, got); diff != "" {
		errorf(t, "findings (-want +got):\n%s\nstderr:\n%s", diff, r.stderr)
	}
	if r.stdout != "" {
		errorf(t, "text mode printed on stdout: %q", r.stdout)
	}
	// Not a terminal: no summary line.
	if strings.Contains(r.stderr, "analysed") {
		errorf(t, "summary printed when stderr is not a terminal:\n%s", r.stderr)
	}
	// The default pattern is ./...
	r2 := run(t, dir, "atlint")
	wantCode(t, r2, 1)
	if r2.stderr != r.stderr {
		errorf(t, "atlint and atlint ./... differ:\n%s\n---\n%s", r2.stderr, r.stderr)
	}

	r = run(t, dir, "atlint", "./clean")
	wantCode(t, r, 0, "./clean")
	if r.stdout != "" || r.stderr != "" {
		errorf(t, "clean package printed something: %q %q", r.stdout, r.stderr)
	}

	r = run(t, dir, "atlint", "./nosuchpkg")
	wantCode(t, r, 2, "./nosuchpkg")
	r = run(t, dir, "atlint", "-nosuchflag", "./...")
	wantCode(t, r, 2, "-nosuchflag")
	r = run(t, dir, "atlint", "-enable", "ATL999", "./...")
	wantCode(t, r, 2, "-enable", "ATL999")
	r = run(t, dir, "atlint", "-format", "xml", "./...")
	wantCode(t, r, 2, "-format", "xml")

	// A flag after the packages is not a package pattern: say where flags go.
	before := read(t, dir, "jira/jira.go")
	r = run(t, dir, "atlint", "./...", "-fix")
	wantCode(t, r, 2, "./...", "-fix")
	if want := "-fix after ./...: flags go before packages and files (atlint -fix ./...)"; !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "load error") {
		errorf(t, "atlint ./... -fix: stderr = %q, want %q", r.stderr, want)
	}
	if read(t, dir, "jira/jira.go") != before {
		errorf(t, "atlint ./... -fix changed a file")
	}
}

func TestTestFalse(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "atlint", "-test=false", "./...")
	wantCode(t, r, 1, "-test=false")
	want := []string{"jira/jira.go:5: ATL101", "jira/jira.go:9: ATL101"}
	if diff := cmp.Diff(want, findings(t, r.stderr)); diff != "" {
		errorf(t, "-test=false findings (-want +got):\n%s", diff)
	}
	// The rule's own option skips test findings but still loads tests.
	r = run(t, dir, "atlint", "-credentials.tests=false", "./...")
	wantCode(t, r, 1, "-credentials.tests=false")
	if diff := cmp.Diff(want, findings(t, r.stderr)); diff != "" {
		errorf(t, "-credentials.tests=false findings (-want +got):\n%s", diff)
	}
}

func TestEnableDisable(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "atlint", "-disable", "ATL101", "./...")
	wantCode(t, r, 0, "-disable", "ATL101")
	r = run(t, dir, "atlint", "-disable", "credentials", "./...")
	wantCode(t, r, 0, "-disable", "credentials")

	// A configuration file disables the rule; a flag turns it back on.
	write(t, dir, ".atlint.yml", "disable: [ATL101]\n")
	r = run(t, dir, "atlint", "./...")
	wantCode(t, r, 0, "(config disables ATL101)")
	r = run(t, dir, "atlint", "-enable", "ATL101", "./...")
	wantCode(t, r, 1, "-enable", "ATL101", "(config disables ATL101)")

	// A bad configuration file is a configuration error naming the key.
	write(t, dir, ".atlint.yml", "disable: [ATL101]\nbogus-key: 1\n")
	r = run(t, dir, "atlint", "./...")
	wantCode(t, r, 2, "(bad config)")
	if !strings.Contains(r.stderr, ".atlint.yml:2") || !strings.Contains(r.stderr, "bogus-key") {
		errorf(t, "config error does not name file:line and key:\n%s", r.stderr)
	}
	// -config names another file.
	write(t, dir, "other.yml", "severity: {ATL101: off}\n")
	r = run(t, dir, "atlint", "-config", "other.yml", "./...")
	wantCode(t, r, 0, "-config", "other.yml")
}

// vetJSON is the shape of go vet -json.
type vetJSON map[string]map[string][]struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Fixes    []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename   string `json:"filename"`
			Start, End int
			New        string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

func (v vetJSON) posns() []string {
	var out []string
	for _, byAnalyzer := range v {
		for _, ds := range byAnalyzer {
			for _, d := range ds {
				file, rest, _ := strings.Cut(d.Posn, ".go:")
				line, _, _ := strings.Cut(rest, ":")
				out = append(out, fmt.Sprintf("%s.go:%s: %s", filepath.ToSlash(file), line, d.Category))
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestJSON(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "atlint", "-json", "./...")
	wantCode(t, r, 1, "-json")
	var v vetJSON
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		fatalf(t, "-json output is not JSON: %v\n%s", err, r.stdout)
	}
	want := []string{"jira/jira.go:5: ATL101", "jira/jira.go:9: ATL101", "jira/jira_test.go:6: ATL101"}
	if diff := cmp.Diff(want, v.posns()); diff != "" {
		errorf(t, "-json findings (-want +got):\n%s", diff)
	}
	if _, ok := v["example.com/fx/jira"]["credentials"]; !ok {
		errorf(t, "-json lacks package example.com/fx/jira, analyzer credentials: %v", v)
	}

	r = run(t, dir, "atlint", "-format", "json", "./...")
	wantCode(t, r, 1, "-format", "json")
	var doc struct {
		Version  int `json:"version"`
		Findings []struct {
			Rule        string `json:"rule"`
			Severity    string `json:"severity"`
			Fingerprint string `json:"fingerprint"`
			Pos         struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"pos"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		fatalf(t, "-format json output is not JSON: %v\n%s", err, r.stdout)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, fmt.Sprintf("%s:%d: %s", f.Pos.File, f.Pos.Line, f.Rule))
		if f.Fingerprint == "" || f.Severity == "" {
			errorf(t, "finding %+v lacks fingerprint or severity", f)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		errorf(t, "-format json findings (-want +got):\n%s", diff)
	}
	if doc.Version < 1 {
		errorf(t, "-format json version = %d", doc.Version)
	}
}

func TestFix(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	before := read(t, dir, "jira/jira.go")
	r := run(t, dir, "atlint", "-fix", "./...")
	// The const token has no fix (Go allows no call there): it remains.
	wantCode(t, r, 1, "-fix")
	after := read(t, dir, "jira/jira.go")
	if after == before {
		fatalf(t, "-fix did not change jira/jira.go\nstderr:\n%s", r.stderr)
	}
	if strings.Contains(after, tokMain) {
		errorf(t, "-fix left the token in the SetBasicAuth call:\n%s", after)
	}
	if !strings.Contains(after, "os.Getenv(") || !strings.Contains(after, `"os"`) {
		errorf(t, "-fix did not read the token from the environment:\n%s", after)
	}
	if !strings.Contains(r.stderr, "atlint: fixed ") {
		errorf(t, "-fix did not say what it fixed:\n%s", r.stderr)
	}
	// What -fix could not fix is still reported.
	if got := findings(t, r.stderr); !contains(got, "jira/jira.go:5: ATL101") || contains(got, "jira/jira.go:9: ATL101") {
		errorf(t, "-fix reported %v", got)
	}
	// The result builds and is gofmt-clean.
	if b := run(t, dir, "go", "build", "./..."); b.code != 0 {
		fatalf(t, "fixed module does not build:\n%s\n%s", b.stderr, after)
	}
	if b := run(t, dir, "gofmt", "-l", "."); b.stdout != "" {
		errorf(t, "fixed files are not gofmt-clean: %s", b.stdout)
	}
	// A second run has nothing left to fix in the function.
	r = run(t, dir, "atlint", "./jira")
	if got := findings(t, r.stderr); contains(got, "jira/jira.go:9: ATL101") {
		errorf(t, "second run still finds the fixed token: %v", got)
	}
}

func TestDiff(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	before := read(t, dir, "jira/jira.go")
	r := run(t, dir, "atlint", "-diff", "./...")
	wantCode(t, r, 1, "-diff")
	if read(t, dir, "jira/jira.go") != before {
		t.Fatal("-diff changed the file")
	}
	for _, want := range []string{"--- a/jira/jira.go\n", "+++ b/jira/jira.go\n", "@@ -", "+\t\"os\"\n", "os.Getenv("} {
		if !strings.Contains(r.stdout, want) {
			errorf(t, "-diff output lacks %q:\n%s", want, r.stdout)
		}
	}
	// The added lines are what -fix writes. (Removed lines hold the
	// secret, redacted, so the diff does not apply with patch.)
	fixed := fixture(t)
	run(t, fixed, "atlint", "-fix", "./...")
	fixedSrc := read(t, fixed, "jira/jira.go") + read(t, fixed, "jira/jira_test.go")
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++") && !strings.Contains(fixedSrc, l[1:]+"\n") {
			errorf(t, "-diff adds %q, which -fix does not write", l)
		}
	}

	// -fix -diff, the go fix and x/tools spelling, is -diff.
	r2 := run(t, dir, "atlint", "-fix", "-diff", "./...")
	wantCode(t, r2, 1, "-fix", "-diff")
	if r2.stdout != r.stdout || r2.stderr != r.stderr {
		errorf(t, "-fix -diff differs from -diff:\n%s\n---\n%s", r2.stdout, r.stdout)
	}
	if read(t, dir, "jira/jira.go") != before {
		t.Fatal("-fix -diff changed the file")
	}

	// Nothing to show: say so on stderr rather than print nothing.
	r = run(t, dir, "atlint", "-diff", "./clean")
	wantCode(t, r, 0, "-diff", "./clean")
	if r.stdout != "" || r.stderr != "atlint: -diff: nothing to fix (no findings)\n" {
		errorf(t, "-diff ./clean: stdout %q stderr %q", r.stdout, r.stderr)
	}
	write(t, dir, "constonly/c.go", "package constonly\n\nconst jiraToken = \""+tokConst+"\"\n")
	r = run(t, dir, "atlint", "-diff", "./constonly")
	wantCode(t, r, 1, "-diff", "./constonly")
	if got := findings(t, onlyFindings(r.stderr)); r.stdout != "" || !strings.HasSuffix(r.stderr, "atlint: -diff: nothing to fix (no finding above has a suggested fix)\n") || len(got) != 1 {
		errorf(t, "-diff ./constonly: findings %v, stdout %q, stderr %q", got, r.stdout, r.stderr)
	}
}

func TestFileArguments(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "atlint", "jira/jira_test.go", "README.md")
	wantCode(t, r, 1, "jira/jira_test.go", "README.md")
	if diff := cmp.Diff([]string{"jira/jira_test.go:6: ATL101"}, findings(t, r.stderr)); diff != "" {
		errorf(t, "file arguments (-want +got):\n%s", diff)
	}
	r = run(t, dir, "atlint", "clean/clean.go")
	wantCode(t, r, 0, "clean/clean.go")
	// Only non-Go files: nothing to do.
	r = run(t, dir, "atlint", "README.md", "go.mod")
	wantCode(t, r, 0, "README.md", "go.mod")
	if r.stderr != "" {
		errorf(t, "non-Go files: stderr = %q", r.stderr)
	}
	// A file that build constraints leave out of its directory's package:
	// not an error (a pre-commit hook passes such files too).
	write(t, dir, "clean/gen.go", "//go:build ignore\n\npackage main\n\nfunc main() {}\n")
	r = run(t, dir, "atlint", "clean/gen.go")
	wantCode(t, r, 0, "clean/gen.go")
	r = run(t, dir, "atlint", "jira/missing.go")
	wantCode(t, r, 2, "jira/missing.go")
	r = run(t, dir, "atlint", "jira/jira.go", "./clean")
	wantCode(t, r, 2, "jira/jira.go", "./clean")
}

func TestTypeErrors(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	write(t, dir, "broken/broken.go", `package broken

import "net/http"

func Authorize(req *http.Request) {
	req.SetBasicAuth("me@example.com", "`+tokMain+`")
	var unused int = "not an int"
}
`)
	r := run(t, dir, "atlint", "./broken")
	wantCode(t, r, 2, "./broken")
	if !strings.Contains(r.stderr, "broken/broken.go:7:") || !strings.Contains(r.stderr, "load error") {
		errorf(t, "type error not reported as a load error:\n%s", r.stderr)
	}
	// The rules still run.
	if got := findings(t, onlyFindings(r.stderr)); !contains(got, "broken/broken.go:6: ATL101") {
		errorf(t, "no ATL101 finding in a package with type errors: %v\n%s", got, r.stderr)
	}
}

func onlyFindings(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if lineRe.MatchString(l) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestGoVet is not parallel: it runs first and fills the build cache with
// the vet results of the dependencies (go vet analyses every dependency of
// a new vet tool once), which the parallel tests then share.
func TestGoVet(t *testing.T) {
	dir := fixture(t)
	r := run(t, dir, "go", "vet", "-vettool="+atlintBin, "./...")
	if r.code != 1 {
		fatalf(t, "go vet: exit %d, want 1\n%s", r.code, r.stderr)
	}
	var got []string
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.Contains(l, ": ATL") {
			file, rest, _ := strings.Cut(strings.TrimPrefix(l, "./"), ".go:")
			line, _, _ := strings.Cut(rest, ":")
			_, id, _ := strings.Cut(l, ": ATL")
			got = append(got, fmt.Sprintf("%s.go:%s: ATL%s", filepath.ToSlash(file), line, id[:3]))
		}
	}
	sort.Strings(got)
	want := []string{"jira/jira.go:5: ATL101", "jira/jira.go:9: ATL101", "jira/jira_test.go:6: ATL101"}
	if diff := cmp.Diff(want, got); diff != "" {
		errorf(t, "go vet findings (-want +got):\n%s\n%s", diff, r.stderr)
	}

	r = run(t, dir, "go", "vet", "-vettool="+atlintBin, "-credentials.tests=false", "./...")
	if r.code != 1 || strings.Contains(r.stderr, "jira_test.go") || !strings.Contains(r.stderr, "jira.go:9") {
		errorf(t, "go vet -credentials.tests=false: exit %d\n%s", r.code, r.stderr)
	}

	// A stable order: with -p 1 (one package at a time) go vet prints the
	// same on every run, and each package's findings in position order.
	// (Without -p 1 go vet prints packages as they finish.) Distinct
	// -jpdgraphql.now values, new on every test run, keep go vet from
	// replaying cached results (any date before 2026-10-31 gives the same
	// messages).
	write(t, dir, "multi/b.go", "package multi\n\nvar jiraToken2 = \""+tokMain+"\"\n\nvar jiraToken3 = \""+tokConst+"\"\n")
	write(t, dir, "multi/a.go", "package multi\n\nvar jiraToken1 = \""+tokTest+"\"\n")
	write(t, dir, "multi/sub/c.go", "package sub\n\nvar jiraToken4 = \""+tokTest+"\"\n\nvar jiraToken5 = \""+tokMain+"\"\n")
	var outs []string
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(time.Now().UnixNano()%9000))
	for _, now := range []string{day.Format(time.DateOnly), day.AddDate(0, 0, 1).Format(time.DateOnly)} {
		// Packages without imports, so that only they are analysed again.
		r := run(t, dir, "go", "vet", "-p", "1", "-vettool="+atlintBin, "-jpdgraphql.now="+now, "./multi/...")
		outs = append(outs, r.stderr)
		var prev [3]string
		for _, l := range strings.Split(r.stderr, "\n") {
			if strings.HasPrefix(l, "#") {
				prev = [3]string{}
				continue
			}
			f := strings.SplitN(strings.TrimPrefix(l, "./"), ":", 4)
			if len(f) < 4 {
				continue
			}
			cur := [3]string{f[0], fmt.Sprintf("%6s", f[1]), fmt.Sprintf("%6s", f[2])}
			if prev != ([3]string{}) && strings.Join(cur[:], ":") < strings.Join(prev[:], ":") {
				errorf(t, "go vet -p 1: %s:%s after %s:%s within a package\n%s", f[0], f[1], prev[0], strings.TrimSpace(prev[1]), r.stderr)
			}
			prev = cur
		}
	}
	if outs[0] != outs[1] || !strings.Contains(outs[0], "multi/b.go:5:") || !strings.Contains(outs[0], "multi/sub/c.go:5:") {
		errorf(t, "go vet -p 1 prints different output on each run:\n%s\n---\n%s", outs[0], outs[1])
	}

	r = run(t, dir, "go", "vet", "-vettool="+atlintBin, "./clean")
	if r.code != 0 || r.stderr != "" {
		errorf(t, "go vet ./clean: exit %d\n%s", r.code, r.stderr)
	}

	r = run(t, dir, "go", "vet", "-vettool="+atlintBin, "-json", "./jira")
	var v vetJSON
	if err := json.Unmarshal([]byte(jsonPart(r.stderr+r.stdout)), &v); err != nil {
		fatalf(t, "go vet -json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	if len(v.posns()) != 3 {
		errorf(t, "go vet -json: %v", v.posns())
	}
}

// jsonPart drops go vet's "# pkg" comment lines around its JSON objects and
// merges the objects of several packages.
func jsonPart(s string) string {
	merged := map[string]json.RawMessage{}
	dec := json.NewDecoder(strings.NewReader(stripComments(s)))
	for {
		var m map[string]json.RawMessage
		if err := dec.Decode(&m); err != nil {
			break
		}
		for k, v := range m {
			merged[k] = v
		}
	}
	b, _ := json.Marshal(merged)
	return string(b)
}

func stripComments(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "#") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func TestGoFix(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "go", "fix", "-fixtool="+atlintBin, "./jira")
	if r.code != 0 {
		fatalf(t, "go fix -fixtool: exit %d\n%s", r.code, r.stderr)
	}
	after := read(t, dir, "jira/jira.go")
	if strings.Contains(after, tokMain) || !strings.Contains(after, "os.Getenv(") {
		errorf(t, "go fix -fixtool did not fix jira/jira.go:\n%s", after)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "atlint", "-baseline", "write", "atlint-baseline.json", "./...")
	wantCode(t, r, 0, "-baseline", "write", "atlint-baseline.json")
	if !strings.Contains(r.stderr, "recorded 3 findings") {
		errorf(t, "-baseline write said:\n%s", r.stderr)
	}
	base := read(t, dir, "atlint-baseline.json")
	if strings.Count(base, `"fingerprint"`) != 3 {
		errorf(t, "baseline file:\n%s", base)
	}
	for _, tok := range tokens {
		if strings.Contains(base, tok) {
			errorf(t, "the baseline file holds a whole token")
		}
	}
	r = run(t, dir, "atlint", "-baseline", "atlint-baseline.json", "./...")
	wantCode(t, r, 0, "-baseline", "atlint-baseline.json")

	// Lines moved: the baselined findings stay suppressed.
	src := read(t, dir, "jira/jira.go")
	write(t, dir, "jira/jira.go", strings.Replace(src, "package jira\n", "// Package jira talks to Jira.\n//\n// More lines.\npackage jira\n\n// Moved.\n", 1))
	r = run(t, dir, "atlint", "-baseline", "atlint-baseline.json", "./...")
	wantCode(t, r, 0, "-baseline after moving lines")

	// A new finding is reported, alone.
	write(t, dir, "clean/new.go", "package clean\n\nvar jiraToken = \""+tokMain+"\"\n")
	r = run(t, dir, "atlint", "-baseline", "atlint-baseline.json", "./...")
	wantCode(t, r, 1, "-baseline with a new finding")
	if diff := cmp.Diff([]string{"clean/new.go:3: ATL101"}, findings(t, r.stderr)); diff != "" {
		errorf(t, "new findings (-want +got):\n%s", diff)
	}

	r = run(t, dir, "atlint", "-baseline", "missing.json", "./...")
	wantCode(t, r, 2, "-baseline", "missing.json")
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	r := run(t, dir, "atlint", "-format", "sarif", "./...")
	wantCode(t, r, 1, "-format", "sarif")
	type sarifLog struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		fatalf(t, "-format sarif output is not JSON: %v\n%s", err, r.stdout)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 3 || len(log.Runs[0].Tool.Driver.Rules) < 7 {
		errorf(t, "-format sarif: %+v", log)
	}

	// -sarif FILE writes the file besides the text output.
	r = run(t, dir, "atlint", "-sarif", "out.sarif", "./...")
	wantCode(t, r, 1, "-sarif", "out.sarif")
	if len(findings(t, r.stderr)) != 3 {
		errorf(t, "-sarif: text output:\n%s", r.stderr)
	}
	var fileLog sarifLog
	if err := json.Unmarshal([]byte(read(t, dir, "out.sarif")), &fileLog); err != nil || len(fileLog.Runs) != 1 || len(fileLog.Runs[0].Results) != 3 {
		errorf(t, "out.sarif: %v %+v", err, fileLog)
	}
	for _, tok := range tokens {
		if strings.Contains(read(t, dir, "out.sarif"), tok) {
			errorf(t, "out.sarif holds a whole token")
		}
	}
}

// TestOffByDefault checks ATL401, which is off unless enabled.
func TestOffByDefault(t *testing.T) {
	t.Parallel()
	dir := fixture(t)
	write(t, dir, "app/app.go", `package app

import "os"

// Settings is a plugin's admin configuration.
type Settings struct {
	JiraURL      string `+"`"+`json:"jira_url"`+"`"+`
	JiraAPIToken string `+"`"+`json:"jira_api_token"`+"`"+`
}

// Save stores the settings.
func Save(s *Settings) error {
	return os.WriteFile("/var/lib/app/token", []byte(s.JiraAPIToken), 0o600)
}
`)
	r := run(t, dir, "atlint", "./app")
	wantCode(t, r, 0, "./app")
	for _, args := range [][]string{
		{"-enable", "ATL401", "./app"},
		{"-enable", "tokencollect", "./app"},
		{"-tokencollect.enable", "./app"},
	} {
		r = run(t, dir, "atlint", args...)
		wantCode(t, r, 1, args...)
		if diff := cmp.Diff([]string{"app/app.go:13: ATL401"}, findings(t, r.stderr)); diff != "" {
			errorf(t, "atlint %v (-want +got):\n%s", args, diff)
		}
	}
	write(t, dir, ".atlint.yml", "enable: [ATL401]\n")
	r = run(t, dir, "atlint", "./app")
	wantCode(t, r, 1, "./app with enable: [ATL401]")
	r = run(t, dir, "atlint", "-disable", "ATL401", "./app")
	wantCode(t, r, 0, "-disable ATL401 over the file")
	os.Remove(filepath.Join(dir, ".atlint.yml"))

	// go vet: off unless its flag is given.
	r = run(t, dir, "go", "vet", "-vettool="+atlintBin, "./app")
	if r.code != 0 {
		errorf(t, "go vet ./app: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, dir, "go", "vet", "-vettool="+atlintBin, "-tokencollect.enable", "./app")
	if r.code != 1 || !strings.Contains(r.stderr, "ATL401") {
		errorf(t, "go vet -tokencollect.enable ./app: exit %d\n%s", r.code, r.stderr)
	}
}

// TestREADME checks that the README documents every flag of the command
// (analyzer flags are documented by atlint help RULE).
func TestREADME(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, t.TempDir(), "atlint", "-h")
	flagRe := regexp.MustCompile(`(?m)^  -([a-z-]+)\b`)
	n := 0
	for _, m := range flagRe.FindAllStringSubmatch(r.stderr, -1) {
		n++
		if !strings.Contains(string(readme), "`-"+m[1]) {
			errorf(t, "README.md does not document -%s", m[1])
		}
	}
	if n < 10 {
		errorf(t, "found only %d flags in atlint -h:\n%s", n, r.stderr)
	}
}
