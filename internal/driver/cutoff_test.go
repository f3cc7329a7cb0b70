package driver

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// cutoffA is package a of the early-cutoff module: b's finding comes from
// a's constant (a token, folded into b's declaration); a's function body
// and comment do not reach b.
func cutoffA(tok, body, comment, extra string) string {
	return "package a\n\n// " + comment + "\n" + extra + "const Tok = \"" + tok + "\"\n\n" +
		"type S struct {\n\tF string `json:\"f\"`\n}\n\n" +
		"func Helper(n int) int { return n" + body + " }\n"
}

const cutoffB = "package b\n\nimport \"example.com/m/a\"\n\nvar Creds = a.Tok + \"\"\n\nvar N = a.Helper(1)\n\nvar V = a.S{}\n"

// TestEarlyCutoff: an importer of a main-module package is served from the
// result cache when the package's edit keeps the API its importers see
// (a function body, a comment changed in place), and re-analysed when the
// API changes (a constant's value, a signature, a struct tag, a position)
// or the package has type errors; the output is always that of
// -cache=false.
func TestEarlyCutoff(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "cutoff")
	dir := module(t, map[string]string{
		"a/a.go": cutoffA(tok, " + 1", "e 1", ""),
		"b/b.go": cutoffB,
	})
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// step runs atlint with the cache, checks its output against
	// -cache=false's, and returns whether b was served from the cache.
	step := func(what string) (bCached bool, out string) {
		t.Helper()
		out, code, hits, misses, stderr := cacheRun(t, dir, "./...")
		if hits < 0 {
			t.Fatalf("%s: no cache statistics (exit %d):\n%s", what, code, stderr)
		}
		want, wcode, _, _, _ := cacheRun(t, dir, "-cache=false", "./...")
		if d := cmp.Diff(want, out); d != "" || code != wcode {
			t.Errorf("%s: output differs from -cache=false's (exit %d, want %d; -want +got):\n%s", what, code, wcode, d)
		}
		cached := cachedIDs(stderr)
		if slices.Contains(cached, "example.com/m/a") && what != "first" && what != "again" {
			t.Errorf("%s: a was served from the cache although it changed", what)
		}
		_ = misses
		return slices.Contains(cached, "example.com/m/b"), out
	}
	bFinding := func(out string) bool { return regexp.MustCompile(`"file": "b/b.go",\s*"line": 5,`).MatchString(out) }

	if c, out := step("first"); c || !bFinding(out) {
		t.Fatalf("first run: b cached %v, b's finding present %v\n%s", c, bFinding(out), out)
	}
	if c, _ := step("again"); !c {
		t.Fatalf("unchanged: b not cached")
	}

	// (1) A body and a comment changed in place: b is cached.
	write("a/a.go", cutoffA(tok, " + 2", "e 2", ""))
	if c, _ := step("body edit"); !c {
		t.Errorf("a function body and a comment changed in place: b was re-analysed")
	}

	// (2) The constant's value: b misses, and its finding goes.
	write("a/a.go", cutoffA("plain", " + 2", "e 2", ""))
	if c, out := step("constant value"); c || bFinding(out) {
		t.Errorf("a's constant changed: b cached %v, b's finding still there %v\n%s", c, bFinding(out), out)
	}
	// And back (b's entry of the first run is served again).
	write("a/a.go", cutoffA(tok, " + 2", "e 3", ""))
	if c, out := step("constant back"); !bFinding(out) {
		t.Errorf("a's constant back: b cached %v, no finding\n%s", c, out)
	}

	// (3) A signature, a struct tag, a line above a declaration: b misses.
	for _, tc := range []struct{ what, content string }{
		{"signature", strings.Replace(cutoffA(tok, " + 2", "e 3", ""), "Helper(n int) int", "Helper(n int) int64", 1)},
		{"struct tag", strings.Replace(cutoffA(tok, " + 2", "e 3", ""), `json:"f"`, `json:"g"`, 1)},
		{"position", cutoffA(tok, " + 2", "e 3", "\n")},
		{"unexported declaration", cutoffA(tok, " + 2", "e 3", "") + "\nfunc helper() {}\n"},
	} {
		write("a/a.go", tc.content)
		if c, _ := step(tc.what); c {
			t.Errorf("%s changed in a: b was served from the cache", tc.what)
		}
	}

	// (4) A broken dependency: no reuse when the break is in its
	// declarations (b cannot be checked) or it does not parse.
	for _, tc := range []struct{ what, content string }{
		{"type error in a declaration", strings.Replace(cutoffA(tok, " + 2", "e 3", ""), "F string", "F strin", 1)},
		{"syntax error in a body", cutoffA(tok, " + + )", "e 3", "")},
	} {
		write("a/a.go", tc.content)
		out, _, _, _, stderr := cacheRun(t, dir, "./...")
		if c := cachedIDs(stderr); slices.Contains(c, "example.com/m/b") {
			t.Errorf("%s: b was served from the cache\n%s", tc.what, out)
		}
		want, _, _, _, _ := cacheRun(t, dir, "-cache=false", "./...")
		if d := cmp.Diff(want, out); d != "" {
			t.Errorf("%s: output differs from -cache=false's (-want +got):\n%s", tc.what, d)
		}
	}
	// Repaired, with the API of step "constant back": b hits again.
	write("a/a.go", cutoffA(tok, " + 2", "e 4", ""))
	if c, _ := step("repaired"); !c {
		t.Errorf("a repaired to an API seen before: b was re-analysed")
	}
	// A type error in a body: b's analysis is that of a clean a (every
	// analyzer runs despite errors; a's error is a's to report), so b's
	// entry may be served; the output is -cache=false's (step checks).
	write("a/a.go", cutoffA(tok, " + undefined", "e 4", ""))
	step("type error in a body")
}

// TestAPI: the API of a package is the same for edits its bodiless check
// cannot see (a function body changed in place, a comment's text) and
// differs for the others (a declaration's position, type or value, a
// directive); where the API is the same, so is the gcexportdata export of
// the bodiless check, which is the same bytes for the same source checked
// twice, in fresh file sets.
func TestAPI(t *testing.T) {
	src := "// Package p.\npackage p\n\nimport \"strings\"\n\n// Doc.\ntype T struct {\n\tA, B int `json:\"a\"`\n\tr *strings.Reader\n}\n\n" +
		"func (t *T) M(x ...string) (n int, err error) { return len(x), nil }\n\ntype I interface{ M(...string) (int, error); N() }\n\n" +
		"const C = 1 << 70\n\nvar V = map[string][]T{}\n\nvar F = func() int { return 1 }\n\nfunc G[E any, K comparable](m map[K]E) E { var e E; return e }\n\nfunc unexported() {}\n\nfunc L() {\n//line x.go:100\n}\n\nvar After = 1\n"
	dir := t.TempDir()
	apiAndExport := func(src string) (string, []byte) {
		t.Helper()
		name := filepath.Join(dir, "p.go")
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		api := apiOf("p", "1.26", []string{name})
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return api, nil
		}
		conf := types.Config{Importer: importer.Default(), IgnoreFuncBodies: true, Error: func(error) {}}
		pkg, _ := conf.Check("example.com/p", fset, []*ast.File{f}, nil)
		var buf bytes.Buffer
		if err := gcexportdata.Write(&buf, fset, pkg); err != nil {
			t.Fatal(err)
		}
		return api, buf.Bytes()
	}
	api0, exp0 := apiAndExport(src)
	if api0 == "" {
		t.Fatal("no API")
	}
	for range 2 {
		if api, exp := apiAndExport(src); api != api0 || !bytes.Equal(exp, exp0) {
			t.Fatalf("the same source: API equal %v, export equal %v", api == api0, bytes.Equal(exp, exp0))
		}
	}
	for _, tc := range []struct {
		what, old, new string
		same           bool
	}{
		{"a body changed in place", "return len(x), nil }", "return 0, err      }", true},
		{"a body's type error", "return len(x), nil }", "return lne(x), nil }", true},
		{"a comment's text", "// Doc.", "// Foo.", true},
		{"the package comment's length", "// Package p.", "// Package p, longer.", true},
		{"a line added in a body", "return len(x), nil }", "\nreturn len(x), nil }", false},
		{"a line added above a declaration", "// Doc.\n", "// Doc.\n\n", false},
		{"a column shifted", "const C = 1", "const  C = 1", false},
		{"a constant's value", "1 << 70", "1 << 71", false},
		{"a struct tag", `json:"a"`, `json:"b"`, false},
		{"a signature", "(n int, err error)", "(n int64, err error)", false},
		{"an unexported signature", "func unexported() {}", "func unexported(int) {}", false},
		{"a function literal's body in a declaration", "return 1 }", "return 2 }", false},
		{"a directive in place of a comment", "// Package p.", "//go:build go1.21", false},
		{"a //line directive changed in place in a body", "//line x.go:100", "//line x.go:200", false},
		{"a //line directive in a body", "{ return len(x), nil }", "{\n//line x.go:100\nreturn len(x), nil }", false},
	} {
		edited := strings.Replace(src, tc.old, tc.new, 1)
		if edited == src {
			t.Fatalf("%s: the edit does not apply", tc.what)
		}
		api, exp := apiAndExport(edited)
		if (api == api0) != tc.same {
			t.Errorf("%s: API the same %v, want %v", tc.what, api == api0, tc.same)
		}
		if api == api0 && !bytes.Equal(exp, exp0) {
			t.Errorf("%s: the same API but another export", tc.what)
		}
	}
	if api, _ := apiAndExport(strings.Replace(src, "func unexported() {}", "func unexported() {", 1)); api != "" {
		t.Error("a file that does not parse has an API")
	}
}

// TestCutoffPackages: only a main module's pure Go packages (not test
// variants, not cgo packages, whose compiled files cgo makes from
// comments) stand for their API.
func TestCutoffPackages(t *testing.T) {
	main := &packages.Module{Path: "m", Main: true}
	for _, tc := range []struct {
		what string
		p    *packages.Package
		want bool
	}{
		{"pure Go", &packages.Package{ID: "m/a", PkgPath: "m/a", Module: main, GoFiles: []string{"/m/a/b.go", "/m/a/a.go"}, CompiledGoFiles: []string{"/m/a/a.go", "/m/a/b.go"}}, true},
		{"cgo", &packages.Package{ID: "m/a", PkgPath: "m/a", Module: main, GoFiles: []string{"/m/a/a.go", "/m/a/c.go"}, CompiledGoFiles: []string{"/m/a/a.go", "/cache/c.cgo1.go", "/cache/_cgo_gotypes.go"}}, false},
		{"test variant", &packages.Package{ID: "m/a [m/a.test]", PkgPath: "m/a", Module: main, GoFiles: []string{"/m/a/a.go"}, CompiledGoFiles: []string{"/m/a/a.go"}}, false},
		{"another module", &packages.Package{ID: "x/a", PkgPath: "x/a", Module: &packages.Module{Path: "x"}, GoFiles: []string{"/x/a/a.go"}, CompiledGoFiles: []string{"/x/a/a.go"}}, false},
		{"standard library", &packages.Package{ID: "fmt", PkgPath: "fmt", GoFiles: []string{"/go/src/fmt/print.go"}, CompiledGoFiles: []string{"/go/src/fmt/print.go"}}, false},
	} {
		if got := cutoff(tc.p); got != tc.want {
			t.Errorf("%s: cutoff = %v, want %v", tc.what, got, tc.want)
		}
	}
}

// TestGlobDir: globDir finds what filepath.Glob finds, pattern by pattern.
func TestGlobDir(t *testing.T) {
	pats := append([]string{"*.graphql", "*.gql", "x?.txt", "[ab].md"}, "*.yaml", "*.json", "*.env", "*.dist")
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "d[1]"), filepath.Join(t.TempDir(), "missing")} {
		if !strings.HasSuffix(dir, "missing") {
			os.MkdirAll(dir, 0o755)
			for _, n := range []string{"a.yaml", ".hidden.yaml", "a.yaml.bak", "yaml", "b.YAML", "[x].json", "q.graphql", "x1.txt", "x12.txt", "a.md", "c.md", ".env", "e.dist"} {
				os.WriteFile(filepath.Join(dir, n), nil, 0o644)
			}
			os.Mkdir(filepath.Join(dir, "sub.json"), 0o755)
		}
		var want []string
		for _, pat := range pats {
			m, _ := filepath.Glob(filepath.Join(dir, pat))
			want = append(want, m...)
		}
		got := globDir(dir, pats)
		slices.Sort(want)
		slices.Sort(got)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-Glob +globDir):\n%s", dir, d)
		}
	}
}
