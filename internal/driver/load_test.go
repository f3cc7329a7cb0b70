package driver

import (
	"bytes"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
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

// loadSource loads patterns (./... when none) of dir with the source
// loader, as the command does, and returns the run, the suite of every rule
// and the packages to analyse; the run's errors go to stderr.
func loadSource(t *testing.T, dir string, stderr *bytes.Buffer, patterns ...string) (*run, []*analysis.Analyzer, []*packages.Package) {
	t.Helper()
	t.Setenv(loaderEnv, "")
	r := &run{opts: &options{}, env: Env{Stdout: &bytes.Buffer{}, Stderr: stderr, Dir: dir}, start: time.Now()}
	suite, err := r.suite()
	if err != nil {
		t.Fatal(err)
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pkgs, err := r.load(patterns, false)
	if err != nil {
		t.Fatal(err)
	}
	return r, suite, pkgs
}

// TestSourceLoaderPlan checks what the source loader asks of the go
// command and what it keeps: main-module packages and test variants are
// checked from source without export data; the other module is read from
// export data; a root's syntax is released after its analysis.
func TestSourceLoaderPlan(t *testing.T) {
	dir := loaderModule(t)
	r, suite, pkgs := loadSource(t, dir, &bytes.Buffer{})
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
		g, err := r.analyzeOne(suite, p, nil)
		if err != nil || g == nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if p.Syntax != nil || p.TypesInfo != nil {
			t.Errorf("%s: syntax and types.Info kept after the analysis", p.ID)
		}
		if p.Types == nil || !p.Types.Complete() || len(p.Errors) > 0 {
			t.Errorf("%s: types %v, errors %v", p.ID, p.Types, p.Errors)
		}
	}
	// The test main saw the checked types of the test packages: the
	// external test, which nothing else imports, wrote no export data; and
	// none of them keeps its types for the test main after its check.
	sawMain := false
	for q, sq := range r.src.all {
		if q.ID == "example.com/m/a_test [example.com/m/a.test]" && (sq.imported || !sq.mainImported || sq.export != nil || sq.writeErr != nil) {
			t.Errorf("%s: imported %v, by the test main %v, export data %d bytes (%v): want none", q.ID, sq.imported, sq.mainImported, len(sq.export), sq.writeErr)
		}
		if sq.forMain != nil {
			t.Errorf("%s keeps its types for the test main", q.ID)
		}
		if isTestMain(q) && q.PkgPath == "example.com/m/a.test" {
			sawMain = true
			if len(q.Errors) > 0 || !sq.handoff {
				t.Errorf("test main %s: errors %v, checked %v", q.ID, q.Errors, sq.handoff)
			}
		}
	}
	if !sawMain {
		t.Error("no test main was checked")
	}
	// A dependency that is not a root is checked without bodies and
	// without types.Info.
	r2 := &run{opts: &options{}, env: r.env, start: time.Now()}
	pkgs, err := r2.load([]string{"example.com/m/a"}, false)
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
	// A dependency that is not a root shares its types, as go/packages
	// does (the root needs all of them at once anyway).
	if dep == nil || !dep.Types.Complete() || dep.Syntax != nil || dep.TypesInfo != nil || dep.Types.Scope().Lookup("New") == nil {
		t.Errorf("dependency dep: %+v", dep)
	}
	if sp := r2.src.all[dep]; sp.hand || sp.handoff || sp.export != nil {
		t.Errorf("dependency dep: handed off %v %v, export data %d bytes", sp.hand, sp.handoff, len(sp.export))
	}
	if a := pkgs[0]; len(a.Errors) > 0 || a.IllTyped || a.Types.Scope().Len() == 0 {
		t.Errorf("%s: errors %v, types %v", a.ID, a.Errors, a.Types)
	}
	// b recompiled for a's test imports a root (a's test variant): it is
	// handed off too, and the external test that imports it, reading b's
	// export data with the shared dep in its view, has no errors.
	var variant *srcPkg
	for p, sp := range r2.src.all {
		if p.ID == "example.com/m/b [example.com/m/a.test]" {
			variant = sp
		}
	}
	if variant == nil || variant.root || !variant.hand {
		t.Fatalf("b [a.test]: %+v: want a dependency handed off", variant)
	}
	for _, p := range pkgs {
		if _, err := r2.analyzeOne(suite, p, nil); err != nil || len(p.Errors) > 0 {
			t.Errorf("%s: %v %v", p.ID, err, p.Errors)
		}
	}
	if !variant.handoff {
		t.Error("b [a.test] was not handed off")
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

// flatGraph is what a listing says of a graph, for comparisons.
type flatPkg struct {
	ID, Name, PkgPath, Dir, ExportFile                             string
	GoFiles, CompiledGoFiles, OtherFiles, EmbedFiles, IgnoredFiles []string
	Imports                                                        map[string]string
	Module                                                         *packages.Module
	Errors                                                         []packages.Error
	Sizes                                                          string
}

func flatGraph(roots []*packages.Package) (ids []string, all map[string]flatPkg) {
	all = map[string]flatPkg{}
	for _, p := range roots {
		ids = append(ids, p.ID)
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		f := flatPkg{ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, Dir: p.Dir, ExportFile: p.ExportFile,
			GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles, OtherFiles: p.OtherFiles, EmbedFiles: p.EmbedFiles,
			IgnoredFiles: p.IgnoredFiles, Imports: map[string]string{}, Module: p.Module, Errors: p.Errors}
		for path, q := range p.Imports {
			f.Imports[path] = q.ID
		}
		if !ownSource(p) {
			// Outside the main modules, the cgo files of a package are
			// not processed (it is read from export data), so the go
			// command does not add runtime/cgo to its imports.
			f.CompiledGoFiles = nil
			delete(f.Imports, "runtime/cgo")
		}
		if p.TypesSizes != nil {
			f.Sizes = fmt.Sprint(p.TypesSizes.Sizeof(types.Typ[types.Uintptr]), p.TypesSizes.Alignof(types.Typ[types.Int64]))
		}
		all[p.ID] = f
	})
	delete(all, "runtime/cgo")
	return ids, all
}

// compareListings checks that the source loader's listing is go/packages'
// (graphMode) for patterns in dir: the same roots in the same order, and
// the same packages, field for field. It reports whether the source
// loader's own listing answered.
func compareListings(t *testing.T, dir string, tests bool, patterns ...string) bool {
	t.Helper()
	r := &run{opts: &options{tests: &tests}, env: Env{Dir: dir}}
	got, err := r.goListGraph(patterns)
	own := err != errFallBack
	if err == errFallBack {
		got, err = r.listGraph(patterns, false)
	}
	want, werr := packages.Load(&packages.Config{Mode: graphMode, Tests: tests, Dir: dir}, patterns...)
	if (err != nil) != (werr != nil) {
		t.Fatalf("%q: error %v, go/packages %v", patterns, err, werr)
	}
	gotIDs, gotAll := flatGraph(got)
	wantIDs, wantAll := flatGraph(want)
	if d := cmp.Diff(wantIDs, gotIDs); d != "" {
		t.Errorf("%q: roots differ (-go/packages +own):\n%s", patterns, d)
	}
	if d := cmp.Diff(wantAll, gotAll); d != "" {
		t.Errorf("%q: packages differ (-go/packages +own):\n%s", patterns, d)
	}
	return own
}

// TestOwnListing: the source loader's single go list gives the graph
// go/packages gives (three go commands, one more per file argument), and
// falls back to go/packages where that works around the go command.
func TestOwnListing(t *testing.T) {
	dir := loaderModule(t)
	// A second package in a with the same file name as one of b's, and a
	// directory whose only file is excluded by a build constraint.
	os.WriteFile(filepath.Join(dir, "b", "a.go"), []byte("package b\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "ign"), 0o755)
	os.WriteFile(filepath.Join(dir, "ign", "i.go"), []byte("//go:build ignore\n\npackage ign\n"), 0o644)
	for _, tc := range []struct {
		tests    bool
		own      bool
		patterns []string
	}{
		{true, true, []string{"./..."}},
		{false, true, []string{"./..."}},
		{true, true, []string{"./a", "example.com/m/b"}},
		{true, true, []string{"file=" + filepath.Join(dir, "a", "a.go")}},
		{true, true, []string{"file=" + filepath.Join(dir, "b", "b.go"), "file=" + filepath.Join(dir, "a", "a_test.go"), "file=" + filepath.Join(dir, "b", "a.go")}},
		{true, true, []string{"file=" + filepath.Join(dir, "a", "x_test.go")}},
		{false, true, []string{"file=" + filepath.Join(dir, "a", "x_test.go")}},
		{true, false, []string{"file=" + filepath.Join(dir, "ign", "i.go")}},
		{true, true, []string{"./nosuchdir"}},
	} {
		if own := compareListings(t, dir, tc.tests, tc.patterns...); own != tc.own {
			t.Errorf("%q: listed by atlint %v, want %v", tc.patterns, own, tc.own)
		}
	}
}

// TestOwnListingOn compares the listings on a real module named by
// ATLINT_LISTING_DIR (e.g. a copy of Prometheus), for ./... and for a file
// of each package.
func TestOwnListingOn(t *testing.T) {
	dir := os.Getenv("ATLINT_LISTING_DIR")
	if dir == "" {
		t.Skip("ATLINT_LISTING_DIR is not set")
	}
	compareListings(t, dir, true, "./...")
	compareListings(t, dir, false, "./...")
	out, err := exec.Command("go", "list", "-C", dir, "-e", "-f", "{{if .GoFiles}}{{.Dir}}/{{index .GoFiles 0}}{{end}}", "./...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range strings.Fields(string(out)) {
		if !compareListings(t, dir, true, "file="+f) {
			t.Errorf("%s: listed by go/packages", f)
		}
	}
}

// TestExportMemo: the export files of standard library packages are
// remembered under a key covering the build settings and every
// dependency, used only while the file exists; a package whose files may
// change (a replacement directory) and its importers are never
// remembered.
func TestExportMemo(t *testing.T) {
	dir := loaderModule(t)
	newRun := func() *run {
		return &run{opts: &options{cache: true}, env: Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Dir: dir}, start: time.Now()}
	}
	list := func(r *run) map[string]*packages.Package {
		t.Helper()
		roots, err := r.listGraph([]string{"./..."}, false)
		if err != nil {
			t.Fatal(err)
		}
		all := map[string]*packages.Package{}
		packages.Visit(roots, nil, func(p *packages.Package) { all[p.ID] = p })
		return all
	}
	r := newRun()
	all := list(r)
	m := r.newExportMemo()
	if m == nil {
		t.Fatal("no memo with the result cache on")
	}
	fmtPkg, ext, dep := all["fmt"], all["example.com/ext"], all["example.com/m/dep"]
	if m.key(fmtPkg) == "" || m.key(ext) != "" || m.key(dep) != "" {
		t.Fatalf("keys: fmt %q, ext (a replacement directory) %q, dep (main module) %q", m.key(fmtPkg), m.key(ext), m.key(dep))
	}
	if rest := m.lookup([]*packages.Package{fmtPkg}); len(rest) != 1 {
		t.Fatalf("an empty memo knew fmt")
	}
	if err := r.listExports([]*packages.Package{fmtPkg}); err != nil || !isCacheFile(fmtPkg.ExportFile) {
		t.Fatalf("go list -export fmt: %v, %q", err, fmtPkg.ExportFile)
	}
	want := fmtPkg.ExportFile
	m.remember([]*packages.Package{fmtPkg, ext})

	// A new run knows fmt, not ext.
	r = newRun()
	all = list(r)
	m = r.newExportMemo()
	if rest := m.lookup([]*packages.Package{all["fmt"], all["example.com/ext"]}); len(rest) != 1 || rest[0].ID != "example.com/ext" || all["fmt"].ExportFile != want {
		t.Errorf("second run: not known %v, fmt's export file %q, want %q", rest, all["fmt"].ExportFile, want)
	}

	// Other build settings: another key.
	t.Setenv("GOFLAGS", "-mod=mod -tags=atlintmemo")
	r = newRun()
	all = list(r)
	if rest := r.newExportMemo().lookup([]*packages.Package{all["fmt"]}); len(rest) != 1 {
		t.Errorf("GOFLAGS changed and the memo still answered for fmt")
	}
	t.Setenv("GOFLAGS", "-mod=mod")

	// An entry whose file is gone is not used.
	r = newRun()
	all = list(r)
	m = r.newExportMemo()
	name := m.path(m.key(all["fmt"]))
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(name, bytes.Replace(b, []byte(want), []byte(filepath.Join(t.TempDir(), strings.Repeat("0", 64)+"-d")), 1), 0o644)
	if rest := m.lookup([]*packages.Package{all["fmt"]}); len(rest) != 1 {
		t.Errorf("an entry naming a missing file was used")
	}

	// A load keeps the types of what it read from export files; the next
	// reads them instead, unless the types file is not whole.
	r = newRun()
	r.opts.cache = false // the memo does not depend on the result cache
	if _, err := r.load([]string{"./a"}, false); err != nil {
		t.Fatal(err)
	}
	r = newRun()
	all = list(r)
	m = r.newExportMemo()
	fmtPkg = all["testing"] // imported by a's test
	if rest := m.lookup([]*packages.Package{fmtPkg}); len(rest) != 0 || m.types[fmtPkg] == "" {
		t.Fatalf("no types remembered for testing")
	}
	view := map[string]*types.Package{}
	tp, err := m.readTypes(fmtPkg, token.NewFileSet(), view)
	if err != nil || tp.Scope().Lookup("T") == nil || view["io"] == nil {
		t.Fatalf("types of testing from the memo: %v, %v", tp, err)
	}
	b, err = os.ReadFile(m.types[fmtPkg])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-1] ^= 1
	os.WriteFile(m.types[fmtPkg], b, 0o644)
	if _, err := m.readTypes(fmtPkg, token.NewFileSet(), map[string]*types.Package{}); err == nil {
		t.Errorf("a damaged types file was read")
	}
}

// TestCacheKeyCoversCCompiler: with cgo on, the C compiler is part of what
// a package is (cgo's output, the types of the standard library's cgo
// packages): replacing it under the same name must not serve an entry
// computed with the old one.
func TestCacheKeyCoversCCompiler(t *testing.T) {
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("no C compiler")
	}
	dir := module(t, map[string]string{"p/p.go": "package p\n\nimport \"net\"\n\nvar X = net.IPv4len\n"})
	cc := filepath.Join(t.TempDir(), "mycc")
	os.WriteFile(cc, []byte("#!/bin/sh\nexec "+gcc+" \"$@\"\n"), 0o755)
	t.Setenv("CC", cc)
	t.Setenv("CGO_ENABLED", "1")
	run := func() (hits, misses int) {
		t.Helper()
		_, _, hits, misses, stderr := cacheRun(t, dir, "./...")
		if hits < 0 {
			t.Fatalf("no cache statistics:\n%s", stderr)
		}
		return hits, misses
	}
	run()
	if h, _ := run(); h != 1 {
		t.Fatalf("nothing changed: %d hits, want 1", h)
	}
	os.WriteFile(cc, []byte("#!/bin/sh\n# another compiler\nexec "+gcc+" \"$@\"\n"), 0o755)
	if h, _ := run(); h != 0 {
		t.Errorf("the C compiler changed and the old entry was served")
	}
}
