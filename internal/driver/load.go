package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// The source loader. go/packages' LoadSyntax mode asks the go command for
// the export data of every listed package (go list -export), which makes it
// compile every edited package of the module and every package that
// depends on it, only for atlint to type-check the roots from source again.
// Instead, the packages are listed without -export; the packages of the
// main module(s), the roots and the test variants are type-checked from
// source, in dependency order and only when an analysis needs them,
// reusing each checked *types.Package (as gopls does); the go command is
// asked for export data only for the other packages, those of the
// standard library and of dependency modules, which it has in its build
// cache and which do not change when the user edits code. Dependencies are
// checked without function bodies and without types.Info, as go/packages
// checks the dependencies it loads from source; a root's syntax and
// types.Info are released as soon as its analysis is done.
//
// Memory stays flat as the module grows because no root's types are
// shared with its importers: a checked *types.Package refers to those of
// its imports, which refer to theirs, so that sharing them would keep the
// types of every root below the last one analysed alive. Instead, a root
// (and a package importing one) hands its types off as export data
// (handOff), which each importing check reads into a view of its own; the
// packages read from the go command's export data, and the dependencies
// that are not roots, checked once without bodies for roots that need all
// of them at once, are shared by all views. A package's files leave the
// file set once its findings are converted (finished). Only when a source
// package has the path of one read from export data, which one view could
// not hold, are all types shared (shareTypes).
//
// The packages handed to the analysis are the same *packages.Package
// values go/packages would build (Fset, Syntax, Types, TypesInfo,
// TypesSizes, Errors, IllTyped...), so everything downstream is unchanged.
// ATLINT_LOADER=packages restores the go/packages loader.

// loaderEnv names the environment variable that selects the loader.
const loaderEnv = "ATLINT_LOADER"

// sourceLoading reports whether the source loader is on.
func sourceLoading() bool { return os.Getenv(loaderEnv) != "packages" }

// graphMode lists the import graph without export data.
const graphMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedEmbedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule |
	packages.NeedTypesSizes

// shareTypesForTest makes the loader share types, as it does when paths
// collide.
var shareTypesForTest bool

// srcLoader type-checks the packages of one listing.
type srcLoader struct {
	r    *run
	fset *token.FileSet
	all  map[*packages.Package]*srcPkg
	view map[string]*types.Package // package path -> types of the packages read from export data
	cpu  chan struct{}             // tokens: parsing and type-checking at most GOMAXPROCS at a time

	parseMu sync.Mutex
	parsed  map[string]*parsedFile // shared by a package and its test variant
	// The roots, analysed or test mains, still to finish that include a
	// file.
	uses map[string]int

	listed map[*packages.Package]bool // packages whose export file the go command was asked for
	memo   *exportMemo                // nil: no memo of export files

	roots []*packages.Package // the packages to analyse, for the deferred error report

	// shareTypes: no package is handed off (a source package has the path
	// of one read from export data, so one view could not hold both).
	shareTypes bool

	seedMu sync.Mutex
	seed   map[string]*types.Package // what every view starts from (newView)
}

// srcPkg is the loader's state for one package of the graph.
type srcPkg struct {
	p      *packages.Package
	source bool // type-checked from source (else read from export data)
	root   bool // analysed: bodies are checked and types.Info recorded
	once   sync.Once
	broken bool // no export data: checked from source
	// exportErr is the error of reading the export data, for importers.
	exportErr error

	// When types are shared, a root's importers see its types checked a
	// second time, without bodies (as they would see export data), so that
	// the full check, its scopes and objects of every function body, is
	// released with the root's syntax after its analysis.
	shallowOnce sync.Once
	shallow     *types.Package
	shallowIll  bool
	settleOnce  sync.Once

	// handoff: the types importers see are export data written after the
	// package's check (export, or the error writing it), which each
	// importing check reads into a view of its own, instead of the
	// checked *types.Package itself, whose references to what it imports
	// would keep the types of every package below it alive (see hand).
	hand     bool // to be handed off: a root, or importing a package handed off
	handoff  bool // handed off (its check is done)
	export   []byte
	writeErr error
	// forMain: the checked types of a package a test main imports, kept
	// from its check to the test main's. A test main refers to nothing but
	// the test functions of its imports, so that their types need not be
	// one view: it is spared their export data, and they the writing of it.
	mainImported bool
	forMain      *types.Package
	ill          bool // IllTyped after the check (settle may change IllTyped)
	imported     bool // a source package imports it

	// The token.Files of the package's syntax, by CompiledGoFiles index
	// (nil where a file did not parse), and those its check read from
	// its imports' export data, removed from the file set once no one
	// needs their positions (handOff, finished).
	tfiles []*token.File
	fakes  []*token.File

	// pending counts the checks still to come that import the package
	// (an importer's check, and a root importer's second check when it
	// has importers of its own); at zero, the types importers see are
	// released, so that memory does not grow with the module.
	pending atomic.Int32

	// A test main is checked as soon as the test packages it imports are
	// analysed (wait counts those still to be), not at the end: until
	// then the types of everything they import are kept for it.
	mains []*srcPkg // the test mains importing this root
	wait  atomic.Int32
}

type parsedFile struct {
	once  sync.Once
	f     *ast.File
	err   error
	users int // packages still to be checked that include the file (guarded by parseMu)
}

// listGraph lists the packages of the patterns with their import graph,
// without export data. With exports, it also asks the go command for the
// export data of every package outside the main module(s) (the result
// cache's keys hash it).
func (r *run) listGraph(patterns []string, exports bool) ([]*packages.Package, error) {
	initial, err := r.goListGraph(patterns)
	if err == errFallBack {
		cfg := &packages.Config{Mode: graphMode, Tests: r.tests(), Dir: r.env.Dir}
		initial, err = packages.Load(cfg, patterns...)
	}
	if err != nil || !exports {
		return initial, err
	}
	isRoot := map[*packages.Package]bool{}
	for _, p := range initial {
		isRoot[p] = true
	}
	var ext []*packages.Package
	packages.Visit(initial, nil, func(p *packages.Package) {
		if !isRoot[p] && !ownSource(p) && p.PkgPath != "unsafe" {
			ext = append(ext, p)
		}
	})
	if err := r.listExports(ext); err != nil {
		return nil, err
	}
	return initial, nil
}

// ownSource reports whether a package is always type-checked from source:
// a package of a main module, or a test variant.
func ownSource(p *packages.Package) bool {
	return p.Module != nil && p.Module.Main || strings.Contains(p.ID, " [")
}

// listExports asks the go command for the export data of packages (not
// test variants): it builds them, or finds them in its cache. A package
// whose export data cannot be built gets the go command's errors.
func (r *run) listExports(pkgs []*packages.Package) error {
	if len(pkgs) == 0 {
		return nil
	}
	var paths []string
	for _, p := range pkgs {
		paths = append(paths, p.ID)
	}
	paths = uniq(paths)
	if files, err := r.goListExports(paths); err == nil {
		for _, p := range pkgs {
			p.ExportFile = files[p.ID]
		}
		return nil
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedExportFile, Dir: r.env.Dir}
	got, err := packages.Load(cfg, paths...)
	if err != nil {
		return err
	}
	byID := map[string]*packages.Package{}
	for _, p := range got {
		byID[p.ID] = p
	}
	for _, p := range pkgs {
		if q := byID[p.ID]; q != nil {
			p.ExportFile = q.ExportFile
			if q.ExportFile == "" {
				for _, e := range q.Errors {
					if !hasError(p, e) {
						p.Errors = append(p.Errors, e)
					}
				}
			}
		}
	}
	return nil
}

func hasError(p *packages.Package, e packages.Error) bool {
	for _, x := range p.Errors {
		if x == e {
			return true
		}
	}
	return false
}

// loadSource is load with the source loader: the roots come back with
// their types to be checked on demand (by analyzeOne); their errors are
// reported by reportDeferred, once the analysis is done.
func (r *run) loadSource(patterns []string) ([]*packages.Package, error) {
	t0 := time.Now()
	if r.opts.verbose {
		fmt.Fprintf(r.env.Stderr, "atlint: loading %s\n", strings.Join(patterns, " "))
	}
	initial, err := r.listGraph(patterns, false)
	if err != nil {
		r.loadTime = time.Since(t0)
		return nil, goListError(err)
	}
	r.noteModules(initial)
	pkgs, err := r.prepare(initial, nil)
	r.loadTime = time.Since(t0)
	if err != nil {
		return nil, err
	}
	return r.loaded(patterns, initial, pkgs)
}

// prepare sets the source loader up for the roots of a listing (those of
// keep, when it is not nil), reads the export data the roots need and
// returns the roots to analyse.
func (r *run) prepare(initial []*packages.Package, keep map[string]bool) ([]*packages.Package, error) {
	var roots []*packages.Package
	for _, p := range initial {
		if keep == nil || keep[p.ID] {
			roots = append(roots, p)
		}
	}
	l := &srcLoader{
		r:      r,
		fset:   token.NewFileSet(),
		all:    map[*packages.Package]*srcPkg{},
		view:   map[string]*types.Package{},
		cpu:    make(chan struct{}, runtime.GOMAXPROCS(0)),
		parsed: map[string]*parsedFile{},
		uses:   map[string]int{},
		listed: map[*packages.Package]bool{},
		roots:  roots,
		memo:   r.newExportMemo(),
	}
	r.src = l
	var order []*packages.Package // dependencies first
	packages.Visit(roots, nil, func(p *packages.Package) {
		l.all[p] = &srcPkg{p: p}
		order = append(order, p)
		if p.ExportFile != "" {
			l.listed[p] = true // the listing asked for it already
		}
	})
	for _, p := range roots {
		l.all[p].root = true
	}

	// Decide which packages are checked from source; ask for the export
	// data of the others that a source package imports. A package whose
	// export data cannot be built is checked from source, and so are its
	// importers: repeat until nothing changes.
	var direct []*packages.Package
	for {
		for _, p := range order {
			sp := l.all[p]
			sp.source = sp.root || ownSource(p) || sp.broken
			for _, q := range p.Imports {
				sp.source = sp.source || l.all[q].source
			}
			if p.PkgPath == "unsafe" {
				sp.source = false
			}
		}
		direct = direct[:0]
		var ask []*packages.Package
		seen := map[*packages.Package]bool{}
		for _, p := range order {
			if !l.all[p].source {
				continue
			}
			for _, q := range p.Imports {
				if sq := l.all[q]; !sq.source && !seen[q] && q.PkgPath != "unsafe" {
					seen[q] = true
					direct = append(direct, q)
					if !l.listed[q] {
						ask = append(ask, q)
					}
				}
			}
		}
		if len(ask) == 0 {
			break
		}
		if rest := l.memo.lookup(ask); len(rest) > 0 {
			if err := r.listExports(rest); err != nil {
				return nil, err
			}
			l.memo.remember(rest)
		}
		var cgo []*packages.Package
		for _, q := range ask {
			l.listed[q] = true
			if q.ExportFile == "" {
				l.all[q].broken = true
				if c, ok := cgoDirs.Load(q.Dir + "\x00" + q.ID); ok && c.(bool) {
					cgo = append(cgo, q)
				}
			}
		}
		// Checked from source after all: its cgo files must be processed.
		r.compileCgo(cgo)
	}

	// A source package with the path of one read from export data (a test
	// variant of a dependency that imports the package under test) could
	// not share a view with it: then types are shared as go/packages does.
	nonSource := map[string]bool{}
	for _, p := range order {
		if !l.all[p].source {
			nonSource[p.PkgPath] = true
		}
	}
	for _, p := range order {
		if l.all[p].source && nonSource[p.PkgPath] || shareTypesForTest {
			l.shareTypes = true
		}
	}

	// Which packages are handed off: the roots, whose types would
	// otherwise be kept alive by their importers' long after their own
	// analysis, and what imports one of them. A dependency that is not a
	// root, the bulk of a run on a few files, shares its bodiless types
	// as go/packages does: the roots need all of them at once anyway. (A
	// shared package's types then refer to shared ones only, and export
	// data read into a view finds the shared packages there.)
	for _, p := range order {
		sp := l.all[p]
		sp.hand = sp.source && !l.shareTypes && sp.root
		for _, q := range p.Imports {
			sp.hand = sp.hand || sp.source && l.all[q].hand
		}
	}

	// The checks that will import each source package: one per source
	// importer; when types are shared, two for a root importer that has
	// source importers itself (its bodiless check).
	importers := map[*packages.Package]int{}
	for _, p := range order {
		if l.all[p].source {
			for _, q := range p.Imports {
				if l.all[q].source {
					importers[q]++
					// A test main sees the checked types themselves.
					if isTestMain(p) {
						l.all[q].mainImported = true
					} else {
						l.all[q].imported = true
					}
				}
			}
		}
	}
	for _, p := range order {
		if sp := l.all[p]; sp.source {
			n := int32(1)
			if sp.root && importers[p] > 0 && l.shareTypes {
				n = 2
			}
			for _, q := range p.Imports {
				if l.all[q].source {
					l.all[q].pending.Add(n)
				}
			}
		}
	}

	// Every package gets its types.Package now, as in go/packages, so that
	// reading export data never creates one for an indirect dependency.
	for _, p := range order {
		sp := l.all[p]
		p.Fset = l.fset
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
			p.Syntax = []*ast.File{}
			p.TypesInfo = newTypesInfo()
			continue
		}
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		if !sp.source {
			l.view[p.PkgPath] = p.Types
		}
		if sp.root && sp.source {
			for _, f := range p.CompiledGoFiles {
				pf := l.parsed[f]
				if pf == nil {
					pf = &parsedFile{}
					l.parsed[f] = pf
				}
				pf.users++
				l.uses[f]++
			}
		}
	}
	// Read the export data, dependencies first, before any type-checking:
	// reading may add objects to the packages of indirect dependencies.
	isDirect := map[*packages.Package]bool{}
	for _, q := range direct {
		isDirect[q] = true
	}
	for _, p := range order {
		if isDirect[p] {
			l.readExport(l.all[p])
		}
	}

	var pkgs []*packages.Package
	analysed := map[*packages.Package]bool{}
	for _, p := range roots {
		if isTestMain(p) || p.Types == nil || p.Fset == nil || p.TypesSizes == nil {
			continue
		}
		pkgs = append(pkgs, p)
		analysed[p] = true
	}
	for _, p := range roots {
		if sp := l.all[p]; isTestMain(p) && sp.source {
			for _, q := range p.Imports {
				if analysed[q] {
					sp.wait.Add(1)
					l.all[q].mains = append(l.all[q].mains, sp)
				}
			}
		}
	}
	return testsNext(pkgs), nil
}

// testsNext moves the test variants of each package, and its test main,
// right after it (the listing has them at the end), so that the files
// they share are parsed once and released soon, and so are the types of
// what they import.
func testsNext(pkgs []*packages.Package) []*packages.Package {
	isPkg := map[string]bool{}
	for _, p := range pkgs {
		isPkg[p.ID] = true
	}
	base := func(id string) string {
		if i := strings.Index(id, " ["); i >= 0 && strings.HasSuffix(id, ".test]") {
			return strings.TrimSuffix(id[i+2:], ".test]")
		}
		if q, ok := strings.CutSuffix(id, ".test"); ok && isPkg[q+" ["+q+".test]"] {
			return q // the test main
		}
		return id
	}
	first := map[string]int{}
	for i, p := range pkgs {
		if _, ok := first[base(p.ID)]; !ok {
			first[base(p.ID)] = i
		}
	}
	out := slices.Clone(pkgs)
	sort.SliceStable(out, func(i, j int) bool { return first[base(out[i].ID)] < first[base(out[j].ID)] })
	return out
}

// readExport reads a package's export data into the shared view.
func (l *srcLoader) readExport(sp *srcPkg) {
	p := sp.p
	if l.memo != nil {
		if tpkg, err := l.memo.readTypes(p, l.fset, l.view); err == nil {
			p.Types = tpkg
			return
		}
	}
	err := func() error {
		if p.ExportFile == "" {
			return fmt.Errorf("no export data file")
		}
		f, err := os.Open(p.ExportFile)
		if err != nil {
			return err
		}
		defer f.Close()
		rd, err := gcexportdata.NewReader(f)
		if err != nil {
			return fmt.Errorf("reading %s: %v", p.ExportFile, err)
		}
		tpkg, err := gcexportdata.Read(rd, l.fset, l.view, p.PkgPath)
		if err != nil {
			return fmt.Errorf("reading %s: %v", p.ExportFile, err)
		}
		p.Types = tpkg
		l.memo.saveTypes(p, l.fset)
		return nil
	}()
	if err != nil {
		sp.exportErr = err
		p.IllTyped = true
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}

// ensure type-checks a source package once its source dependencies are,
// in parallel.
func (l *srcLoader) ensure(sp *srcPkg) {
	sp.once.Do(func() {
		l.ensureImports(sp)
		l.cpu <- struct{}{}
		defer func() { <-l.cpu }()
		l.check(sp, false)
		l.handOff(sp)
		l.checked(sp)
	})
}

// handOff writes a checked package's export data for its importers to
// read, its types with errors too (gcexportdata writes invalid types as
// gopls does; an importer of a package whose export data could not be
// written gets an import error instead of its types). A dependency's types
// and files are then released: nothing else reads them.
func (l *srcLoader) handOff(sp *srcPkg) {
	if !sp.hand {
		return
	}
	p := sp.p
	sp.ill = p.IllTyped
	if sp.mainImported {
		sp.forMain = p.Types
	}
	if isTestMain(p) {
		for _, q := range p.Imports {
			if sq := l.all[q]; sq != nil {
				sq.forMain = nil // (this check is the only one reading it)
			}
		}
	}
	if sp.imported {
		var buf bytes.Buffer
		if err := gcexportdata.Write(&buf, l.fset, p.Types); err != nil {
			sp.writeErr = err
		} else {
			sp.export = buf.Bytes()
		}
	}
	sp.handoff = true
	if !sp.root {
		empty := types.NewPackage(p.PkgPath, p.Name)
		empty.MarkComplete()
		p.Types = empty
		l.removeFiles(sp.tfiles)
		l.removeFiles(sp.fakes)
		sp.tfiles, sp.fakes = nil, nil
	}
}

// removeFiles removes files from the loader's file set.
func (l *srcLoader) removeFiles(files []*token.File) {
	for _, tf := range files {
		if tf != nil {
			l.fset.RemoveFile(tf)
		}
	}
}

// finished removes the files of a root from the file set once its
// analysis is done (its findings converted) or, for a test main, its
// check, and that of every other root including them: nothing asks for
// their positions any more, as importers read export data, so that the
// line tables do not grow with the module. Every root is handed off
// unless types are shared, and then the files stay: importers share the
// types, positions and all.
func (l *srcLoader) finished(sp *srcPkg) {
	if l.shareTypes {
		return
	}
	l.parseMu.Lock()
	defer l.parseMu.Unlock()
	for i, name := range sp.p.CompiledGoFiles {
		l.uses[name]--
		if l.uses[name] > 0 {
			continue
		}
		delete(l.uses, name)
		if i < len(sp.tfiles) && sp.tfiles[i] != nil {
			l.fset.RemoveFile(sp.tfiles[i])
		}
	}
	// What its check read of its imports served its analysis only: its
	// importers see its export data.
	l.removeFiles(sp.fakes)
	sp.tfiles, sp.fakes = nil, nil
}

// ensureImports makes the types of a package's source imports ready, in
// parallel.
func (l *srcLoader) ensureImports(sp *srcPkg) {
	var wg sync.WaitGroup
	for _, q := range sp.p.Imports {
		if sq := l.all[q]; sq != nil && sq.source {
			wg.Add(1)
			go func() {
				defer wg.Done()
				l.importTypes(sq)
			}()
		}
	}
	wg.Wait()
}

// importTypes makes what importers see of a source package ready and says
// whether it has errors. A handed-off package has no types to give: its
// importers read its export data. When types are shared, they are a
// dependency's only check, a root's check without bodies.
func (l *srcLoader) importTypes(sq *srcPkg) (*types.Package, bool) {
	if !sq.root || !l.shareTypes {
		l.ensure(sq)
	}
	if sq.handoff {
		return nil, sq.ill
	}
	if !sq.root {
		return sq.p.Types, sq.p.IllTyped
	}
	sq.shallowOnce.Do(func() {
		l.ensureImports(sq)
		l.cpu <- struct{}{}
		defer func() { <-l.cpu }()
		l.check(sq, true)
		l.checked(sq)
	})
	return sq.shallow, sq.shallowIll
}

// checked counts a check of sp done for each of its source imports, and
// releases what importers see of those no check to come imports: export
// data, or shared types (a root's second check, a dependency's only one).
func (l *srcLoader) checked(sp *srcPkg) {
	for _, q := range sp.p.Imports {
		sq := l.all[q]
		if sq == nil || !sq.source || sq.pending.Add(-1) != 0 {
			continue
		}
		if sq.handoff {
			sq.export = nil
		} else if sq.root {
			sq.shallow = nil
		} else if l.shareTypes {
			// (With hand-off, export data read later may refer to it.)
			empty := types.NewPackage(q.PkgPath, q.Name)
			empty.MarkComplete()
			q.Types = empty
		}
	}
}

// settle makes a root's IllTyped what go/packages says: its errors or
// those of any dependency, a root dependency's body included.
func (l *srcLoader) settle(sp *srcPkg) {
	sp.settleOnce.Do(func() {
		l.ensure(sp)
		ill := sp.p.IllTyped
		for _, q := range sp.p.Imports {
			if sq := l.all[q]; sq != nil && sq.source && sq.root {
				l.settle(sq)
				ill = ill || q.IllTyped
			}
		}
		sp.p.IllTyped = ill
	})
}

// release drops a root's syntax, types.Info and full types once analysed.
func (l *srcLoader) release(sp *srcPkg) {
	p := sp.p

	p.Syntax, p.TypesInfo = nil, nil
	empty := types.NewPackage(p.PkgPath, p.Name)
	empty.MarkComplete()
	p.Types = empty
}

// parse returns the syntax of a file, parsed once for all the packages
// that include it (a package and its test variants).
func (l *srcLoader) parse(name string) (*ast.File, error) {
	l.parseMu.Lock()
	pf := l.parsed[name]
	if pf == nil { // not planned for: parse it for this package alone
		pf = &parsedFile{users: 1}
		l.parsed[name] = pf
	}
	l.parseMu.Unlock()
	pf.once.Do(func() {
		src, err := os.ReadFile(name)
		if err != nil {
			pf.err = err
			return
		}
		pf.f, pf.err = parser.ParseFile(l.fset, name, src, parser.AllErrors|parser.ParseComments)
	})
	return pf.f, pf.err
}

// parseShared returns the syntax of a root's file, from the parse cache
// when it is there.
func (l *srcLoader) parseShared(name string) (*ast.File, error) {
	l.parseMu.Lock()
	pf := l.parsed[name]
	l.parseMu.Unlock()
	if pf == nil {
		return l.parseAlone(name)
	}
	pf.once.Do(func() {
		pf.f, pf.err = l.parseAlone(name)
	})
	return pf.f, pf.err
}

// parseAlone parses a file for one package.
func (l *srcLoader) parseAlone(name string) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parser.ParseFile(l.fset, name, src, parser.AllErrors|parser.ParseComments)
}

// done drops the loader's reference to the syntax of a checked package's
// files once no other package needs them.
func (l *srcLoader) done(p *packages.Package) {
	l.parseMu.Lock()
	defer l.parseMu.Unlock()
	for _, name := range p.CompiledGoFiles {
		if pf := l.parsed[name]; pf != nil {
			pf.users--
			if pf.users <= 0 {
				delete(l.parsed, name)
			}
		}
	}
}

// check parses and type-checks a source package, as go/packages does.
// shallow is a root's second check, for its importers.
func (l *srcLoader) check(sp *srcPkg, shallow bool) {
	p := sp.p
	if shallow {
		l.checkShallow(sp)
		return
	}
	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}

	// A root's files are shared with its test variant; a dependency's
	// syntax is dropped once checked.
	parse := l.parse
	if !sp.root {
		parse = l.parseAlone
	}
	files := make([]*ast.File, len(p.CompiledGoFiles))
	errs := make([]error, len(p.CompiledGoFiles))
	var wg sync.WaitGroup
	for i, name := range p.CompiledGoFiles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files[i], errs[i] = parse(name)
		}()
	}
	wg.Wait()
	if sp.root {
		defer l.done(p)
	}
	var syntax []*ast.File
	sp.tfiles = make([]*token.File, len(files))
	for i := range files {
		if files[i] != nil {
			syntax = append(syntax, files[i])
			sp.tfiles[i] = l.fset.File(files[i].FileStart)
		}
		if errs[i] != nil {
			appendError(errs[i])
		}
	}

	var info *types.Info
	if sp.root {
		p.Syntax = syntax
		info = newTypesInfo()
		p.TypesInfo = info
	}
	imp := l.importer(p)
	defer func() { sp.fakes = imp.files }()
	tc := &types.Config{
		Importer:         imp,
		IgnoreFuncBodies: !sp.root,
		Error:            appendError,
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, l.fset, p.Types, info).Files(syntax)
	if typErr != nil && len(p.Errors) == 0 && len(syntax) > 0 {
		if msg := typErr.Error(); strings.HasPrefix(msg, "package requires newer Go version") {
			appendError(types.Error{Fset: l.fset, Pos: syntax[0].Package, Msg: msg})
		}
	}
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
	p.IllTyped = len(p.Errors) > 0 || l.importsIll(p)
}

// importsIll reports whether an import of p has errors, as far as known
// now (settle completes it).
func (l *srcLoader) importsIll(p *packages.Package) bool {
	for _, q := range p.Imports {
		if sq := l.all[q]; sq != nil && sq.source {
			if _, ill := l.importTypes(sq); ill {
				return true
			}
		} else if q.IllTyped {
			return true
		}
	}
	return false
}

// importer resolves the imports of p as go/packages does, source packages
// to the types their importers see.
func (l *srcLoader) importer(p *packages.Package) *srcImporter {
	imp := &srcImporter{}
	var view map[string]*types.Package // what this check read of handed-off imports
	imp.fn = func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		q := p.Imports[path]
		if q == nil {
			return nil, fmt.Errorf("no metadata for %s", path)
		}
		var t *types.Package
		if sq := l.all[q]; sq != nil && sq.source {
			t, _ = l.importTypes(sq) // (q.Types changes when released)
			if sq.handoff && isTestMain(p) && sq.forMain != nil {
				return sq.forMain, nil
			}
			if sq.handoff {
				if view == nil {
					view = l.newView(p)
				}
				if t := view[path]; t != nil && t.Complete() {
					return t, nil
				}
				if sq.export == nil {
					return nil, fmt.Errorf("no export data for %s: %v", path, sq.writeErr)
				}
				t, files, err := l.readHandedOff(sq.export, view, path)
				imp.files = append(imp.files, files...)
				return t, err
			}
		} else {
			t = q.Types
		}
		if t != nil && t.Complete() {
			return t, nil
		}
		if sq := l.all[q]; sq != nil && sq.exportErr != nil {
			return nil, sq.exportErr
		}
		return nil, fmt.Errorf("no types for %s", path)
	}
	return imp
}

// checkShallow checks a root again without bodies, for its importers; its
// errors are the full check's to report.
func (l *srcLoader) checkShallow(sp *srcPkg) {
	p := sp.p
	var syntax []*ast.File
	for _, name := range p.CompiledGoFiles {
		if f, _ := l.parseShared(name); f != nil {
			syntax = append(syntax, f)
		}
	}
	errs := len(syntax) < len(p.CompiledGoFiles)
	tc := &types.Config{
		Importer:         l.importer(p),
		IgnoreFuncBodies: true,
		Error:            func(error) { errs = true },
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	pkg := types.NewPackage(p.PkgPath, p.Name)
	if err := types.NewChecker(tc, l.fset, pkg, nil).Files(syntax); err != nil {
		errs = true
	}
	sp.shallow = pkg
	sp.shallowIll = errs || l.importsIll(p)
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

// newView returns a view for a check of p to read handed-off export data
// into: the packages read from the go command's export data and the shared
// source packages of p's build (a test's variants in place of the
// packages they recompile), which that data refers to.
func (l *srcLoader) newView(p *packages.Package) map[string]*types.Package {
	l.seedMu.Lock()
	if l.seed == nil {
		l.seed = maps.Clone(l.view)
		for q, sq := range l.all {
			if sq.source && !sq.hand && family(q) == "" {
				l.seed[q.PkgPath] = q.Types
			}
		}
	}
	view := maps.Clone(l.seed)
	l.seedMu.Unlock()
	if fam := family(p); fam != "" {
		for q, sq := range l.all {
			if sq.source && !sq.hand && family(q) == fam {
				view[q.PkgPath] = q.Types
			}
		}
	}
	return view
}

// family names the build a package belongs to: "" for the packages
// themselves, "[x.test]" for the variants recompiled for x's test and for
// its test main.
func family(p *packages.Package) string {
	if i := strings.Index(p.ID, " ["); i >= 0 {
		return p.ID[i+1:]
	}
	if isTestMain(p) {
		return "[" + p.ID + "]"
	}
	return ""
}

// srcImporter is the importer of one check; files are the token.Files it
// read from handed-off export data.
type srcImporter struct {
	fn    func(path string) (*types.Package, error)
	files []*token.File
}

func (imp *srcImporter) Import(path string) (*types.Package, error) { return imp.fn(path) }

// readHandedOff reads a handed-off package's export data into a check's
// view. The reader adds a file to the file set for each source file the
// positions name; they are read into a file set of their own, in a range
// of positions reserved in the loader's, and then added to it, so that
// their positions are known to the analysis and the files can be removed
// with the check's package. (Each file takes at least one byte of the
// export data, and at most 1<<17 positions.)
func (l *srcLoader) readHandedOff(data []byte, view map[string]*types.Package, path string) (*types.Package, []*token.File, error) {
	reserve := (len(data) + 1) << 17
	if strconv.IntSize < 64 || reserve <= 0 {
		t, err := gcexportdata.Read(bytes.NewReader(data), l.fset, view, path)
		return t, nil, err
	}
	hole := l.fset.AddFile("", -1, reserve)
	own := token.NewFileSet()
	start := own.AddFile("", hole.Base(), 0)
	t, err := gcexportdata.Read(bytes.NewReader(data), own, view, path)
	var files []*token.File
	own.Iterate(func(f *token.File) bool {
		if f != start {
			files = append(files, f)
		}
		return true
	})
	if own.Base() > hole.Base()+hole.Size() { // (cannot be: see above)
		panic(fmt.Sprintf("export data of %s: %d files overflow the %d positions reserved", path, len(files), reserve))
	}
	// Positions allocated from now on come after the hole: no overlap.
	l.fset.RemoveFile(hole)
	l.fset.AddExistingFiles(files...)
	return t, files, err
}

// analyzeOne runs the suite on one package and calls convert on the
// graph. With the source loader, it type-checks the package (and what it
// needs) first, and releases its syntax, type information and files
// afterwards: the caller keeps only what convert takes of the graph.
func (r *run) analyzeOne(suite []*analysis.Analyzer, p *packages.Package, convert func(*checker.Graph)) (*checker.Graph, error) {
	l := r.src
	var sp *srcPkg
	if l != nil {
		sp = l.all[p]
	}
	if sp == nil || !sp.source {
		g, err := checker.Analyze(suite, []*packages.Package{p}, nil)
		if g != nil && convert != nil {
			convert(g)
		}
		return g, err
	}
	l.settle(sp)
	g, err := checker.Analyze(suite, []*packages.Package{p}, nil)
	if g != nil && convert != nil {
		convert(g) // while the positions are in the file set
	}
	l.release(sp)
	l.finished(sp)
	for _, tm := range sp.mains {
		if tm.wait.Add(-1) == 0 {
			l.ensure(tm)
			l.release(tm)
			l.finished(tm)
		}
	}
	return g, err
}

// reportDeferred reports the errors of the packages the source loader
// checked, as load reports those of go/packages: after the analysis, since
// the packages are checked during it, in the same order.
func (r *run) reportDeferred() {
	stopProfiles()
	l := r.src
	if l == nil {
		return
	}
	// Check what no analysis needed (the test main packages): go/packages
	// would have, and reports their errors.
	var wg sync.WaitGroup
	packages.Visit(l.roots, nil, func(p *packages.Package) {
		if sp := l.all[p]; sp != nil && sp.source {
			wg.Add(1)
			go func() {
				defer wg.Done()
				l.ensure(sp)
				if sp.root {
					l.release(sp)
				}
			}()
		}
	})
	wg.Wait()
	r.reportPackageErrors(l.roots)
}

// listCached is the result cache's listing: with the source loader, the
// graph without export data for the main module(s), with it for the
// others (the keys hash it).
func (r *run) listCached(cfg *packages.Config, patterns []string) ([]*packages.Package, error) {
	if !sourceLoading() {
		return packages.Load(cfg, patterns...)
	}
	return r.listGraph(patterns, false)
}

// sourceSum stands for the export data of a package in a key, when the
// listing has none (the source loader asks the go command for export data
// only for what it loads): what the package is made of, its dependencies
// being hashed by depKey. For a package of a module in the module cache,
// whose contents cannot change, the module's version and the files' names;
// for the standard library (no module), the files' names, sizes and
// modification times (the Go version and build settings are in the
// settings); for the others (main modules, vendored or replaced
// directories), the files' contents.
func (k *keyer) sourceSum(p *packages.Package) string {
	if d, ok := k.c.files[p.ID]; ok {
		return d
	}
	var d string
	switch m := p.Module; {
	case m != nil && !m.Main && immutable(p):
		h := sha256.New()
		if r := m.Replace; r != nil {
			m = r
		}
		fmt.Fprintf(h, "module %s@%s\x00", m.Path, m.Version)
		for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.EmbedFiles} {
			fmt.Fprintf(h, "%q\x00", list)
		}
		d = "mod:" + hex.EncodeToString(h.Sum(nil))
	case m == nil:
		d = statDigest(p)
		if d != "" {
			k.c.files[statKey+p.ID] = d // for the export memo (not an ID: no root's)
		}
		return d // not memoized under the ID: that is for the roots' contents
	default:
		var ok bool
		if d, ok = filesDigest(p); !ok {
			return ""
		}
	}
	k.c.files[p.ID] = d
	return d
}

// statKey prefixes the package IDs under which the result cache's files
// map keeps statDigest.
const statKey = "\x00stat "

// statDigest hashes the names, sizes and modification times of a
// package's files, or returns "" when one cannot be read.
func statDigest(p *packages.Package) string {
	h := sha256.New()
	seen := map[string]string{}
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.EmbedFiles} {
		for _, f := range list {
			line, ok := seen[f]
			if !ok {
				st, err := os.Stat(f)
				if err != nil {
					return ""
				}
				line = fmt.Sprintf("%q %d %d\x00", f, st.Size(), st.ModTime().UnixNano())
				seen[f] = line
			}
			io.WriteString(h, line)
		}
		h.Write([]byte{0})
	}
	return "stat:" + hex.EncodeToString(h.Sum(nil))
}

// immutable reports whether a package's files are those of a module
// version in the module cache (not a directory replacement, not vendored).
func immutable(p *packages.Package) bool {
	m := p.Module
	if r := m.Replace; r != nil {
		m = r
	}
	if m.Version == "" || m.Dir == "" || !strings.Contains(filepath.ToSlash(m.Dir), "@"+m.Version) {
		return false
	}
	for _, f := range p.GoFiles {
		if !strings.HasPrefix(f, m.Dir+string(filepath.Separator)) {
			return false
		}
	}
	return true
}

// loadMissed returns the packages of a result cache listing that missed,
// ready to be checked from source.
func (r *run) loadMissed(patterns []string, listed []*packages.Package, miss map[string]bool, t0 time.Time) ([]*packages.Package, error) {
	if r.opts.verbose {
		fmt.Fprintf(r.env.Stderr, "atlint: loading %s (%s not in the result cache)\n", strings.Join(patterns, " "), plural(len(miss), "package"))
	}
	pkgs, err := r.prepare(listed, miss)
	r.loadTime = time.Since(t0)
	if err == nil && r.opts.verbose {
		fmt.Fprintf(r.env.Stderr, "atlint: loaded %s in %v\n", plural(len(pkgs), "package"), r.loadTime.Round(time.Millisecond))
	}
	return pkgs, err
}
