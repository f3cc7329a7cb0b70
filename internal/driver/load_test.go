package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// loaderModule is a module whose packages exercise the source loader: a
// main-module dependency (checked from source), a module outside the main
// one (read from export data) whose type a main-module package embeds, an
// internal and an external test, a package recompiled for a test (b
// [example.com/m/a.test]), and a cgo package when a C compiler is there.
func loaderModule(t *testing.T) string {
	tok := atltest.Token(atlassian.APIToken, "loader")
	files := map[string]string{
		"ext/go.mod":  "module example.com/ext\n\ngo 1.26\n",
		"ext/e.go":    "package ext\n\n// E is embedded by dep.D.\ntype E struct{ N int }\n\n// M is promoted.\nfunc (E) M() int { return 1 }\n",
		"dep/dep.go":  "package dep\n\nimport \"example.com/ext\"\n\ntype D struct{ ext.E }\n\nfunc New() D { return D{} }\n\nfunc body() int {\n\treturn New().M()\n}\n",
		"a/a.go":      "package a\n\nimport \"example.com/m/dep\"\n\n//atlint:ignore ATL101\nvar X = dep.New().M()\n",
		"a/a_test.go": "package a\n\nvar apiToken = \"" + tok + "\"\n",
		"a/x_test.go": "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/b\"\n)\n\nfunc TestB(t *testing.T) { _ = b.Y }\n",
		"b/b.go":      "package b\n\nimport \"example.com/m/a\"\n\n//atlint:ignore ATL101\nvar Y = a.X\n",
	}
	if _, err := exec.LookPath("gcc"); err == nil {
		files["c/c.go"] = "package c\n\n// int two(void) { return 2; }\nimport \"C\"\n\n//atlint:ignore ATL101\nvar Z = int(C.two())\n"
	}
	dir := module(t, files)
	gomod := "module example.com/m\n\ngo 1.26\n\nrequire example.com/ext v0.0.0\n\nreplace example.com/ext => ./ext\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runWith runs atlint with a loader and returns stdout and the exit code.
func runWith(t *testing.T, loader, dir string, args ...string) (string, int, string) {
	t.Helper()
	t.Setenv(loaderEnv, loader)
	var so, se bytes.Buffer
	code := Main(args, Env{Stdout: &so, Stderr: &se, Dir: dir})
	return so.String(), code, se.String()
}

// TestLoadersAgree runs both loaders on the same module, with and without
// the result cache, on the whole module and on file arguments: the JSON
// output and the exit code must be the same.
func TestLoadersAgree(t *testing.T) {
	dir := loaderModule(t)
	for _, args := range [][]string{
		{"-cache=false", "./..."},
		{"./..."},
		{"./..."}, // the cache is warm now
		{"-cache=false", "a/a.go"},
		{"-cache=false", "b/b.go", "a/a_test.go"},
		{"-test=false", "-cache=false", "./..."},
	} {
		args = append([]string{"-format", "json"}, args...)
		t.Setenv(cacheEnv, filepath.Join(t.TempDir(), "packages"))
		want, wantCode, wantErr := runWith(t, "packages", dir, args...)
		t.Setenv(cacheEnv, filepath.Join(t.TempDir(), "source"))
		got, code, gotErr := runWith(t, "", dir, args...)
		if code != wantCode {
			t.Errorf("atlint %s: exit %d, go/packages loader %d\n%s\n%s", strings.Join(args, " "), code, wantCode, gotErr, wantErr)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("atlint %s: output differs (-go/packages +source):\n%s", strings.Join(args, " "), d)
		}
		if args[len(args)-1] == "./..." && !strings.Contains(got, "ATL001") || !strings.Contains(got, "ATL101") && args[2] != "-test=false" && args[len(args)-1] != "a/a.go" {
			t.Errorf("atlint %s: findings missing (the comparison would prove little):\n%s", strings.Join(args, " "), got)
		}
	}
}

// TestSourceLoaderPlan checks what the source loader asks of the go
// command and what it keeps: main-module packages and test variants are
// checked from source without export data; the other module is read from
// export data; a root's syntax is released after its analysis.
func TestSourceLoaderPlan(t *testing.T) {
	dir := loaderModule(t)
	t.Setenv(loaderEnv, "")
	r := &run{opts: &options{}, env: Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Dir: dir}, start: time.Now()}
	suite, err := r.suite()
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := r.load([]string{"./..."}, false)
	if err != nil {
		t.Fatal(err)
	}
	l := r.src
	if l == nil {
		t.Fatal("the source loader is off")
	}
	var roots []string
	for _, p := range pkgs {
		roots = append(roots, p.ID)
	}
	for _, want := range []string{"example.com/m/a", "example.com/m/a [example.com/m/a.test]", "example.com/m/a_test [example.com/m/a.test]", "example.com/m/b", "example.com/m/dep"} {
		if !strings.Contains("\x00"+strings.Join(roots, "\x00")+"\x00", "\x00"+want+"\x00") {
			t.Errorf("roots %q lack %q", roots, want)
		}
	}
	sawVariant, sawExt := false, false
	for p, sp := range l.all {
		main := p.Module != nil && p.Module.Main
		switch {
		case main || strings.Contains(p.ID, " ["):
			if !sp.source || p.ExportFile != "" {
				t.Errorf("%s: source %v, export file %q: want source, no export data", p.ID, sp.source, p.ExportFile)
			}
			sawVariant = sawVariant || p.ID == "example.com/m/b [example.com/m/a.test]"
		case p.PkgPath == "example.com/ext":
			sawExt = true
			if sp.source || p.ExportFile == "" || !p.Types.Complete() || p.Types.Scope().Lookup("E") == nil {
				t.Errorf("%s: source %v, export file %q, complete %v: want read from export data", p.ID, sp.source, p.ExportFile, p.Types.Complete())
			}
		case p.PkgPath == "fmt" || p.PkgPath == "testing":
			if sp.source {
				t.Errorf("%s: checked from source", p.ID)
			}
		}
	}
	if !sawVariant || !sawExt {
		t.Errorf("the graph lacks b [a.test] (%v) or example.com/ext (%v)", sawVariant, sawExt)
	}
	for _, p := range pkgs {
		g, err := r.analyzeOne(suite, p)
		if err != nil || g == nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if p.Syntax != nil || p.TypesInfo != nil {
			t.Errorf("%s: syntax and types.Info kept after the analysis", p.ID)
		}
		if p.Types == nil || !p.Types.Complete() || len(p.Errors) > 0 {
			t.Errorf("%s: types %v, errors %v", p.ID, p.Types, p.Errors)
		}
		for act := range g.All() {
			if act.Result != nil {
				t.Errorf("%s: %s keeps its result", p.ID, act.Analyzer.Name)
			}
		}
	}
	// A dependency that is not a root is checked without bodies and
	// without types.Info.
	r2 := &run{opts: &options{}, env: r.env, start: time.Now()}
	pkgs, err = r2.load([]string{"example.com/m/a"}, false)
	if err != nil || len(pkgs) == 0 {
		t.Fatal(err)
	}
	r2.src.ensure(r2.src.all[pkgs[0]])
	var dep *packages.Package
	for p := range r2.src.all {
		if p.ID == "example.com/m/dep" {
			dep = p
		}
	}
	if dep == nil || !dep.Types.Complete() || dep.Syntax != nil || dep.TypesInfo != nil || dep.Types.Scope().Lookup("New") == nil {
		t.Errorf("dependency dep: %+v", dep)
	}
}

// TestSourceLoaderErrors: a main-module dependency with a type error and an
// external module that does not compile are reported as load errors, and
// the importer is not analysed as if all were well.
func TestSourceLoaderErrors(t *testing.T) {
	dir := loaderModule(t)
	os.WriteFile(filepath.Join(dir, "dep", "dep.go"), []byte("package dep\n\nimport \"example.com/ext\"\n\ntype D struct{ ext.E }\n\nfunc New() D { return D{} }\n\nvar Bad int = \"x\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "ext", "e.go"), []byte("package ext\n\ntype E struct{ N int }\n\nfunc (E) M() int { return 1 }\n\nvar Broken undefinedName\n"), 0o644)
	_, code, stderr := runWith(t, "", dir, "-cache=false", "a/a.go")
	if code != ExitError {
		t.Errorf("exit %d, want %d\n%s", code, ExitError, stderr)
	}
	for _, want := range []string{"dep/dep.go:9:15: load error: cannot use \"x\"", "undefined: undefinedName"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	_, wantCode, _ := runWith(t, "packages", dir, "-cache=false", "a/a.go")
	if wantCode != code {
		t.Errorf("exit %d, go/packages loader %d", code, wantCode)
	}
}
