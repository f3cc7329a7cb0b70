package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// The listing of the source loader runs go list once, where go/packages
// runs it three times (two probes, for the Go version and the type sizes,
// then the listing) and once more per file argument, and asks for
// -compiled, which makes the go command run cgo and probe the compiler for
// every package with cgo files, its dependencies' among them. Here the
// type sizes and the version come from go env (asked once per run, also
// for the result cache's key), the file arguments of all directories are
// one listing, and -compiled is asked only when a package checked from
// source has cgo (or SWIG) files. The packages are those go/packages
// builds in graphMode, field for field; whenever the answer is one that
// go/packages works around (an error exit, an ad-hoc package, a duplicate,
// an external driver...), the listing is go/packages'.

// listFields are the go list fields go/packages asks for in graphMode
// (jsonFlag), less those of test files it does not read back.
const listFields = "Name,ImportPath,Error,Dir,GoFiles,IgnoredGoFiles,IgnoredOtherFiles,CFiles,CgoFiles,CXXFiles,MFiles,HFiles,FFiles,SFiles,SwigFiles,SwigCXXFiles,SysoFiles,CompiledGoFiles,DepOnly,Imports,ImportMap,Module,EmbedFiles"

// listArgMax bounds the length of the patterns of one listing (go/packages
// splits longer lists into several go list runs).
const listArgMax = 16000

// jsonPackage is a package as go list -json prints it.
type jsonPackage struct {
	ImportPath        string
	Dir               string
	Name              string
	GoFiles           []string
	CompiledGoFiles   []string
	IgnoredGoFiles    []string
	IgnoredOtherFiles []string
	EmbedFiles        []string
	CFiles            []string
	CgoFiles          []string
	CXXFiles          []string
	MFiles            []string
	HFiles            []string
	FFiles            []string
	SFiles            []string
	SwigFiles         []string
	SwigCXXFiles      []string
	SysoFiles         []string
	Imports           []string
	ImportMap         map[string]string
	Module            *packages.Module
	DepOnly           bool
	Export            string
	Error             *struct {
		ImportStack []string
		Pos         string
		Err         string
	}
}

// errFallBack says that go/packages must list: the answer is one it works
// around.
var errFallBack = fmt.Errorf("listed by go/packages")

// goListGraph lists the patterns as packages.Load(graphMode) does, or
// returns errFallBack.
func (r *run) goListGraph(patterns []string) ([]*packages.Package, error) {
	if externalDriver() {
		return nil, errFallBack
	}
	env, err := goEnv(r.env.Dir)
	if err != nil {
		return nil, errFallBack // let go/packages say it
	}
	if strings.Contains(env["GOFLAGS"], "-compiler") || goMinor(env["GOVERSION"]) < 21 {
		return nil, errFallBack
	}
	sizes := types.SizesFor("gc", env["GOARCH"])
	if sizes == nil {
		return nil, errFallBack
	}

	var words, queries, dirs []string
	seenDir := map[string]bool{}
	for _, pat := range patterns {
		q, v, ok := strings.Cut(pat, "=")
		switch {
		case !ok:
			words = append(words, pat)
		case q == "file":
			abs := v
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(r.env.Dir, v)
			}
			queries = append(queries, abs)
			if d := filepath.Dir(abs); !seenDir[d] {
				seenDir[d] = true
				dirs = append(dirs, d)
			}
		default:
			return nil, errFallBack
		}
	}
	if len(words) > 0 && len(queries) > 0 || len(words) == 0 && len(queries) == 0 {
		return nil, errFallBack
	}
	if len(queries) > 0 {
		words = dirs
	}
	if n := len(strings.Join(words, " ")); n > listArgMax {
		return nil, errFallBack
	}

	list, info, err := r.goList(words, false)
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		if info[p].cgo && ownSource(p) { // checked from source: its cgo files must be processed
			if list, info, err = r.goList(words, true); err != nil {
				return nil, err
			}
			break
		}
	}
	depOnly := func(p *packages.Package) bool { return info[p].depOnly }

	byID := map[string]*packages.Package{}
	var sorted []*packages.Package
	for _, p := range list {
		byID[p.ID] = p
		sorted = append(sorted, p)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })

	// The roots: the packages the patterns match, in the listing's order;
	// for file queries, in each file's directory, those whose files
	// include it (in the order of their IDs), as go/packages would find
	// them by listing the directory alone.
	var roots []*packages.Package
	isRoot := map[*packages.Package]bool{}
	addRoot := func(p *packages.Package) {
		if !isRoot[p] {
			isRoot[p] = true
			roots = append(roots, p)
		}
	}
	if len(queries) == 0 {
		for _, p := range list {
			if !depOnly(p) {
				addRoot(p)
			}
		}
	} else {
		dirRoots := map[string][]*packages.Package{}
		for _, d := range dirs {
			var base []string // the import paths the directory's pattern matches
			for _, p := range sorted {
				if p.Dir == d && !depOnly(p) && p.ID == p.PkgPath && !strings.HasSuffix(p.ID, ".test") {
					base = append(base, p.ID)
				}
			}
			for _, p := range sorted {
				if p.Dir == d && !depOnly(p) && ofDirPattern(p.ID, base) {
					dirRoots[d] = append(dirRoots[d], p)
				}
			}
			rs := dirRoots[d]
			// go/packages lists an ad-hoc package for a directory
			// without one; it may have errors of its own.
			if len(rs) == 0 || len(rs) == 1 && len(rs[0].GoFiles) == 0 && len(rs[0].Errors) == 1 {
				return nil, errFallBack
			}
			for _, p := range rs {
				if len(p.Errors) > 0 && len(p.GoFiles) == 0 {
					return nil, errFallBack
				}
			}
		}
		for _, q := range queries {
			for _, p := range dirRoots[filepath.Dir(q)] {
				for _, f := range p.GoFiles {
					if filepath.Base(f) == filepath.Base(q) {
						addRoot(p)
						break
					}
				}
			}
		}
	}

	// The import graph, as go/packages' refine makes it: imports of
	// packages not listed, and those closing a cycle, are left out.
	const (
		white = iota
		grey
		black
	)
	color := map[*packages.Package]int{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if color[p] != white {
			return
		}
		color[p] = grey
		stubs := p.Imports
		p.Imports = make(map[string]*packages.Package, len(stubs))
		for path, stub := range stubs {
			imp := byID[stub.ID]
			if imp == nil || color[imp] == grey {
				continue
			}
			visit(imp)
			p.Imports[path] = imp
		}
		p.TypesSizes = sizes
		color[p] = black
	}
	for _, p := range roots {
		visit(p)
	}
	return roots, nil
}

// listInfo is what go list says of a package that go/packages does not
// keep.
type listInfo struct {
	cgo     bool // files that cgo or SWIG process
	depOnly bool // listed only as a dependency
}

// ofDirPattern reports whether id is one of the packages listing a
// directory whose packages are base yields as roots: a package, its test
// variant, its external test and its test main.
func ofDirPattern(id string, base []string) bool {
	for _, b := range base {
		switch id {
		case b, b + " [" + b + ".test]", b + "_test [" + b + ".test]", b + ".test":
			return true
		}
	}
	return false
}

// externalDriver reports whether go/packages would ask a driver other
// than go list.
func externalDriver() bool {
	tool := os.Getenv("GOPACKAGESDRIVER")
	if tool == "off" {
		return false
	}
	if tool != "" {
		return true
	}
	_, err := exec.LookPath("gopackagesdriver")
	return err == nil
}

// goMinor returns the minor version of a Go version ("go1.26.8": 26), 0
// when it cannot tell.
func goMinor(v string) int {
	v = strings.TrimPrefix(v, "devel ")
	v, ok := strings.CutPrefix(v, "go1.")
	if !ok {
		return 0
	}
	end := 0
	for end < len(v) && '0' <= v[end] && v[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(v[:end])
	return n
}

// goList runs go list -deps on words and converts its packages as
// go/packages' go list driver does (createDriverResponse).
func (r *run) goList(words []string, compiled bool) ([]*packages.Package, map[*packages.Package]listInfo, error) {
	args := []string{"list", "-e", "-json=" + listFields,
		"-compiled=" + strconv.FormatBool(compiled), "-test=" + strconv.FormatBool(r.tests()),
		"-export=false", "-deps=true", "-find=false", "-buildvcs=false", "-pgo=off", "--"}
	out, err := r.runGo(append(args, words...)...)
	if err != nil {
		return nil, nil, errFallBack
	}
	var list []*packages.Package
	info := map[*packages.Package]listInfo{}
	seen := map[string]bool{}
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		var jp jsonPackage
		if err := dec.Decode(&jp); err != nil {
			return nil, nil, errFallBack
		}
		if jp.ImportPath == "" || seen[jp.ImportPath] || filepath.IsAbs(jp.ImportPath) && jp.Error != nil {
			return nil, nil, errFallBack
		}
		seen[jp.ImportPath] = true
		if jp.Dir != "" && !filepath.IsAbs(jp.Dir) {
			return nil, nil, errFallBack
		}
		p := r.fromList(&jp)
		info[p] = listInfo{cgo: len(jp.CgoFiles)+len(jp.SwigFiles)+len(jp.SwigCXXFiles) > 0, depOnly: jp.DepOnly}
		noteCgo(p, info[p].cgo)
		list = append(list, p)
	}
	return list, info, nil
}

// runGo runs the go command in the run's directory, as go/packages does
// (PWD set, so that the go command reports the paths it was given).
func (r *run) runGo(args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = r.env.Dir
	cmd.Env = append(os.Environ(), "PWD="+r.env.Dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	return cmd.Output()
}

// fromList makes a go list package a go/packages one.
func (r *run) fromList(p *jsonPackage) *packages.Package {
	pkg := &packages.Package{
		Name:            p.Name,
		ID:              p.ImportPath,
		Dir:             p.Dir,
		GoFiles:         absJoin(p.Dir, p.GoFiles, p.CgoFiles),
		CompiledGoFiles: absJoin(p.Dir, p.CompiledGoFiles),
		OtherFiles:      absJoin(p.Dir, p.CFiles, p.CXXFiles, p.MFiles, p.HFiles, p.FFiles, p.SFiles, p.SwigFiles, p.SwigCXXFiles, p.SysoFiles),
		EmbedFiles:      absJoin(p.Dir, p.EmbedFiles),
		IgnoredFiles:    absJoin(p.Dir, p.IgnoredGoFiles, p.IgnoredOtherFiles),
		Module:          p.Module,
	}
	if len(pkg.CompiledGoFiles) > 0 { // golang.org/issue/28749
		out := pkg.CompiledGoFiles[:0]
		for _, f := range pkg.CompiledGoFiles {
			if ext := filepath.Ext(f); ext != ".go" && ext != "" {
				continue
			}
			out = append(out, f)
		}
		pkg.CompiledGoFiles = out
	}
	pkg.PkgPath, _, _ = strings.Cut(pkg.ID, " ")
	if pkg.PkgPath == "unsafe" {
		pkg.CompiledGoFiles = nil
	} else if len(pkg.CompiledGoFiles) == 0 {
		pkg.CompiledGoFiles = pkg.GoFiles
	}
	if p.Export != "" && !filepath.IsAbs(p.Export) {
		pkg.ExportFile = filepath.Join(p.Dir, p.Export)
	} else {
		pkg.ExportFile = p.Export
	}

	ids := map[string]bool{}
	for _, id := range p.Imports {
		ids[id] = true
	}
	pkg.Imports = map[string]*packages.Package{}
	for path, id := range p.ImportMap {
		pkg.Imports[path] = &packages.Package{ID: id}
		delete(ids, id)
	}
	for id := range ids {
		if id != "C" {
			pkg.Imports[id] = &packages.Package{ID: id}
		}
	}

	if e := p.Error; e != nil {
		// golang/go#39986: the files named by the error, when go list
		// gives none.
		if len(p.GoFiles) == 0 && len(p.CompiledGoFiles) == 0 && (len(e.ImportStack) == 0 || e.ImportStack[len(e.ImportStack)-1] == p.ImportPath) {
			add := func(pos string) bool {
				name := strings.TrimSpace(strings.Split(pos, ":")[0])
				if name == "" {
					return false
				}
				if !filepath.IsAbs(name) {
					name = filepath.Join(r.env.Dir, name)
				}
				if st, _ := os.Stat(name); st == nil {
					return false
				}
				pkg.CompiledGoFiles = append(pkg.CompiledGoFiles, name)
				pkg.GoFiles = append(pkg.GoFiles, name)
				return true
			}
			if !add(e.Pos) {
				add(e.Err)
			}
		}
		msg := strings.TrimSpace(e.Err)
		if (msg == "import cycle not allowed" || msg == "import cycle not allowed in test") && len(e.ImportStack) != 0 {
			stack := make([]string, len(e.ImportStack))
			for i, s := range e.ImportStack {
				stack[i] = strings.TrimSuffix(s, " (test)")
			}
			msg += fmt.Sprintf(": import stack: %v", stack)
		}
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: e.Pos, Msg: msg, Kind: packages.ListError})
	}
	return pkg
}

// absJoin absolutizes and flattens lists of files (nil when there are
// none).
func absJoin(dir string, lists ...[]string) []string {
	var res []string
	for _, files := range lists {
		for _, f := range files {
			if !filepath.IsAbs(f) {
				f = filepath.Join(dir, f)
			}
			res = append(res, f)
		}
	}
	return res
}

// compileCgo lists packages (not test variants) again with -compiled, for
// the files cgo makes of theirs, as go/packages lists them.
func (r *run) compileCgo(pkgs []*packages.Package) {
	if len(pkgs) == 0 {
		return
	}
	var paths []string
	for _, p := range pkgs {
		paths = append(paths, p.ID)
	}
	out, err := r.runGo(append([]string{"list", "-e", "-json=" + listFields, "-compiled=true", "-test=false",
		"-export=false", "-deps=false", "-find=false", "-buildvcs=false", "-pgo=off", "--"}, paths...)...)
	if err != nil {
		return
	}
	byID := map[string]*packages.Package{}
	for _, p := range pkgs {
		byID[p.ID] = p
	}
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		var jp jsonPackage
		if dec.Decode(&jp) != nil {
			return
		}
		if p := byID[jp.ImportPath]; p != nil {
			p.CompiledGoFiles = r.fromList(&jp).CompiledGoFiles
		}
	}
}
