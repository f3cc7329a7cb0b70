package driver

import (
	"bytes"
	"go/token"
	"go/types"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// chainModule is a chain of packages, d <- c <- b <- a, where b and a also
// import d and pass what c and b return of d's types to d's functions (so
// a view that held two copies of d would fail to type-check), and a
// reports a finding built from d's constant through b's.
func chainModule(t *testing.T, dExtra string) string {
	return module(t, map[string]string{
		"d/d.go": "package d\n\n// T is a record.\ntype T struct{ N int }\n\n// Make makes one.\nfunc Make() T { return T{N: 1} }\n\n// Use reads one.\nfunc Use(t T) int { return t.N }\n\n// Site is a Jira site.\nconst Site = \"https://example.atlassian.net\"\n" + dExtra,
		"c/c.go": "package c\n\nimport \"example.com/m/d\"\n\n// Make returns d's type.\nfunc Make() d.T { return d.Make() }\n",
		"b/b.go": "package b\n\nimport (\n\t\"example.com/m/c\"\n\t\"example.com/m/d\"\n)\n\n// N mixes c's view of d with d's own.\nvar N = d.Use(c.Make())\n\n// F returns d's type through c.\nfunc F() d.T { return c.Make() }\n\n// Site is d's.\nconst Site = d.Site\n",
		"a/a.go": "package a\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/m/b\"\n\t\"example.com/m/d\"\n)\n\nvar X = d.Use(b.F())\n\n// Search calls a deprecated endpoint.\nfunc Search() (*http.Response, error) {\n\treturn http.Get(b.Site + \"/rest/api/3/search?jql=x\")\n}\n",
	})
}

// TestHandOff: the source loader gives no check the types another check
// made. What a package's check saw of its imports is garbage once the
// package is analysed, even while its own importers are still to come
// (when importers shared the checked types, b's kept c's and d's alive
// until a was done, and so on down a module); the files of an analysed
// package leave the file set; the findings are those of a shared check.
func TestHandOff(t *testing.T) {
	dir := chainModule(t, "")
	r, suite, pkgs := loadSource(t, dir, &bytes.Buffer{})
	order := map[string]int{}
	for i, p := range pkgs {
		order[p.PkgPath] = i
	}
	if !(order["example.com/m/d"] < order["example.com/m/c"] && order["example.com/m/c"] < order["example.com/m/b"] && order["example.com/m/b"] < order["example.com/m/a"]) {
		t.Fatalf("analysis order %v: want dependencies first", order)
	}

	var (
		seen     []weak.Pointer[types.Package] // what each check saw of its module imports
		ownFiles []*token.File
		a        *checker.Graph
	)
	for _, p := range pkgs {
		if p.PkgPath == "example.com/m/a" {
			// a, the last importer, is still to come: everything b's,
			// c's and d's checks made must be gone already.
			runtime.GC()
			for _, w := range seen {
				if w.Value() != nil {
					t.Errorf("the types %s's importer saw are still alive before a's analysis", w.Value().Path())
				}
			}
			for _, tf := range ownFiles {
				if r.src.fset.File(token.Pos(tf.Base())) == tf {
					t.Errorf("%s is still in the file set after its package's analysis", tf.Name())
				}
			}
		}
		_, err := r.analyzeOne(suite, p, func(g *checker.Graph) {
			act := g.Roots[0]
			if len(act.Package.Errors) > 0 {
				t.Errorf("%s: %v", act.Package.ID, act.Package.Errors)
			}
			for _, imp := range act.Package.Types.Imports() {
				if strings.HasPrefix(imp.Path(), "example.com/m/") {
					seen = append(seen, weak.Make(imp))
				}
			}
			for _, f := range act.Package.Syntax {
				ownFiles = append(ownFiles, act.Package.Fset.File(f.FileStart))
			}
			if act.Package.PkgPath == "example.com/m/a" {
				a = g
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(seen) < 4 {
		t.Fatalf("saw %d module imports, want c's d, b's c and d, a's b", len(seen))
	}
	var found []string
	for _, act := range a.Roots {
		for _, d := range act.Diagnostics {
			found = append(found, strings.Fields(d.Message)[0])
		}
	}
	if strings.Join(found, " ") != "ATL203" {
		t.Errorf("a's findings %v, want ATL203 (a URL from d's constant through b's)", found)
	}
	// What is left in the file set is what the export data of the standard
	// library names, none of the module's files.
	r.src.fset.Iterate(func(f *token.File) bool {
		if strings.HasPrefix(f.Name(), dir) {
			t.Errorf("%s (size %d) is still in the file set", f.Name(), f.Size())
		}
		return true
	})
}

// TestHandOffBesideShared: on a run of a and b alone, c and d are shared
// dependencies; b is handed off and its export data, read into a's view,
// refers to d: the view must hold the shared d, the one a imports.
func TestHandOffBesideShared(t *testing.T) {
	dir := chainModule(t, "")
	r, suite, pkgs := loadSource(t, dir, &bytes.Buffer{}, "./a", "./b")
	for _, p := range pkgs {
		if _, err := r.analyzeOne(suite, p, nil); err != nil || len(p.Errors) > 0 {
			t.Errorf("%s: %v %v", p.ID, err, p.Errors)
		}
	}
	for p, sp := range r.src.all {
		want := p.PkgPath == "example.com/m/a" || p.PkgPath == "example.com/m/b"
		if sp.source && sp.handoff != want {
			t.Errorf("%s: handed off %v, want %v", p.ID, sp.handoff, want)
		}
	}
}

// TestHandOffWithErrors: a package with a type error is handed off too,
// invalid types and all; its importers see one copy of it (no "cannot use
// d.T as d.T"), report no error of their own, and are ill-typed.
func TestHandOffWithErrors(t *testing.T) {
	dir := chainModule(t, "\nvar Bad int = \"x\"\n\nfunc Broken() Missing { return nil }\n")
	var stderr bytes.Buffer
	r, suite, pkgs := loadSource(t, dir, &stderr)
	for _, p := range pkgs {
		if _, err := r.analyzeOne(suite, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	r.reportDeferred()
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p
	}
	for _, path := range []string{"a", "b", "c"} {
		p := byPath["example.com/m/"+path]
		if len(p.Errors) > 0 || !p.IllTyped {
			t.Errorf("%s: errors %v, ill-typed %v: want no error of its own, ill-typed through d", p.ID, p.Errors, p.IllTyped)
		}
	}
	if d := byPath["example.com/m/d"]; len(d.Errors) != 2 || !r.src.all[d].handoff {
		t.Errorf("d: errors %v, handed off %v: want the two errors, handed off", d.Errors, r.src.all[d].handoff)
	}
	if got := stderr.String(); strings.Count(got, "load error") != 2 || !strings.Contains(got, "undefined: Missing") {
		t.Errorf("load errors:\n%s", got)
	}
}

// TestSharedTypes: when a source package has the path of one read from
// export data, types are shared instead of handed off; the results are
// the same.
func TestSharedTypes(t *testing.T) {
	for _, dir := range []string{loaderModule(t), chainModule(t, ""), chainModule(t, "\nvar Bad int = \"x\"\n")} {
		args := []string{"-format", "json", "-cache=false", "./..."}
		want, wantCode, _ := runWith(t, "", dir, args...)
		shareTypesForTest = true
		got, code, _ := runWith(t, "", dir, args...)
		shareTypesForTest = false
		if code != wantCode {
			t.Errorf("%s: exit %d with shared types, %d handed off", dir, code, wantCode)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: output differs (-handed off +shared):\n%s", dir, d)
		}
		if !strings.Contains(want, "ATL") {
			t.Errorf("%s: no findings to compare:\n%s", dir, want)
		}
	}
}
