package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Early cutoff. A package's findings depend on its own files and on what
// its imports export: analyzers see only the syntax of their own package,
// dependencies are type-checked without function bodies, and no analyzer
// uses facts. So in a key, a package of a main module that a root imports
// stands for the types its importers see (its API), not for its files: an
// edit that keeps every declaration, its type, value and position (a
// comment's text, a function body changed in place) keeps the keys of its
// importers, as the go command's export data keeps go vet's.
//
// The API is the package's gcexportdata export (deep: what it refers to of
// its dependencies too, with positions, constant values and struct tags),
// of its check without bodies, followed by every package-level object of
// its scope, unexported ones included, with its type and position. It is
// remembered in the result cache's directory under a key covering the
// settings of the run, the package's files (contents) and the keys of its
// imports, so that an unchanged package costs one small read; when that
// misses (the package or an API it depends on changed), the package is
// type-checked here, before the keys of its importers can be computed:
// its main-module dependencies from source, without bodies, the others
// from export data. A package with errors (listing, type errors, in its
// declarations or its bodies, checked once more with bodies) has no API:
// its importers are not cached.

// apiMemoFormat changes whenever the API or its memo's format does.
const apiMemoFormat = "atlint-api-1"

// cutoff reports whether a package's API stands for it in its importers'
// keys: a package of a main module checked from source, not a test
// variant.
func cutoff(p *packages.Package) bool {
	return p.Module != nil && p.Module.Main && !strings.Contains(p.ID, " [") && p.PkgPath != "unsafe"
}

// apiSum returns the hash of a package's API, or "" when it has none
// (errors, unreadable files or dependencies).
func (k *keyer) apiSum(p *packages.Package) string {
	if s, ok := k.apis[p]; ok {
		return s
	}
	k.apis[p] = "" // until computed; also stops import cycles
	if len(p.Errors) > 0 {
		return ""
	}
	files, ok := k.c.files[p.ID]
	if !ok {
		if files, ok = filesDigest(p); !ok {
			return ""
		}
		k.c.files[p.ID] = files
	}
	h := sha256.New()
	goVersion := ""
	if p.Module != nil {
		goVersion = p.Module.GoVersion
	}
	fmt.Fprintf(h, "%s\x00%s\x00pkg %q %q %q go %q\x00files %s\x00", apiMemoFormat, k.c.settings, p.ID, p.PkgPath, p.Name, goVersion, files)
	for _, path := range sortedKeys(p.Imports) {
		d := k.depKey(p.Imports[path])
		if d == "" {
			return ""
		}
		fmt.Fprintf(h, "import %q=%s\x00", path, d)
	}
	memoKey := hex.EncodeToString(h.Sum(nil))
	if s := k.c.readAPI(memoKey); s != "" {
		k.apis[p] = s
		return s
	}
	if k.api == nil {
		k.api = newAPIChecker(k.r)
	}
	s := k.api.sum(p)
	if s != "" {
		k.c.writeAPI(memoKey, s)
	}
	k.apis[p] = s
	return s
}

func (c *resultCache) apiPath(key string) string {
	return filepath.Join(c.dir, key[:2], key+"-a")
}

// readAPI returns the API hash remembered under key, or "".
func (c *resultCache) readAPI(key string) string {
	b, err := os.ReadFile(c.apiPath(key))
	if err != nil {
		return ""
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) != 4 || lines[0] != apiMemoFormat || lines[1] != key || !strings.HasPrefix(lines[2], "api:") || len(lines[2]) != 4+64 || !isHex(lines[2][4:]) {
		return ""
	}
	return lines[2]
}

func (c *resultCache) writeAPI(key, sum string) {
	writeAtomic(c.apiPath(key), []byte(fmt.Sprintf("%s\n%s\n%s\n", apiMemoFormat, key, sum)))
}

// apiChecker type-checks, without bodies, the packages whose API is not
// remembered, and what they import.
type apiChecker struct {
	r       *run
	fset    *token.FileSet
	view    map[string]*types.Package // packages read from export data, by path
	memo    *exportMemo
	checked map[*packages.Package]*types.Package // nil: errors
	sums    map[*packages.Package]string
}

func newAPIChecker(r *run) *apiChecker {
	return &apiChecker{
		r:       r,
		fset:    token.NewFileSet(),
		view:    map[string]*types.Package{},
		memo:    r.sharedExportMemo(),
		checked: map[*packages.Package]*types.Package{},
		sums:    map[*packages.Package]string{},
	}
}

// sum returns the API hash of a package, type-checking it.
func (a *apiChecker) sum(p *packages.Package) string {
	if s, ok := a.sums[p]; ok {
		return s
	}
	a.sums[p] = ""
	tpkg := a.typesOf(p)
	if tpkg == nil || !a.bodiesClean(p) {
		return ""
	}
	b, err := apiBytes(a.fset, tpkg)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	s := "api:" + hex.EncodeToString(sum[:])
	a.sums[p] = s
	return s
}

// apiBytes returns the API of a checked package: its export data, then
// its package-level objects with their types and positions.
func apiBytes(fset *token.FileSet, pkg *types.Package) ([]byte, error) {
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, fset, pkg); err != nil {
		return nil, err
	}
	qual := func(q *types.Package) string { return q.Path() }
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		fmt.Fprintf(&buf, "\x00%s %s", types.ObjectString(obj, qual), fset.Position(obj.Pos()))
	}
	return buf.Bytes(), nil
}

// typesOf returns the types of a package as its importers see them, or
// nil when it cannot be checked without errors.
func (a *apiChecker) typesOf(p *packages.Package) *types.Package {
	if t, ok := a.checked[p]; ok {
		return t
	}
	a.checked[p] = nil // until checked; also stops import cycles
	if p.PkgPath == "unsafe" {
		a.checked[p] = types.Unsafe
		return types.Unsafe
	}
	if len(p.Errors) > 0 {
		return nil
	}
	if !cutoff(p) {
		return a.readExport(p)
	}
	if p.TypesSizes == nil {
		return nil
	}
	if !a.prepareExports(p) {
		return nil
	}
	// Dependencies first, so that the check's importer finds them.
	for _, path := range sortedKeys(p.Imports) {
		if a.typesOf(p.Imports[path]) == nil {
			return nil
		}
	}
	pkg := types.NewPackage(p.PkgPath, p.Name)
	if !a.check(p, pkg, true) {
		return nil
	}
	a.checked[p] = pkg
	return pkg
}

// bodiesClean reports whether a package checked without bodies has no
// errors in its bodies either: an importer of a root with errors is
// ill-typed, so its findings are not reused.
func (a *apiChecker) bodiesClean(p *packages.Package) bool {
	return a.check(p, types.NewPackage(p.PkgPath, p.Name), false)
}

// check type-checks a package whose imports are checked, into pkg, and
// reports whether it has no errors.
func (a *apiChecker) check(p *packages.Package, pkg *types.Package, noBodies bool) bool {
	var syntax []*ast.File
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return false
		}
		f, err := parser.ParseFile(a.fset, name, src, parser.AllErrors|parser.SkipObjectResolution)
		if err != nil {
			return false
		}
		syntax = append(syntax, f)
	}
	errs := false
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			q := p.Imports[path]
			if q == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if t := a.checked[q]; t != nil {
				return t, nil
			}
			return nil, fmt.Errorf("no types for %s", path)
		}),
		IgnoreFuncBodies: noBodies,
		Error:            func(error) { errs = true },
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(tc, a.fset, pkg, nil).Files(syntax)
	return err == nil && !errs
}

// prepareExports makes sure the packages outside the main modules that p
// and its main-module dependencies import have their export files named,
// asking the export memo, then the go command, once for all of them.
func (a *apiChecker) prepareExports(p *packages.Package) bool {
	var ask []*packages.Package
	seen := map[*packages.Package]bool{}
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		if seen[q] {
			return
		}
		seen[q] = true
		if !cutoff(q) {
			if q.PkgPath != "unsafe" && q.ExportFile == "" && a.checked[q] == nil {
				ask = append(ask, q)
			}
			return
		}
		for _, path := range sortedKeys(q.Imports) {
			visit(q.Imports[path])
		}
	}
	visit(p)
	if len(ask) == 0 {
		return true
	}
	if rest := a.memo.lookup(ask); len(rest) > 0 {
		if err := a.r.listExports(rest); err != nil {
			return false
		}
		a.memo.remember(rest)
	}
	return true
}

// readExport reads the types of a package outside the main modules from
// its export data (as the source loader does), into the checker's view.
func (a *apiChecker) readExport(p *packages.Package) *types.Package {
	// Its dependencies first: reading may add objects to theirs.
	for _, path := range sortedKeys(p.Imports) {
		if q := p.Imports[path]; !cutoff(q) {
			a.typesOf(q)
		}
	}
	if a.memo != nil {
		if t, err := a.memo.readTypes(p, a.fset, a.view); err == nil {
			a.checked[p] = t
			return t
		}
	}
	if p.ExportFile == "" {
		return nil
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil
	}
	defer f.Close()
	rd, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil
	}
	t, err := gcexportdata.Read(rd, a.fset, a.view, p.PkgPath)
	if err != nil {
		return nil
	}
	a.checked[p] = t
	return t
}

// sharedExportMemo returns the export memo of the run: the result cache's
// API checks and the source loader share it.
func (r *run) sharedExportMemo() *exportMemo {
	c := r.cache
	if c == nil {
		return r.newExportMemo()
	}
	if !c.memoDone {
		c.memo, c.memoDone = r.newExportMemo(), true
	}
	return c.memo
}
