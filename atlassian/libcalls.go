package atlassian

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

// Client-library method tables: for the Go client libraries of Atlassian's
// APIs, which HTTP request each service method sends. The rows are data in
// data/libcalls-*.tsv, derived mechanically from each library's own source
// by internal/gen/libcalls (the module, version and source file of every row
// are recorded; see data/README.md). No library code is copied.
//
// Look-up API:
//
//	type LibCall struct{ Module, Version, Package, Receiver, Method, HTTPMethod, Path, Source string }
//	func LookupLibCall(pkgPath, receiver, method string) (LibCall, bool)
//	func LookupLibCalls(pkgPath, receiver, method string) []LibCall
//	func IsLibCallPackage(pkgPath string) bool
//	func LibCalls() []LibCall

//go:embed data/libcalls-*.tsv
var libcallFS embed.FS

// A LibCall is one HTTP request that a client-library method sends.
type LibCall struct {
	Module  string // the Go module, e.g. "github.com/andygrunwald/go-jira"
	Version string // the module version the row was read from (a tag or a pseudo-version)
	Package string // the import path of the package declaring the method
	// Receiver is the name of the method's receiver type, without "*"
	// ("IssueService").
	Receiver string
	Method   string // the method name ("Get", "GetWithContext")
	// HTTPMethod is the request's method, upper case ("GET").
	HTTPMethod string
	// Path is the request path as the library builds it, with a leading
	// "/" and "{}" holes for the parts that come from arguments or fields
	// ("/rest/api/2/issue/{}"). Query strings are dropped. It is relative
	// to the client's base URL: the site or gateway base for Jira and
	// Confluence, and for Bitbucket the library's default base URL
	// https://api.bitbucket.org/2.0, whose "/2.0" is part of Path
	// ("/2.0/repositories/{}/{}"), so Path can be passed to
	// LookupOperation as it is.
	Path   string
	Source string // the library file the row came from, relative to the module root
}

const libcallsHeader = "module\tversion\tpackage\treceiver\tmethod\thttp_method\tpath\tsource"

type libcallTable struct {
	all   []LibCall
	index map[libcallKey][]int
	pkgs  map[string]bool
}

type libcallKey struct{ pkg, receiver, method string }

var (
	libcallOnce sync.Once
	libcallTab  *libcallTable
)

func libcalls() *libcallTable {
	libcallOnce.Do(func() {
		t := &libcallTable{index: map[libcallKey][]int{}, pkgs: map[string]bool{}}
		names, err := fs.Glob(libcallFS, "data/libcalls-*.tsv")
		if err != nil {
			panic(err)
		}
		sort.Strings(names)
		for _, name := range names {
			b, err := libcallFS.ReadFile(name)
			if err != nil {
				panic(err)
			}
			t.add(name, string(b))
		}
		libcallTab = t
	})
	return libcallTab
}

func (t *libcallTable) add(name, tsv string) {
	lines := strings.Split(strings.TrimSuffix(tsv, "\n"), "\n")
	if len(lines) == 0 || lines[0] != libcallsHeader {
		panic("atlassian: unexpected header in " + name)
	}
	for _, line := range lines[1:] {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 8 {
			panic("atlassian: malformed row in " + name + ": " + line)
		}
		c := LibCall{Module: f[0], Version: f[1], Package: f[2], Receiver: f[3], Method: f[4], HTTPMethod: f[5], Path: f[6], Source: f[7]}
		k := libcallKey{c.Package, c.Receiver, c.Method}
		t.index[k] = append(t.index[k], len(t.all))
		t.pkgs[c.Package] = true
		t.all = append(t.all, c)
	}
}

// LookupLibCall returns the request sent by the method named method of the
// type named receiver (without "*") declared in the package pkgPath, and
// false when the table has no row for it. A method that sends several
// requests returns its first; LookupLibCalls returns them all.
func LookupLibCall(pkgPath, receiver, method string) (LibCall, bool) {
	rows := libcalls().index[libcallKey{pkgPath, strings.TrimPrefix(receiver, "*"), method}]
	if len(rows) == 0 {
		return LibCall{}, false
	}
	return libcalls().all[rows[0]], true
}

// LookupLibCalls returns every request the method may send, in source
// order: requests sent one after the other, and alternatives the method
// chooses between at run time (by branch, or by the API version of the
// client that built the service, as go-atlassian's jira/internal services
// do: one row for /rest/api/2 and one for /rest/api/3). A request's scopes
// are needed if any of its rows is reached, so a scope set takes them all.
func LookupLibCalls(pkgPath, receiver, method string) []LibCall {
	t := libcalls()
	rows := t.index[libcallKey{pkgPath, strings.TrimPrefix(receiver, "*"), method}]
	out := make([]LibCall, len(rows))
	for i, r := range rows {
		out[i] = t.all[r]
	}
	return out
}

// IsLibCallPackage reports whether the tables have rows for methods
// declared in the package pkgPath: a cheap test before looking at a call's
// receiver and method.
func IsLibCallPackage(pkgPath string) bool {
	return libcalls().pkgs[pkgPath]
}

// LibCalls returns every row of the library tables.
func LibCalls() []LibCall {
	return append([]LibCall(nil), libcalls().all...)
}
