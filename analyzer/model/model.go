package model

import (
	"go/ast"
	"go/token"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes the shared model of a package. Every rule requires it.
// It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:             "atlintmodel",
	Doc:              "atlint's shared model of a package: files, constant strings, ignore directives and auth sinks (reports nothing)",
	URL:              "https://github.com/atlint/atlint#how-it-works",
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Result](),
}

// A FileInfo describes one file of the package.
type FileInfo struct {
	File      *ast.File
	Name      string // file name as the driver gave it
	Test      bool   // a _test.go file
	TestData  bool   // under a testdata directory
	Generated bool   // has a "Code generated ... DO NOT EDIT." comment

	Directives []*Directive // //atlint:ignore directives, in order
}

// IsTest reports whether findings in the file belong to tests
// (a _test.go file or a file under testdata).
func (f *FileInfo) IsTest() bool { return f != nil && (f.Test || f.TestData) }

// Result is the model of one package.
type Result struct {
	Fset    *token.FileSet
	Files   []*FileInfo
	Strings []*StringConst // maximal constant string expressions, in source order
	Sinks   []*AuthSink    // authentication sinks, in source order

	Inspector *inspector.Inspector

	byTokenFile map[*token.File]*FileInfo

	reachOnce sync.Once // builds reach on first use (see Reaches)
	reach     *reachIndex

	reqOnce  sync.Once // builds requests on first use (see Requests)
	requests []*Request
}

// FileOf returns the file that contains pos, or nil.
func (r *Result) FileOf(pos token.Pos) *FileInfo {
	if tf := r.Fset.File(pos); tf != nil {
		return r.byTokenFile[tf]
	}
	return nil
}

// Imports reports whether any file of the package imports a path equal to
// one of prefixes or below it (prefix + "/...").
func (r *Result) Imports(prefixes ...string) bool {
	for _, f := range r.Files {
		for _, imp := range f.File.Imports {
			path := strings.Trim(imp.Path.Value, "`\"")
			for _, p := range prefixes {
				if PathWithin(path, p) {
					return true
				}
			}
		}
	}
	return false
}

// PathWithin reports whether the import path is module or a package below it.
func PathWithin(path, module string) bool {
	return path == module || strings.HasPrefix(path, module+"/")
}

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	res := &Result{
		Fset:        pass.Fset,
		Inspector:   in,
		byTokenFile: make(map[*token.File]*FileInfo, len(pass.Files)),
	}
	// A package is testdata when its import path has a testdata element
	// (module/testdata/x, loaded explicitly). The file name is not used:
	// analysistest fixtures live under testdata/src but are ordinary code.
	testdataPkg := pass.Pkg != nil && inTestdata("/"+pass.Pkg.Path()+"/")
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		name := tf.Name()
		fi := &FileInfo{
			File:      f,
			Name:      name,
			Test:      strings.HasSuffix(name, "_test.go"),
			TestData:  testdataPkg,
			Generated: ast.IsGenerated(f),
		}
		fi.Directives = parseDirectives(pass.Fset, f)
		res.Files = append(res.Files, fi)
		res.byTokenFile[tf] = fi
	}
	res.Strings = collectStrings(pass, in, res)
	res.Sinks = collectSinks(pass, in)
	return res, nil
}

func inTestdata(name string) bool {
	return strings.Contains(name, "/testdata/")
}
