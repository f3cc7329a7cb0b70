package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/output"
)

// leaked returns a 13-byte window of secret found in out ("" if none):
// a redacted secret shows at most 8 leading and 4 trailing characters.
func leaked(out, secret string) string {
	for i := 0; i+13 <= len(secret); i++ {
		if strings.Contains(out, secret[i:i+13]) {
			return atlassian.Redact(secret[i : i+13])
		}
	}
	return ""
}

// TestDiffRedactsSplitAlignedAndQueryStringTokens runs -diff on three ways
// a secret reached the diff whole: a token split over a concatenation, one
// piece a line (on "-" lines); a silenced token on a neighbouring line that
// gofmt re-aligns (on "+" lines); and a legacy token in the query string of
// a URL the ATL201 fix rewrites (on "+" lines).
func TestDiffRedactsSplitAlignedAndQueryStringTokens(t *testing.T) {
	split := atltest.Token(atlassian.APIToken, "diff-split")
	long := atltest.Token(atlassian.APIToken, "diff-aligned")
	app := atltest.Token(atlassian.AppPassword, "diff-neighbour")
	legacy := atltest.Token(atlassian.LegacyAPIToken, "diff-query")
	var pieces []string
	for s := split; s != ""; {
		n := min(16, len(s))
		pieces = append(pieces, fmt.Sprintf("%q", s[:n]))
		s = s[n:]
	}
	src := "package p\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\n" +
		"var Split = " + strings.Join(pieces, " +\n\t") + "\n\n" +
		"var (\n" +
		"\tFixed   = \"" + long + "\" // fixed\n" +
		"\tIgnored = \"" + app + "\" //atlint:ignore ATL101 fixture, revoked\n" +
		")\n\n" +
		"func Get() {\n" +
		"\treq, _ := http.NewRequest(\"GET\", \"https://mysite.atlassian.net/rest/api/3/myself?token=" + legacy + "\", nil)\n" +
		"\treq.SetBasicAuth(\"me@example.com\", os.Getenv(\"JIRA_API_TOKEN\"))\n" +
		"\thttp.DefaultClient.Do(req)\n" +
		"}\n"
	clean, err := format.Source([]byte(src)) // gofmt-clean: -fix formats it, aligning the comments again
	if err != nil {
		t.Fatal(err)
	}
	src = string(clean)
	dir := module(t, map[string]string{"p/p.go": src})
	var stdout, stderr bytes.Buffer
	Main([]string{"-diff", "-scopedurl.cloudid", "mysite=11111111-2222-3333-4444-555555555555", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	out := stdout.String()
	for _, want := range []string{"+var Split = os.Getenv(", "+\tIgnored = ", "+\treq, _ := http.NewRequest(\"GET\", \"https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/myself?token="} {
		if !strings.Contains(out, want) {
			t.Errorf("the diff lacks %q (the fixes changed?):\n%s\nstderr:\n%s", want, output.Scrub(out), output.Scrub(stderr.String()))
		}
	}
	for name, secret := range map[string]string{"split": split, "aligned neighbour": app, "fixed": long, "query string": legacy} {
		if w := leaked(out, secret); w != "" {
			t.Errorf("-diff shows the %s token (%s…)", name, w)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "p", "p.go")); string(got) != src {
		t.Errorf("-diff changed the file")
	}
}

// TestFixFullDiskLeavesFilesAndCountsHonestly makes every write fail as on
// a full disk (ENOSPC): the files keep their content, no temporary file is
// left, the summary counts nothing as fixed and the run fails.
func TestFixFullDiskLeavesFilesAndCountsHonestly(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "enospc")
	files := map[string]string{}
	for i := range 3 {
		files[fmt.Sprintf("p/f%d.go", i)] = fmt.Sprintf("package p\n\nvar T%d = %q\n", i, tok)
	}
	dir := module(t, files)
	old := writeData
	writeData = func(f *os.File, b []byte) (int, error) {
		n, _ := f.Write(b[:len(b)/2])
		return n, syscall.ENOSPC
	}
	defer func() { writeData = old }()
	var stdout, stderr bytes.Buffer
	code := Main([]string{"-fix", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	errs := stderr.String()
	if strings.Contains(errs, "fixed 3 findings") || !strings.Contains(errs, "fixed 0 findings in 0 files; 3 files with fixes left unchanged") || !strings.Contains(errs, "no space left on device") {
		t.Errorf("stderr does not say that nothing was fixed because the disk is full:\n%s", output.Scrub(errs))
	}
	if strings.Count(errs, "ATL101") != 3 {
		t.Errorf("the unfixed findings are not reported:\n%s", output.Scrub(errs))
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "p"))
	for _, e := range ents {
		name := "p/" + e.Name()
		got, _ := os.ReadFile(filepath.Join(dir, name))
		if want, ok := files[name]; !ok {
			t.Errorf("%s left behind", name)
		} else if string(got) != want {
			t.Errorf("%s changed: %d bytes", name, len(got))
		}
	}
}

// TestFixLineDirectiveEditsThePhysicalFile: a //line directive renames
// positions; the edit must still address the bytes of the file it is in.
func TestFixLineDirectiveEditsThePhysicalFile(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "linedirective")
	a := "package p\n\n// A comment long enough that a wrong offset lands in it, in the other file: ..............................................................................................................................................\n//line b.go:3\nvar T = \"" + tok + "\"\n"
	b := "package p\n\n// b.go has a long comment too, which an edit with a.go's offsets would cut: .......................................................................................................................................\nvar B = 1\n"
	dir := module(t, map[string]string{"p/a.go": a, "p/b.go": b})
	var stdout, stderr bytes.Buffer
	Main([]string{"-fix", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	gotA, _ := os.ReadFile(filepath.Join(dir, "p", "a.go"))
	gotB, _ := os.ReadFile(filepath.Join(dir, "p", "b.go"))
	if string(gotB) != b {
		t.Errorf("b.go was edited:\n%s", output.Scrub(string(gotB)))
	}
	if strings.Contains(string(gotA), tok) || !strings.Contains(string(gotA), `os.Getenv("ATLASSIAN_API_TOKEN")`) {
		t.Errorf("a.go was not fixed:\n%s\nstderr:\n%s", output.Scrub(string(gotA)), output.Scrub(stderr.String()))
	}
	if strings.Contains(stderr.String(), "in 2 files") {
		t.Errorf("stderr: %s", output.Scrub(stderr.String()))
	}
}

// TestFixLeavesFilesOutsideTheMainModuleAlone: vendored code, a module
// reached through a replace directive, and the target of a symlink outside
// the module are reported and never edited.
func TestFixLeavesFilesOutsideTheMainModuleAlone(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "notmine")
	check := func(t *testing.T, dir string, args []string, untouched map[string]string, says ...string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		Main(append([]string{"-fix"}, args...), Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
		errs := output.Scrub(stderr.String())
		for file, want := range untouched {
			if got, _ := os.ReadFile(file); string(got) != want {
				t.Errorf("%s was edited:\n%s", file, output.Scrub(string(got)))
			}
		}
		for _, want := range says {
			if !strings.Contains(errs, want) {
				t.Errorf("stderr does not say %q:\n%s", want, errs)
			}
		}
	}
	t.Run("vendor", func(t *testing.T) {
		vendored := "package v\n\nvar T = \"" + tok + "\"\n"
		dir := module(t, map[string]string{
			"p/p.go":                    "package p\n\nimport _ \"example.com/v\"\n",
			"vendor/example.com/v/v.go": vendored,
			"vendor/modules.txt":        "# example.com/v v1.0.0\n## explicit\nexample.com/v\n",
		})
		os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n\nrequire example.com/v v1.0.0\n"), 0o644)
		t.Setenv("GOFLAGS", "-mod=vendor")
		check(t, dir, []string{"./...", "example.com/v"}, map[string]string{filepath.Join(dir, "vendor", "example.com", "v", "v.go"): vendored}, "is vendored code")
	})
	t.Run("replace and symlink", func(t *testing.T) {
		outside := t.TempDir()
		other := "package other\n\nvar T = \"" + tok + "\"\n"
		target := "package p\n\nvar L = \"" + tok + "\"\n"
		writeTree(t, outside, map[string]string{
			"other/go.mod":   "module example.com/other\n\ngo 1.26\n",
			"other/other.go": other,
			"target.go":      target,
		})
		dir := module(t, map[string]string{"p/p.go": "package p\n\nimport _ \"example.com/other\"\n"})
		os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n\nrequire example.com/other v0.0.0\n\nreplace example.com/other => "+filepath.Join(outside, "other")+"\n"), 0o644)
		if err := os.Symlink(filepath.Join(outside, "target.go"), filepath.Join(dir, "p", "link.go")); err != nil {
			t.Skip(err)
		}
		check(t, dir, []string{"./...", "example.com/other"}, map[string]string{
			filepath.Join(outside, "other", "other.go"): other,
			filepath.Join(outside, "target.go"):         target,
		}, "is outside the main module", "is a symbolic link")
		if st, err := os.Lstat(filepath.Join(dir, "p", "link.go")); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("p/link.go is no longer a symlink")
		}
	})
}

// TestSecretsInPathsAndConfigErrorsAreScrubbed: a token used as a
// directory name is scrubbed in findings' file names, -v progress and
// load messages alike, and never written to the result cache; a token put
// in the configuration file where a name belongs is not echoed.
func TestSecretsInPathsAndConfigErrorsAreScrubbed(t *testing.T) {
	legacy := atltest.Token(atlassian.AppPassword, "path") // letters and digits: a valid directory name
	dir := module(t, map[string]string{
		legacy + "/a.go": "package a\n\n//atlint:ignore ATL101\nvar X = 1\n",
	})
	cache := os.Getenv(cacheEnv)
	var stdout, stderr bytes.Buffer
	code := Main([]string{"-v", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	if code != ExitFindings {
		t.Errorf("exit %d:\n%s", code, output.Scrub(stderr.String()))
	}
	if !strings.Contains(stderr.String(), "ATL001") {
		t.Errorf("no finding:\n%s", output.Scrub(stderr.String()))
	}
	if w := leaked(stderr.String()+stdout.String(), legacy); w != "" {
		t.Errorf("the output shows the token in the path (%s):\n%s", w, output.Scrub(stderr.String()))
	}
	filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(path); leaked(string(b), legacy) != "" {
				t.Errorf("the result cache entry %s holds the token", filepath.Base(path))
			}
		}
		return nil
	})

	tok := atltest.Token(atlassian.APIToken, "config")
	os.WriteFile(filepath.Join(dir, ".atlint.yml"), []byte("read-only-tokens: ["+tok+"]\n"), 0o644)
	stderr.Reset()
	if code := Main([]string{"./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}); code != ExitError {
		t.Errorf("a token in read-only-tokens: exit %d", code)
	}
	if w := leaked(stderr.String(), tok); w != "" || !strings.Contains(stderr.String(), "bad name") {
		t.Errorf("the configuration error shows the token (%s) or says nothing:\n%s", w, output.Scrub(stderr.String()))
	}
}

// TestGoListFailureInPlainWords: a failing go list is reported as such,
// not as "err: exit status 1: stderr: ...".
func TestGoListFailureInPlainWords(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": "package a\n"})
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n\nnosuchdirective x\n"), 0o644)
	for _, cache := range []string{"-cache=true", "-cache=false"} {
		var stdout, stderr bytes.Buffer
		if code := Main([]string{cache, "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}); code != ExitError {
			t.Errorf("%s: exit %d", cache, code)
		}
		out := stderr.String()
		if strings.Contains(out, "err: exit status") || strings.Contains(out, "stderr: ") || !strings.Contains(out, "the go command could not list the packages") {
			t.Errorf("%s: stderr:\n%s", cache, out)
		}
	}
}

// TestFixDroppingURLUserinfoCountsTheTokenFinding: the ATL201 fix rewrites
// a URL and drops its user:token@ part, which resolves the ATL101 finding
// on the token: it is counted as fixed, not reported as left (with a note
// about a conflicting fix).
func TestFixDroppingURLUserinfoCountsTheTokenFinding(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "userinfo")
	src := "package p\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\nfunc Get() {\n" +
		"\treq, _ := http.NewRequest(\"GET\", \"https://me%40example.com:" + tok + "@mysite.atlassian.net/rest/api/3/myself\", nil)\n" +
		"\treq.SetBasicAuth(\"me@example.com\", os.Getenv(\"JIRA_API_TOKEN\"))\n" +
		"\thttp.DefaultClient.Do(req)\n}\n"
	dir := module(t, map[string]string{"p/p.go": src})
	var stdout, stderr bytes.Buffer
	code := Main([]string{"-fix", "-scopedurl.cloudid", "mysite=11111111-2222-3333-4444-555555555555", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	errs := output.Scrub(stderr.String())
	got, _ := os.ReadFile(filepath.Join(dir, "p", "p.go"))
	if strings.Contains(string(got), tok) {
		t.Fatalf("the token is still in the file:\n%s", output.Scrub(string(got)))
	}
	if code != ExitClean || !strings.Contains(errs, "fixed 2 findings in 1 file") || strings.Contains(errs, "ATL101") || strings.Contains(errs, "conflicts") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}

// TestCgoFindingOffsetIsInTheGoFile: in a cgo file the JSON offset must
// be the byte offset of line:column in the .go file, not in cgo's
// generated file.
func TestCgoFindingOffsetIsInTheGoFile(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	src := "package p\n\n// int one(void) { return 1; }\nimport \"C\"\n\n// Pad shifts cgo's generated file against this one.\nfunc Pad() int { return int(C.one()) }\n\n//atlint:ignore ATL101\nvar X = 1\n"
	dir := module(t, map[string]string{"p/p.go": src})
	t.Setenv("CGO_ENABLED", "1")
	var stdout, stderr bytes.Buffer
	Main([]string{"-format", "json", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	var doc struct {
		Findings []struct {
			Rule string
			Pos  output.Position
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil || len(doc.Findings) != 1 {
		t.Fatalf("findings: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	p := doc.Findings[0].Pos
	want := strings.Index(src, "//atlint:ignore")
	if p.File != filepath.Join("p", "p.go") || p.Line != 9 || p.Column != 1 || p.Offset != want {
		t.Errorf("position %+v, want p/p.go:9:1 at offset %d", p, want)
	}
}

// TestFixKeepsCRLFLineEndings: in a file with CRLF line endings the fix's
// added import keeps CRLF and is sorted into place ("fmt" before "os").
func TestFixKeepsCRLFLineEndings(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "crlf")
	src := strings.ReplaceAll("package p\n\nimport (\n\t\"fmt\"\n)\n\nvar T = \""+tok+"\"\n\nfunc F() { fmt.Println(T) }\n", "\n", "\r\n")
	dir := module(t, map[string]string{"p/p.go": src})
	var stdout, stderr bytes.Buffer
	Main([]string{"-fix", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	got, _ := os.ReadFile(filepath.Join(dir, "p", "p.go"))
	want := strings.ReplaceAll("package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nvar T = os.Getenv(\"ATLASSIAN_API_TOKEN\")\n\nfunc F() { fmt.Println(T) }\n", "\n", "\r\n")
	if string(got) != want {
		t.Errorf("fixed file:\n%q\nwant:\n%q\nstderr: %s", output.Scrub(string(got)), want, output.Scrub(stderr.String()))
	}
}
