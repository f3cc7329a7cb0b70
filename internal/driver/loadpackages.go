package driver

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/output"
)

// The load stage with go/packages, and what it shares with the source
// loader (load.go): the end of a load and the report of package errors.

// load loads the packages. Only the root packages (and, with the source
// loader, those of the main modules) are parsed and type-checked from
// source; their dependencies come from export data that the go command
// builds (and caches), as for go vet. No analyzer uses facts
// (TestNoAnalyzerUsesFacts): allSyntax is always false.
func (r *run) load(patterns []string, allSyntax bool) ([]*packages.Package, error) {
	if !allSyntax && sourceLoading() {
		return r.loadSource(patterns)
	}
	return r.loadPackages(patterns, allSyntax)
}

// loadPackages is load with go/packages: every root is parsed and
// type-checked before it returns, and its errors are reported. atlint
// scopes, which reads the model of every package at once, loads this way.
func (r *run) loadPackages(patterns []string, allSyntax bool) ([]*packages.Package, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if allSyntax {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	if r.cache != nil {
		mode |= packages.NeedEmbedFiles // the result cache's key covers them
	}
	cfg := &packages.Config{Mode: mode, Tests: r.tests(), Dir: r.env.Dir}
	t0 := time.Now()
	if r.opts.verbose {
		fmt.Fprintf(r.env.Stderr, "atlint: loading %s\n", output.ScrubPath(strings.Join(patterns, " ")))
	}
	initial, err := packages.Load(cfg, patterns...)
	r.loadTime = time.Since(t0)
	if err != nil {
		return nil, goListError(err)
	}
	r.noteModules(initial)

	r.reportPackageErrors(initial)

	var pkgs []*packages.Package
	for _, p := range initial {
		if isTestMain(p) || p.Types == nil || p.Fset == nil || p.TypesSizes == nil {
			continue
		}
		pkgs = append(pkgs, p)
	}
	return r.loaded(patterns, initial, pkgs)
}

// loaded ends a load: a listing that matched nothing is an error, unless
// the file arguments belong to no package of this build (files excluded
// by build constraints, //go:build ignore: nothing to analyse in them).
func (r *run) loaded(patterns []string, initial, pkgs []*packages.Package) ([]*packages.Package, error) {
	if len(initial) == 0 {
		if r.files != nil {
			if r.opts.verbose {
				fmt.Fprintf(r.env.Stderr, "atlint: the files belong to no package of this build\n")
			}
			return nil, nil
		}
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if r.opts.verbose {
		fmt.Fprintf(r.env.Stderr, "atlint: loaded %s in %v\n", plural(len(pkgs), "package"), r.loadTime.Round(time.Millisecond))
	}
	return pkgs, nil
}

// reportPackageErrors reports every package error once (a package and its
// test variant share most of them). Dependencies' errors are included: a
// broken dependency makes its importers' types incomplete.
func (r *run) reportPackageErrors(initial []*packages.Package) {
	seen := map[string]bool{}
	packages.Visit(initial, nil, func(p *packages.Package) {
		typeErrors := false
		for _, e := range p.Errors {
			typeErrors = typeErrors || e.Kind == packages.TypeError
		}
		for _, e := range p.Errors {
			if typeErrors && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
				continue // the go command's compiler output repeats the type errors
			}
			msg := r.relError(e)
			if !seen[msg] {
				seen[msg] = true
				fmt.Fprintf(r.env.Stderr, "%s\n", output.Scrub(msg))
				r.loadErrors++
				r.toolErrors = append(r.toolErrors, output.ToolError{Package: p.PkgPath, Message: msg})
			}
		}
	})
}

// goListError says in plain words that listing the packages failed, with
// the go command's own message; go/packages words it
// "err: exit status 1: stderr: go: ...".
func goListError(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "stderr: "); i >= 0 && strings.HasPrefix(msg, "err: exit status") {
		msg = msg[i+len("stderr: "):]
	} else {
		msg = strings.TrimPrefix(msg, "err: ")
	}
	msg = strings.TrimSpace(msg)
	return fmt.Errorf("the go command could not list the packages to analyse:\n%s", msg)
}

// relError formats a package error with a path relative to the working
// directory and the "load error" label.
func (r *run) relError(e packages.Error) string {
	pos := e.Pos
	if pos != "" && pos != "-" {
		if i := strings.Index(pos, ":"); i > 0 && filepath.IsAbs(pos[:i]) {
			pos = r.relPath(pos[:i]) + pos[i:]
		}
		return fmt.Sprintf("%s: load error: %s", pos, e.Msg)
	}
	return fmt.Sprintf("atlint: load error: %s", e.Msg)
}

// isTestMain reports whether p is the generated main package of a test
// binary.
func isTestMain(p *packages.Package) bool {
	if p.Name != "main" || !strings.HasSuffix(p.ID, ".test") || strings.Contains(p.ID, " [") {
		return false
	}
	// The generated file is _testmain.go up to Go 1.25 and a build-cache
	// file (<hash>-d, outside the package's directory) from Go 1.26 on; a
	// real main package whose path ends in .test has its files in its
	// directory.
	files := append(slices.Clip(p.GoFiles), p.CompiledGoFiles...)
	for _, f := range files {
		if filepath.Base(f) != "_testmain.go" && (p.Dir == "" || within(f, p.Dir)) {
			return false
		}
	}
	return len(files) > 0
}
