package atltest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Run is analysistest.Run with every fixture checked: it fails t when a
// pattern loaded no package (a misspelled scenario name), when a package
// did not load or failed to parse, or when the analyzer failed, whatever
// at (the Testing analysistest reports "// want" mismatches to) does with
// its errors. Pass t itself as at, or Quiet to check the diagnostics
// yourself. Packages matched by a pattern listed in broken may hold type
// errors (bad-input fixtures); nothing else may.
//
// Give one call all the patterns of one analyzer configuration, as x/tools
// does: each call loads (and type-checks) the standard library again.
func Run(t TB, at analysistest.Testing, dir string, a *analysis.Analyzer, broken []string, patterns ...string) []*analysistest.Result {
	t.Helper()
	res := analysistest.Run(at, dir, a, patterns...)
	loaded(t, actions(res), broken, patterns...)
	return res
}

// RunWithSuggestedFixes is Run with analysistest.RunWithSuggestedFixes:
// the fixes are checked against the .golden files too.
func RunWithSuggestedFixes(t TB, at analysistest.Testing, dir string, a *analysis.Analyzer, broken []string, patterns ...string) []*analysistest.Result {
	t.Helper()
	res := analysistest.RunWithSuggestedFixes(at, dir, a, patterns...)
	loaded(t, actions(res), broken, patterns...)
	return res
}

// TB is the part of testing.TB that Run uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

var _ TB = testing.TB(nil)

// Quiet is an analysistest.Testing that drops every error: the test counts
// or checks the diagnostics itself. Run still fails the test on load
// errors.
var Quiet analysistest.Testing = quiet{}

type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// Analyze loads the patterns once, as analysistest does (GOPATH mode
// under dir, tests included), and runs every analyzer on them: one load for
// several configurations whose diagnostics the test checks itself (no
// "// want" matching). It returns the root actions of each analyzer, and
// fails t as Run does.
func Analyze(t TB, dir string, analyzers []*analysis.Analyzer, broken []string, patterns ...string) map[*analysis.Analyzer][]*checker.Action {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
			packages.NeedDeps | packages.NeedModule,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Errorf("loading %q: %v", patterns, err)
		return nil
	}
	g, err := checker.Analyze(analyzers, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("analyzing %q: %v", patterns, err)
		return nil
	}
	out := map[*analysis.Analyzer][]*checker.Action{}
	for _, act := range g.Roots {
		out[act.Analyzer] = append(out[act.Analyzer], act)
	}
	for _, a := range analyzers {
		loaded(t, out[a], broken, patterns...)
	}
	return out
}

func actions(res []*analysistest.Result) []*checker.Action {
	acts := make([]*checker.Action, len(res))
	for i, r := range res {
		acts[i] = r.Action
	}
	return acts
}

// loaded fails t unless every pattern matched at least one analysed package
// and no analysed package has errors other than type errors in the
// packages of broken patterns, and the analyzer succeeded everywhere.
func loaded(t TB, res []*checker.Action, broken []string, patterns ...string) {
	t.Helper()
	if len(res) == 0 {
		t.Errorf("patterns %q loaded no package (misspelled scenario, or a load error)", patterns)
		return
	}
	for _, p := range patterns {
		n := 0
		for _, r := range res {
			if matches(p, r.Package.PkgPath) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("pattern %q loaded no package", p)
		}
	}
	for _, r := range res {
		pkg := r.Package
		if r.Err != nil {
			t.Errorf("%s: analysis failed: %v", pkg.ID, r.Err)
		}
		for _, e := range pkg.Errors {
			if e.Kind != packages.TypeError || !matchesAny(broken, pkg.PkgPath) {
				t.Errorf("%s: %s", pkg.ID, describe(e))
			}
		}
	}
	for _, p := range broken {
		n := 0
		for _, r := range res {
			if matches(p, r.Package.PkgPath) {
				n += len(r.Package.Errors)
			}
		}
		if n == 0 {
			t.Errorf("%q is listed as broken but has no type error: the bad-input case is gone", p)
		}
	}
}

func matchesAny(patterns []string, path string) bool {
	for _, p := range patterns {
		if matches(p, path) {
			return true
		}
	}
	return false
}

// matches reports whether a go/packages pattern (a path, or a path ending
// in /...) matches a package path.
func matches(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == prefix || strings.HasPrefix(path, prefix+"/")
	}
	return path == pattern
}

func describe(e packages.Error) string {
	kind := map[packages.ErrorKind]string{packages.ListError: "load error", packages.ParseError: "parse error", packages.TypeError: "type error"}[e.Kind]
	if kind == "" {
		kind = "error"
	}
	return fmt.Sprintf("%s: %s", kind, e.Error())
}
