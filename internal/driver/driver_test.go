package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/output"
)

func TestIsVetInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-json", "-credentials.tests=false", "/tmp/b001/vet.cfg"}, true},
		{[]string{"-fix", "-diff", "/tmp/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-fix", "./..."}, false},
		{[]string{"help"}, false},
		{[]string{"a.go"}, false},
		{[]string{"./pkg", "x.cfg"}, false}, // a pattern before it: standalone
		{[]string{"-v", "-test=false"}, false},
	} {
		if got := IsVetInvocation(tc.args); got != tc.want {
			t.Errorf("IsVetInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestVetSuite(t *testing.T) {
	names := func(args ...string) map[string]bool {
		m := map[string]bool{}
		for _, a := range VetSuite(args) {
			m[a.Name] = true
		}
		return m
	}
	if !names("-flags")["ignores"] {
		t.Error("the -flags handshake lacks the ignores analyzer")
	}
	unit := names("/tmp/vet.cfg")
	if !unit["ignores"] {
		t.Error("a unit does not run ignores")
	}
	if unit["tokencollect"] {
		t.Error("a unit runs tokencollect (ATL401 is off by default)")
	}
	for _, args := range [][]string{{"-tokencollect", "/tmp/vet.cfg"}, {"-tokencollect.collect-tokens=true", "/tmp/vet.cfg"}} {
		all := names("-flags")
		if all["tokencollect"] && !names(args...)["tokencollect"] {
			t.Errorf("VetSuite(%q) lacks tokencollect", args)
		}
	}
}

func TestRuleSet(t *testing.T) {
	got, err := ruleSet("ATL101, jpdgraphql,atl001", "-enable")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"ATL101": true, "ATL301": true, "ATL302": true, "ATL001": true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ruleSet (-want +got):\n%s", diff)
	}
	if all, _ := ruleSet("all", "-enable"); len(all) != len(analyzer.Catalog()) {
		t.Errorf("all = %v", all)
	}
	if _, err := ruleSet("ATL101,nope", "-enable"); err == nil || !strings.Contains(err.Error(), `unknown rule "nope"`) {
		t.Errorf("err = %v", err)
	}
}

func TestParseFlags(t *testing.T) {
	o, err := parseFlags([]string{"-baseline", "write", "base.json", "./..."}, Env{})
	if err != nil {
		t.Fatal(err)
	}
	if o.baselineWrite != "base.json" || o.baseline != "" || !cmp.Equal(o.args, []string{"./..."}) {
		t.Errorf("-baseline write: %+v", o)
	}
	for _, args := range [][]string{
		{"-baseline", "write"},
		{"./...", "-fix"}, // flags go before packages (-fix -diff is -diff)
		{"-json", "-format", "sarif"},
		{"-format", "yaml"},
		{"-nosuchflag"},
		{"-credentials.nosuchflag=1"},
		{"-baseline", "a", "-baseline-write", "b"},
	} {
		if _, err := parseFlags(args, Env{}); err == nil {
			t.Errorf("parseFlags(%q) succeeded", args)
		}
	}
	o, err = parseFlags([]string{"-test=false", "-enable=ATL401", "x.go"}, Env{})
	if err != nil {
		t.Fatal(err)
	}
	if o.tests == nil || *o.tests || !o.enable["ATL401"] {
		t.Errorf("%+v", o)
	}
}

func TestClassifyArgs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.go", "README.md", "sub/b.go"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("package a\n"), 0o644)
	}
	r := &run{opts: &options{}, env: Env{Dir: dir}}
	pats, files, err := r.classifyArgs([]string{"a.go", "README.md", filepath.Join(dir, "sub/b.go")})
	if err != nil {
		t.Fatal(err)
	}
	wantPats := []string{"file=" + filepath.Join(dir, "a.go"), "file=" + filepath.Join(dir, "sub/b.go")}
	if diff := cmp.Diff(wantPats, pats); diff != "" {
		t.Errorf("patterns (-want +got):\n%s", diff)
	}
	if len(files) != 2 {
		t.Errorf("files = %v", files)
	}
	if pats, _, err := r.classifyArgs([]string{"README.md"}); pats != nil || err != nil {
		t.Errorf("only non-Go files: %v, %v", pats, err)
	}
	if pats, _, _ := r.classifyArgs(nil); !cmp.Equal(pats, []string{"./..."}) {
		t.Errorf("no arguments: %v", pats)
	}
	if _, _, err := r.classifyArgs([]string{"a.go", "./sub"}); err == nil {
		t.Error("mixing files and patterns succeeded")
	}
	if _, _, err := r.classifyArgs([]string{"missing.go"}); err == nil {
		t.Error("a missing .go file succeeded")
	}
}

func TestMerge(t *testing.T) {
	a := []edit{{10, 20, "x"}}
	for _, tc := range []struct {
		name     string
		edits    []edit
		conflict bool
		n        int
	}{
		{"disjoint", []edit{{0, 5, "y"}, {30, 30, "z"}}, false, 3},
		{"identical", []edit{{10, 20, "x"}}, false, 1},
		{"touching", []edit{{20, 25, "y"}, {5, 10, ""}}, false, 3},
		{"overlap", []edit{{15, 25, "y"}}, true, 1},
		{"inside", []edit{{12, 13, "y"}}, true, 1},
		{"insert inside", []edit{{15, 15, "y"}}, true, 1},
		{"insert at start", []edit{{10, 10, "y"}}, false, 2},
	} {
		got, conflict := merge(a, tc.edits)
		if conflict != tc.conflict || len(got) != tc.n {
			t.Errorf("%s: merge = %v, %v; want %d edits, conflict %v", tc.name, got, conflict, tc.n, tc.conflict)
		}
	}
	// Two insertions at one point with different text: order unknown.
	if _, conflict := merge([]edit{{5, 5, "a"}}, []edit{{5, 5, "b"}}); !conflict {
		t.Error("two insertions at one offset merged")
	}
}

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	got := unifiedDiff("x.go", []byte(old), []byte(new))
	want := `--- a/x.go
+++ b/x.go
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -11,3 +11,4 @@
 k
 l
 m
+n
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unifiedDiff (-want +got):\n%s", diff)
	}
	if d := unifiedDiff("x.go", []byte(old), []byte(old)); d != "" {
		t.Errorf("equal files: %q", d)
	}
	// Check against patch(1) on assorted edits, including a missing final
	// newline and changes at both ends.
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("no patch command")
	}
	cases := [][2]string{
		{"", "x\n"},
		{"x\n", ""},
		{"a\nb", "a\nc"},
		{"a\nb\n", "a\nb"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n", "0\n1\n2\n4\n5\n6\n7\n7.5\n8\n9\n10\n"},
		{strings.Repeat("same\n", 50) + "old\n" + strings.Repeat("same\n", 50), strings.Repeat("same\n", 50) + "new\nnew2\n" + strings.Repeat("same\n", 50)},
	}
	for i, c := range cases {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "f.go"), []byte(c[0]), 0o644)
		d := unifiedDiff("f.go", []byte(c[0]), []byte(c[1]))
		cmd := exec.Command("patch", "-s", "-p1")
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("case %d: patch: %v\n%s\n%s", i, err, out, d)
			continue
		}
		got, _ := os.ReadFile(filepath.Join(dir, "f.go"))
		if string(got) != c[1] {
			t.Errorf("case %d: patched = %q, want %q\n%s", i, got, c[1], d)
		}
	}
}

// fixRun is a fix stage whose findings come from the test, on files in a
// temporary directory.
func fixRun(t *testing.T, files map[string]string, diff bool) (*fixer, *bytes.Buffer, *bytes.Buffer) {
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	return &fixer{wd: newWorkdir(dir), write: !diff, stdout: &stdout, stderr: &stderr}, &stdout, &stderr
}

// replaceFinding is a finding on file with a fix replacing old (its first
// occurrence in content) by new, plus optional extra edits.
func replaceFinding(file, content, old, new string, extra ...output.Edit) *finding {
	i := strings.Index(content, old)
	e := output.Edit{Pos: output.Position{File: file, Offset: i}, End: output.Position{File: file, Offset: i + len(old)}, NewText: new}
	return &finding{Finding: output.Finding{
		RuleID: "ATL101", Message: "ATL101 x", Pos: output.Position{File: file, Line: 1, Column: 1},
		Fixes: []output.Fix{{Message: "Fix it", Edits: append([]output.Edit{e}, extra...)}},
	}}
}

func insertAt(file string, off int, text string) output.Edit {
	return output.Edit{Pos: output.Position{File: file, Offset: off}, End: output.Position{File: file, Offset: off}, NewText: text}
}

func TestApplyFixes(t *testing.T) {
	src := "package p\n\nimport (\n\t\"fmt\"\n)\n\nvar A = \"one\"\nvar B = \"two\"\n\nfunc F() { fmt.Println(A, B) }\n"
	osImport := insertAt("p.go", strings.Index(src, "\t\"fmt\""), "\t\"os\"\n")
	fs := []*finding{
		replaceFinding("p.go", src, `"one"`, `os.Getenv("ONE")`, osImport),
		replaceFinding("p.go", src, `"two"`, `os.Getenv("TWO")`, osImport), // the same import edit: coalesces
		replaceFinding("p.go", src, `var A = "one"`, `var A = 1`),          // overlaps the first: skipped
		{Finding: output.Finding{RuleID: "ATL001", Message: "ATL001 no fix", Pos: output.Position{File: "p.go", Line: 5, Column: 1}}},
	}
	r, _, stderr := fixRun(t, map[string]string{"p.go": src}, false)
	res, err := r.apply(fs)
	if err != nil {
		t.Fatal(err)
	}
	if res.fixed != 2 || len(res.unfixed) != 2 || !cmp.Equal(res.files, []string{"p.go"}) {
		t.Errorf("result: fixed %d, unfixed %d, files %v", res.fixed, len(res.unfixed), res.files)
	}
	got, _ := os.ReadFile(filepath.Join(r.wd.dir, "p.go"))
	// gofmt-clean before, so gofmt'ed after (imports sorted).
	want := "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nvar A = os.Getenv(\"ONE\")\nvar B = os.Getenv(\"TWO\")\n\nfunc F() { fmt.Println(A, B) }\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("fixed file (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr.String(), `p.go:1:1: atlint: fix "Fix it" skipped: it conflicts with another fix`) {
		t.Errorf("no note about the conflicting fix:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "atlint: fixed 2 findings in 1 file") {
		t.Errorf("no summary of the fixes:\n%s", stderr.String())
	}
}

func TestApplyFixesUnparsable(t *testing.T) {
	src := "package p\n\nvar A = \"one\"\n"
	fs := []*finding{replaceFinding("p.go", src, `"one"`, `os.Getenv(`)}
	r, _, _ := fixRun(t, map[string]string{"p.go": src}, false)
	_, err := r.apply(fs)
	if err == nil || !strings.Contains(err.Error(), "would not parse") {
		t.Errorf("err = %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(r.wd.dir, "p.go")); string(got) != src {
		t.Errorf("file changed:\n%s", got)
	}
}

func TestApplyFixesGenerated(t *testing.T) {
	src := "// Code generated by stringer; DO NOT EDIT.\n\npackage p\n\nvar A = \"one\"\n"
	fs := []*finding{replaceFinding("p.go", src, `"one"`, `"two"`)}
	r, _, stderr := fixRun(t, map[string]string{"p.go": src}, false)
	res, err := r.apply(fs)
	if err != nil {
		t.Fatal(err)
	}
	if res.fixed != 0 || len(res.unfixed) != 1 || !strings.Contains(stderr.String(), "is generated") {
		t.Errorf("res = %+v, stderr = %s", res, stderr.String())
	}
	if got, _ := os.ReadFile(filepath.Join(r.wd.dir, "p.go")); string(got) != src {
		t.Errorf("generated file changed:\n%s", got)
	}
}

func TestApplyFixesDiff(t *testing.T) {
	src := "package p\n\nvar A = \"one\"\n"
	fs := []*finding{replaceFinding("p.go", src, `"one"`, `"two"`)}
	r, stdout, _ := fixRun(t, map[string]string{"p.go": src}, true)
	res, err := r.apply(fs)
	if err != nil {
		t.Fatal(err)
	}
	want := "--- a/p.go\n+++ b/p.go\n@@ -1,3 +1,3 @@\n package p\n \n-var A = \"one\"\n+var A = \"two\"\n"
	if diff := cmp.Diff(want, stdout.String()); diff != "" {
		t.Errorf("diff (-want +got):\n%s", diff)
	}
	if res.fixed != 1 {
		t.Errorf("fixed = %d", res.fixed)
	}
	if got, _ := os.ReadFile(filepath.Join(r.wd.dir, "p.go")); string(got) != src {
		t.Errorf("-diff changed the file")
	}
}

func TestApplyFixesKeepsUnformattedFiles(t *testing.T) {
	// Not gofmt-clean: only the edit changes, the rest keeps its layout.
	src := "package p\nvar A   =   \"one\"\nvar B=2\n"
	fs := []*finding{replaceFinding("p.go", src, `"one"`, `"two"`)}
	r, _, _ := fixRun(t, map[string]string{"p.go": src}, false)
	if _, err := r.apply(fs); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(r.wd.dir, "p.go"))
	if want := "package p\nvar A   =   \"two\"\nvar B=2\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestApplyFixesOutOfRange(t *testing.T) {
	src := "package p\n"
	f := replaceFinding("p.go", src, "p", "q")
	f.Fixes[0].Edits[0].End.Offset = 1000
	r, _, stderr := fixRun(t, map[string]string{"p.go": src}, false)
	res, _ := r.apply([]*finding{f})
	if res.fixed != 0 || !strings.Contains(stderr.String(), "out of range") {
		t.Errorf("res = %+v, stderr = %s", res, stderr.String())
	}
}

// module writes a small module to a temporary directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	t.Setenv(cacheEnv, t.TempDir())
	return dir
}

func TestMainInProcess(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go": "package a\n\n//atlint:ignore ATL101\nvar X = 1\n",
		"b/b.go": "package b\n",
	})
	var stdout, stderr bytes.Buffer
	code := Main([]string{"-v", "-timing", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir, Terminal: true})
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	out := stderr.String()
	for _, want := range []string{
		"a/a.go:3:1: ATL001 //atlint:ignore directive has no reason",
		"atlint: loading ./...",
		"atlint: loaded 2 packages in ",
		"] example.com/m/a: 1 diagnostic, ",
		"] example.com/m/b: 0 diagnostics, ",
		"atlint: timing: total ",
		"atlint: timing: atlintmodel ",
		"atlint: 2 packages analysed, 1 finding (ATL001 1) in ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out)
		}
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q", stdout.String())
	}

	// Not a terminal, no -v: the findings only.
	stderr.Reset()
	code = Main([]string{"./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	if code != ExitFindings || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
	// Disabling the only rule that reports: clean.
	stderr.Reset()
	if code := Main([]string{"-disable", "ATL001", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}); code != ExitClean {
		t.Errorf("-disable ATL001: exit %d\n%s", code, stderr.String())
	}
	// Excluded by the configuration file.
	os.WriteFile(filepath.Join(dir, ".atlint.yml"), []byte("exclude: [a]\n"), 0o644)
	stderr.Reset()
	if code := Main([]string{"./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}); code != ExitClean {
		t.Errorf("exclude a: exit %d\n%s", code, stderr.String())
	}
	// Severity off in the file, back on with -enable.
	os.WriteFile(filepath.Join(dir, ".atlint.yml"), []byte("severity: {ATL001: note}\n"), 0o644)
	stdout.Reset()
	if code := Main([]string{"-format", "json", "./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}); code != ExitFindings || !strings.Contains(stdout.String(), `"severity": "note"`) {
		t.Errorf("severity note: exit %d\n%s", code, stdout.String())
	}
}

func TestMainLoadErrors(t *testing.T) {
	dir := module(t, map[string]string{
		"a/a.go": "package a\n\n//atlint:ignore ATL101\nvar X int = \"s\"\n",
		"c/c.go": "package c\n\nimport \"example.com/m/nosuch\"\n\nvar _ = nosuch.X\n",
	})
	var stdout, stderr bytes.Buffer
	code := Main([]string{"./..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
	if code != ExitError {
		t.Fatalf("exit %d, want %d\n%s", code, ExitError, stderr.String())
	}
	out := stderr.String()
	for _, want := range []string{
		`a/a.go:4:13: load error: cannot use "s"`,
		"a/a.go:3:1: ATL001 ", // the rules ran despite the type error
		"load error:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "# example.com/m/a") {
		t.Errorf("the compiler's copy of the type errors is printed:\n%s", out)
	}
	stdout.Reset()
	if code := Main([]string{"-format", "json", "./a"}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}); code != ExitError || !strings.Contains(stdout.String(), `"errors"`) {
		t.Errorf("-format json with load errors: exit %d\n%s", code, stdout.String())
	}
	if code := Main([]string{"./nosuchdir/..."}, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}); code != ExitError {
		t.Errorf("a pattern matching nothing: exit %d", code)
	}
}

func TestRedactDiff(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "diff")
	legacy := atltest.Token(atlassian.LegacyAPIToken, "diff")
	d := "--- a/x.go\n+++ b/x.go\n@@ -1,3 +1,3 @@\n const jiraLegacy = \"" + legacy + "\"\n-var t = \"" + tok + "\"\n+var t = os.Getenv(\"ATLASSIAN_API_TOKEN\")\n var LongIdentifierWithDigits1234567 = 1\n"
	got := redactDiff(d)
	want := "--- a/x.go\n+++ b/x.go\n@@ -1,3 +1,3 @@\n const jiraLegacy = \"" + atlassian.Redact(legacy) + "\"\n-var t = \"" + atlassian.Redact(tok) + "\"\n+var t = os.Getenv(\"ATLASSIAN_API_TOKEN\")\n var LongIdentifierWithDigits1234567 = 1\n"
	if got != want {
		t.Errorf("redactDiff:\n%s\nwant:\n%s", output.Scrub(got), output.Scrub(want))
	}
}
