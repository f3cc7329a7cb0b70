// Command libcalls derives, from the source of a Go client library for
// Atlassian's APIs, which HTTP request each exported service method sends,
// and writes one row per request as atlassian/data/libcalls-*.tsv:
// module, version, package, receiver, method, HTTP method, path template
// ("{}" for values from arguments or fields) and the source file.
//
// It reads the library with go/parser only (no type checking, no build)
// and interprets each method body abstractly:
//
//   - string values are small sets of templates: literals, constants of the
//     package, "+" and "+=", fmt.Sprintf (each verb becomes its argument's
//     value, or a hole "{}" when that is not a known string),
//     strings.Builder WriteString/Fprintf/String, path.Join; a value that
//     depends on branches (if/switch/loops) is the union of the branches'
//     values (at most 8, beyond which it is unknown);
//   - a request is a call named New…Request… (NewRequest,
//     NewRequestWithContext, NewRawRequest, NewMultiPartRequest, …) or
//     execute… (execute, executePaginated, executeRaw, …; go-bitbucket),
//     or http.NewRequest(WithContext), whose first argument that is an HTTP method
//     (http.MethodGet, "GET", …) is followed by the URL argument;
//   - a method that calls another method of its receiver, a function of the
//     package, or a method through a field whose implementation the package
//     assigns in a composite literal (go-atlassian's
//     &Service{internalClient: &impl{…}}) sends that callee's requests, with
//     the callee's string parameters bound to the caller's arguments;
//   - per library: go-atlassian's version field ("rest/api/%v/…",
//     i.version) takes the constant values that the module's client
//     packages pass to the "version" parameter of the package's
//     constructors (jira/v2 passes "2", jira/v3 "3", jira/agile "1.0"), so
//     a jira/internal method has one row per version; go-bitbucket's
//     requestUrl(format, args…) and GetApiBaseURL() put the default base
//     path /2.0 in front.
//
// The query string of every path is dropped and a leading "/" added. A
// request whose method or URL cannot be told is not written; each such
// method is listed on stderr with a count at the end.
//
// Usage (from the repository root; DIR is the library's module root):
//
//	go run ./internal/gen/libcalls -dir DIR -module M -version V [-dialect go-atlassian|go-bitbucket] > atlassian/data/libcalls-NAME.tsv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir := flag.String("dir", "", "module root of the library source")
	module := flag.String("module", "", "module path")
	version := flag.String("version", "", "module version (tag or pseudo-version)")
	dialect := flag.String("dialect", "", "library-specific rules: go-atlassian, go-bitbucket, or none")
	flag.Parse()
	if *dir == "" || *module == "" || *version == "" {
		fmt.Fprintln(os.Stderr, "usage: libcalls -dir DIR -module M -version V [-dialect D]")
		os.Exit(2)
	}
	g := &gen{module: *module, version: *version, dialect: *dialect}
	if err := g.run(*dir, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "libcalls:", err)
		os.Exit(1)
	}
}

type gen struct {
	module, version, dialect string

	docAgree  int
	docDiffer []string
}

var docRequestRE = regexp.MustCompile(`(?m)^\s*(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(/\S+)`)

// checkDoc compares the rows of a method with the "METHOD /path" line of
// its doc comment, when it has one (go-atlassian documents every service
// method so): an independent check of the extraction, reported on stderr.
// "{2-3}" in a documented path stands for 2 or 3, and any "{name}" for a
// hole.
func (g *gen) checkDoc(fd *ast.FuncDecl, rows []row) {
	if fd.Doc == nil {
		return
	}
	m := docRequestRE.FindStringSubmatch(fd.Doc.Text())
	if m == nil {
		return
	}
	norm := func(p string) string {
		if i := strings.IndexAny(p, "?#"); i >= 0 {
			p = p[:i]
		}
		return strings.TrimSuffix(p, "/")
	}
	var want []string
	for _, v := range []string{"2", "3"} {
		p := strings.ReplaceAll(m[2], "{2-3}", v)
		p = regexp.MustCompile(`\{[^{}/]*\}`).ReplaceAllString(p, "{}")
		want = append(want, m[1]+" "+norm(p))
	}
	for _, r := range rows {
		got := r.httpMethod + " " + norm(r.path)
		if got == want[0] || got == want[1] {
			g.docAgree++
			return
		}
	}
	g.docDiffer = append(g.docDiffer, fmt.Sprintf("%s.%s: doc %s %s, extracted %s %s (%s)", recvType(fd), fd.Name.Name, m[1], m[2], rows[0].httpMethod, rows[0].path, rows[0].source))
}

// A pkg is one parsed package directory.
type pkg struct {
	importPath string
	fset       *token.FileSet
	consts     map[string]string
	funcs      map[string]*ast.FuncDecl // "Recv.Method" or "Func"
	files      map[*ast.FuncDecl]string // declaration → file, relative to the module root
	impls      map[string][]string      // "Type.field" → implementation type names
	imports    map[*ast.File]map[string]string
	ast        []*ast.File

	// go-atlassian: the values other packages of the module pass to the
	// "version" parameter of this package's constructors.
	versionValues []string
}

type row struct {
	pkg, recv, method, httpMethod, path, source string
}

func (g *gen) run(root string, stdout, stderr io.Writer) error {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "examples" || name == "mocks" || name == "vendor") {
				return filepath.SkipDir
			}
			dirs = append(dirs, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var rows []row
	var failed []string
	methods, withRows := 0, 0
	var pkgs []*pkg
	byPath := map[string]*pkg{}
	for _, dir := range dirs {
		p, err := g.parse(root, dir)
		if err != nil {
			return err
		}
		if p != nil {
			pkgs = append(pkgs, p)
			byPath[p.importPath] = p
		}
	}
	g.collectCtorArgs(pkgs, byPath)
	for _, p := range pkgs {
		keys := make([]string, 0, len(p.funcs))
		for k, fd := range p.funcs {
			if fd.Recv == nil || !ast.IsExported(fd.Name.Name) || !ast.IsExported(recvType(fd)) || isRequestFunc(fd.Name.Name) {
				continue // the request primitives themselves are not service methods
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fd := p.funcs[k]
			in := &interp{g: g, p: p}
			reqs := in.callFunc(fd, nil, 0)
			if !in.sawRequest {
				continue // sends nothing (or only through what we cannot see)
			}
			methods++
			var got []row
			seen := map[string]bool{}
			for _, r := range reqs {
				if seen[r.httpMethod+" "+r.path] {
					continue
				}
				seen[r.httpMethod+" "+r.path] = true
				got = append(got, row{p.importPath, recvType(fd), fd.Name.Name, r.httpMethod, r.path, p.files[r.decl]})
			}
			if len(got) > 0 {
				withRows++
				g.checkDoc(fd, got)
			}
			if in.failures > 0 {
				failed = append(failed, fmt.Sprintf("%s %s.%s: %d request(s) whose method or URL is not known (%s)", p.importPath, recvType(fd), fd.Name.Name, in.failures, p.files[fd]))
			}
			rows = append(rows, got...)
		}
	}
	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, "module\tversion\tpackage\treceiver\tmethod\thttp_method\tpath\tsource")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", g.module, g.version, r.pkg, r.recv, r.method, r.httpMethod, r.path, r.source)
	}
	for _, f := range failed {
		fmt.Fprintln(stderr, "not extracted:", f)
	}
	for _, d := range g.docDiffer {
		fmt.Fprintln(stderr, "differs from its doc comment:", d)
	}
	if g.docAgree+len(g.docDiffer) > 0 {
		fmt.Fprintf(stderr, "doc comments naming \"METHOD /path\": %d methods, %d agree with the extracted rows, %d differ\n",
			g.docAgree+len(g.docDiffer), g.docAgree, len(g.docDiffer))
	}
	fmt.Fprintf(stderr, "%s %s: %d rows; %d exported methods send requests, %d with at least one row; %d methods with requests not extracted\n",
		g.module, g.version, len(rows), methods, withRows, len(failed))
	return w.Flush()
}

func (g *gen) parse(root, dir string) (*pkg, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	rel, _ := filepath.Rel(root, dir)
	p := &pkg{
		importPath: g.module,
		fset:       token.NewFileSet(),
		consts:     map[string]string{},
		funcs:      map[string]*ast.FuncDecl{},
		files:      map[*ast.FuncDecl]string{},
		impls:      map[string][]string{},
		imports:    map[*ast.File]map[string]string{},
	}
	if rel != "." {
		p.importPath += "/" + filepath.ToSlash(rel)
	}
	var files []*ast.File
	var names []string
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(p.fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if f.Name.Name == "main" {
			continue
		}
		files = append(files, f)
		names = append(names, filepath.ToSlash(filepath.Join(rel, n)))
		imps := map[string]string{}
		for _, im := range f.Imports {
			ip, _ := strconv.Unquote(im.Path.Value)
			name := path.Base(ip)
			if im.Name != nil {
				name = im.Name.Name
			}
			imps[name] = ip
		}
		p.imports[f] = imps
	}
	if len(files) == 0 {
		return nil, nil
	}
	p.ast = files
	var constSpecs []*ast.ValueSpec
	for i, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				k := d.Name.Name
				if d.Recv != nil {
					k = recvType(d) + "." + k
				}
				p.funcs[k] = d
				p.files[d] = strings.TrimPrefix(names[i], "./")
			case *ast.GenDecl:
				if d.Tok == token.CONST {
					for _, s := range d.Specs {
						constSpecs = append(constSpecs, s.(*ast.ValueSpec))
					}
				}
			}
		}
		// Field implementations: T{field: &Impl{...}} anywhere in the file.
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			t := typeName(cl.Type)
			if t == "" {
				return true
			}
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, ok := kv.Key.(*ast.Ident)
				if !ok {
					continue
				}
				v := kv.Value
				if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
					v = u.X
				}
				if icl, ok := v.(*ast.CompositeLit); ok {
					if it := typeName(icl.Type); it != "" {
						k := t + "." + key.Name
						if !contains(p.impls[k], it) {
							p.impls[k] = append(p.impls[k], it)
						}
					}
				}
			}
			return true
		})
	}
	// Package string constants (a few rounds for constants built from others).
	for round := 0; round < 4; round++ {
		for _, s := range constSpecs {
			for i, n := range s.Names {
				if i < len(s.Values) {
					in := &interp{g: g, p: p}
					if v := in.eval(s.Values[i], env{}); v.known() && len(v.set) == 1 {
						p.consts[n.Name] = v.set[0]
					}
				}
			}
		}
	}
	return p, nil
}

// collectCtorArgs finds, for the go-atlassian dialect, the constant
// values passed to each package's constructors' "version" parameter:
// calls pkg.NewX(..., "3", ...) from any package of the module, whose
// argument is a literal or a constant of the calling package.
func (g *gen) collectCtorArgs(pkgs []*pkg, byPath map[string]*pkg) {
	if g.dialect != "go-atlassian" {
		return
	}
	for _, caller := range pkgs {
		for _, f := range caller.ast {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || !strings.HasPrefix(sel.Sel.Name, "New") {
					return true
				}
				id, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				callee := byPath[caller.imports[f][id.Name]]
				if callee == nil {
					return true
				}
				fd := callee.funcs[sel.Sel.Name]
				if fd == nil || fd.Recv != nil {
					return true
				}
				i := 0
				for _, field := range fd.Type.Params.List {
					for _, name := range field.Names {
						if name.Name == "version" && i < len(call.Args) {
							in := &interp{g: g, p: caller}
							if v := in.eval(call.Args[i], env{}); v.known() {
								for _, s := range v.set {
									if !contains(callee.versionValues, s) {
										callee.versionValues = append(callee.versionValues, s)
									}
								}
							}
						}
						i++
					}
				}
				return true
			})
		}
	}
	for _, p := range pkgs {
		sort.Strings(p.versionValues)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func recvType(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	return typeName(fd.Recv.List[0].Type)
}

// typeName returns the name of T, *T, T[...] or pkg.T (as T); "" otherwise.
func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return typeName(e.X)
	case *ast.IndexExpr:
		return typeName(e.X)
	case *ast.IndexListExpr:
		return typeName(e.X)
	}
	return ""
}

// A value is a set of string templates, or unknown (set == nil, !isStr).
type value struct {
	set []string
}

const maxAlternatives = 8

func str(s string) value      { return value{set: []string{s}} }
func (v value) known() bool   { return v.set != nil }
func hole() value             { return str("{}") }
func (v value) orHole() value { return v.or(hole()) }
func (v value) or(d value) value {
	if v.known() {
		return v
	}
	return d
}

func union(a, b value) value {
	if !a.known() || !b.known() {
		return value{}
	}
	out := append([]string(nil), a.set...)
	for _, s := range b.set {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) > maxAlternatives {
		return value{}
	}
	return value{set: out}
}

func concat(a, b value) value {
	if !a.known() || !b.known() {
		return value{}
	}
	var out []string
	for _, x := range a.set {
		for _, y := range b.set {
			if s := x + y; !contains(out, s) {
				out = append(out, s)
			}
		}
	}
	if len(out) > maxAlternatives {
		return value{}
	}
	return value{set: out}
}

// An env maps local names to values. Missing names are unknown.
type env map[string]value

func (e env) clone() env {
	c := make(env, len(e))
	for k, v := range e {
		c[k] = v
	}
	return c
}

// join merges the environments of alternative branches into e.
func (e env) join(branches ...env) {
	keys := map[string]bool{}
	for _, b := range branches {
		for k := range b {
			keys[k] = true
		}
	}
	for k := range keys {
		v, ok := branches[0][k]
		for _, b := range branches[1:] {
			w, ok2 := b[k]
			if !ok || !ok2 {
				ok = false
				break
			}
			v = union(v, w)
		}
		if ok {
			e[k] = v
		} else {
			delete(e, k)
		}
	}
}

type request struct {
	httpMethod, path string
	decl             *ast.FuncDecl // where the request call is
}

type interp struct {
	g          *gen
	p          *pkg
	sawRequest bool
	failures   int
	reqs       []request
	cur        *ast.FuncDecl
	recv       string // receiver name of cur
	depth      int

	// With wantResult, the union of the first results of return statements.
	wantResult    bool
	result        value
	resultUnknown bool
}

// isRequestFunc reports whether a function or method name is one of the
// libraries' request primitives: New…Request… (go-jira, go-atlassian) or
// execute… (go-bitbucket).
func isRequestFunc(name string) bool {
	return strings.HasPrefix(name, "New") && strings.Contains(name, "Request") || strings.HasPrefix(name, "execute")
}

const maxDepth = 6

// callFunc interprets fd with its parameters bound to args (by position;
// missing ones unknown) and returns the requests it sends. Each call uses
// a fresh interp.
func (in *interp) callFunc(fd *ast.FuncDecl, args []value, depth int) []request {
	if fd.Body == nil || depth > maxDepth {
		return nil
	}
	in.cur, in.reqs, in.depth = fd, nil, depth
	in.recv = ""
	if fd.Recv != nil && len(fd.Recv.List) > 0 && len(fd.Recv.List[0].Names) > 0 {
		in.recv = fd.Recv.List[0].Names[0].Name
	}
	e := env{}
	i := 0
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if i < len(args) && args[i].known() {
				e[n.Name] = args[i]
			}
			i++
		}
	}
	in.block(fd.Body.List, e)
	return in.reqs
}

func (in *interp) block(stmts []ast.Stmt, e env) {
	for _, s := range stmts {
		in.stmt(s, e)
	}
}

func (in *interp) stmt(s ast.Stmt, e env) {
	switch s := s.(type) {
	case *ast.AssignStmt:
		for _, r := range s.Rhs {
			in.calls(r, e)
		}
		if len(s.Lhs) == len(s.Rhs) {
			for i, l := range s.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Path" {
					// u.Path = ... on a URL value.
					if id, ok := sel.X.(*ast.Ident); ok {
						if _, tracked := e[id.Name]; tracked {
							e[id.Name] = in.eval(s.Rhs[i], e)
						}
					}
					continue
				}
				id, ok := l.(*ast.Ident)
				if !ok || id.Name == "_" {
					continue
				}
				switch s.Tok {
				case token.ADD_ASSIGN:
					e[id.Name] = concat(e[id.Name], in.eval(s.Rhs[i], e).orHole())
				case token.DEFINE, token.ASSIGN:
					e[id.Name] = in.eval(s.Rhs[i], e)
				default:
					delete(e, id.Name)
				}
			}
		} else {
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					delete(e, id.Name)
				}
			}
			// a, err := f(...): the first result of url.Parse, or of a
			// function or receiver method of the package.
			if len(s.Rhs) == 1 && (s.Tok == token.DEFINE || s.Tok == token.ASSIGN) {
				if id, ok := s.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
					if call, ok := s.Rhs[0].(*ast.CallExpr); ok {
						if v := in.firstResult(call, e); v.known() {
							e[id.Name] = v
						}
					}
				}
			}
		}
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR && gd.Tok != token.CONST {
			return
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			for i, n := range vs.Names {
				switch {
				case i < len(vs.Values):
					in.calls(vs.Values[i], e)
					e[n.Name] = in.eval(vs.Values[i], e)
				case isBuilderType(vs.Type) || isIdent(vs.Type, "string"):
					e[n.Name] = str("")
				default:
					delete(e, n.Name)
				}
			}
		}
	case *ast.ExprStmt:
		in.calls(s.X, e)
		in.effects(s.X, e)
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			in.calls(r, e)
		}
		// The error paths of (value, error) functions return no value we want.
		errPath := len(s.Results) >= 2 && !isIdent(s.Results[len(s.Results)-1], "nil")
		if in.wantResult && len(s.Results) > 0 && !errPath {
			v := in.eval(s.Results[0], e)
			if !v.known() {
				in.resultUnknown = true
			} else if in.result.known() {
				in.result = union(in.result, v)
			} else {
				in.result = v
			}
		}
	case *ast.DeferStmt:
		in.calls(s.Call, e)
	case *ast.GoStmt:
		in.calls(s.Call, e)
	case *ast.BlockStmt:
		in.block(s.List, e)
	case *ast.LabeledStmt:
		in.stmt(s.Stmt, e)
	case *ast.IfStmt:
		if s.Init != nil {
			in.stmt(s.Init, e)
		}
		in.calls(s.Cond, e)
		thenEnv := e.clone()
		in.block(s.Body.List, thenEnv)
		elseEnv := e.clone()
		if s.Else != nil {
			in.stmt(s.Else, elseEnv)
		}
		e.join(thenEnv, elseEnv)
	case *ast.ForStmt:
		if s.Init != nil {
			in.stmt(s.Init, e)
		}
		body := e.clone()
		in.block(s.Body.List, body)
		e.join(e.clone(), body)
	case *ast.RangeStmt:
		in.calls(s.X, e)
		body := e.clone()
		for _, x := range []ast.Expr{s.Key, s.Value} {
			if id, ok := x.(*ast.Ident); ok {
				delete(body, id.Name)
			}
		}
		in.block(s.Body.List, body)
		e.join(e.clone(), body)
	case *ast.SwitchStmt:
		if s.Init != nil {
			in.stmt(s.Init, e)
		}
		in.clauses(s.Body, e)
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			in.stmt(s.Init, e)
		}
		in.clauses(s.Body, e)
	case *ast.SelectStmt:
		in.clauses(s.Body, e)
	}
}

func (in *interp) clauses(body *ast.BlockStmt, e env) {
	var branches []env
	hasDefault := false
	for _, c := range body.List {
		b := e.clone()
		switch c := c.(type) {
		case *ast.CaseClause:
			hasDefault = hasDefault || c.List == nil
			in.block(c.Body, b)
		case *ast.CommClause:
			hasDefault = hasDefault || c.Comm == nil
			in.block(c.Body, b)
		}
		branches = append(branches, b)
	}
	if !hasDefault {
		branches = append(branches, e.clone())
	}
	if len(branches) > 0 {
		e.join(branches...)
	}
}

// effects applies the string-building side effects of a call statement.
func (in *interp) effects(x ast.Expr, e env) {
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	switch {
	case sel.Sel.Name == "WriteString" || sel.Sel.Name == "WriteByte" || sel.Sel.Name == "WriteRune":
		if id, ok := sel.X.(*ast.Ident); ok && len(call.Args) == 1 {
			if _, tracked := e[id.Name]; tracked {
				arg := in.eval(call.Args[0], e)
				if sel.Sel.Name != "WriteString" {
					arg = value{}
					if bl, ok := call.Args[0].(*ast.BasicLit); ok && bl.Kind == token.CHAR {
						if r, err := strconv.Unquote(bl.Value); err == nil {
							arg = str(r)
						}
					}
				}
				e[id.Name] = concat(e[id.Name], arg.orHole())
			}
		}
	case isPkgFunc(call.Fun, "fmt", "Fprintf") && len(call.Args) >= 2:
		if u, ok := call.Args[0].(*ast.UnaryExpr); ok && u.Op == token.AND {
			if id, ok := u.X.(*ast.Ident); ok {
				if _, tracked := e[id.Name]; tracked {
					e[id.Name] = concat(e[id.Name], in.sprintf(call.Args[1], call.Args[2:], e))
				}
			}
		}
	}
}

// calls finds the requests and the delegating calls in x (nested function
// literals included) and records their requests.
func (in *interp) calls(x ast.Expr, e env) {
	if x == nil {
		return
	}
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			in.block(n.Body.List, e.clone())
			return false
		case *ast.CallExpr:
			in.call(n, e)
		}
		return true
	})
}

var httpMethods = map[string]string{
	"MethodGet": "GET", "MethodPost": "POST", "MethodPut": "PUT", "MethodDelete": "DELETE",
	"MethodPatch": "PATCH", "MethodHead": "HEAD", "MethodOptions": "OPTIONS",
}

// httpMethod returns the HTTP methods an argument may be.
func (in *interp) httpMethod(x ast.Expr, e env) ([]string, bool) {
	if sel, ok := x.(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok && id.Name == "http" {
			m, ok := httpMethods[sel.Sel.Name]
			return []string{m}, ok
		}
	}
	v := in.eval(x, e)
	if !v.known() {
		return nil, false
	}
	for _, m := range v.set {
		if !isMethodName(m) {
			return nil, false
		}
	}
	return v.set, true
}

func isMethodName(s string) bool {
	switch s {
	case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS":
		return true
	}
	return false
}

func (in *interp) call(call *ast.CallExpr, e env) {
	name := ""
	var recvExpr ast.Expr
	switch f := call.Fun.(type) {
	case *ast.SelectorExpr:
		name, recvExpr = f.Sel.Name, f.X
	case *ast.Ident:
		name = f.Name
	}
	if name == "" {
		return
	}
	if isRequestFunc(name) || isPkgFunc(call.Fun, "http", "NewRequest") || isPkgFunc(call.Fun, "http", "NewRequestWithContext") {
		in.request(call, e)
		return
	}
	// Delegation.
	args := make([]value, len(call.Args))
	for i, a := range call.Args {
		args[i] = in.eval(a, e)
	}
	var targets []*ast.FuncDecl
	switch r := recvExpr.(type) {
	case nil:
		if fd := in.p.funcs[name]; fd != nil && fd.Recv == nil {
			targets = append(targets, fd)
		}
	case *ast.Ident:
		if r.Name == in.recv && in.recv != "" {
			if fd := in.p.funcs[recvType(in.cur)+"."+name]; fd != nil {
				targets = append(targets, fd)
			}
		}
	case *ast.SelectorExpr:
		// recv.field.Method(...)
		if id, ok := r.X.(*ast.Ident); ok && id.Name == in.recv && in.recv != "" {
			for _, impl := range in.p.impls[recvType(in.cur)+"."+r.Sel.Name] {
				if fd := in.p.funcs[impl+"."+name]; fd != nil {
					targets = append(targets, fd)
				}
			}
		}
	}
	for _, fd := range targets {
		if fd == in.cur {
			continue
		}
		sub := &interp{g: in.g, p: in.p}
		reqs := sub.callFunc(fd, args, in.depth+1)
		in.sawRequest = in.sawRequest || sub.sawRequest
		in.failures += sub.failures
		in.reqs = append(in.reqs, reqs...)
	}
}

func (in *interp) request(call *ast.CallExpr, e env) {
	for i, a := range call.Args {
		methods, ok := in.httpMethod(a, e)
		if !ok {
			continue
		}
		in.sawRequest = true
		if i+1 >= len(call.Args) {
			in.failures++
			return
		}
		u := in.eval(call.Args[i+1], e)
		if !u.known() {
			in.failures++
			return
		}
		for _, m := range methods {
			for _, p := range u.set {
				p, ok := cleanPath(p)
				if !ok {
					in.failures++
					continue
				}
				in.reqs = append(in.reqs, request{m, p, in.cur})
			}
		}
		return
	}
	// A request call whose method is not a constant we can read.
	in.sawRequest = true
	in.failures++
}

// cleanPath drops the query and fragment and adds a leading "/". A path
// that is only a hole, or starts with one, tells nothing.
func cleanPath(p string) (string, bool) {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if strings.HasPrefix(p, "{}") || p == "" {
		return "", false
	}
	if !strings.Contains(p, "://") && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p, true
}

// eval returns the value of a string expression.
func (in *interp) eval(x ast.Expr, e env) value {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			if s, err := strconv.Unquote(x.Value); err == nil {
				return str(s)
			}
		}
		return value{}
	case *ast.ParenExpr:
		return in.eval(x.X, e)
	case *ast.Ident:
		if v, ok := e[x.Name]; ok {
			return v
		}
		if s, ok := in.p.consts[x.Name]; ok {
			return str(s)
		}
		return value{}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return concat(in.eval(x.X, e).orHole(), in.eval(x.Y, e).orHole())
		}
		return value{}
	case *ast.SelectorExpr:
		if in.g.dialect == "go-atlassian" && x.Sel.Name == "version" {
			if v := in.p.versionValues; len(v) > 0 {
				return value{set: v}
			}
			return hole()
		}
		if id, ok := x.X.(*ast.Ident); ok && id.Name == "http" {
			if m, ok := httpMethods[x.Sel.Name]; ok {
				return str(m)
			}
		}
		return value{}
	case *ast.CallExpr:
		return in.evalCall(x, e)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return in.eval(x.X, e)
		}
	case *ast.CompositeLit:
		// url.URL{Path: ...}
		if sel, ok := x.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "URL" {
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Path") {
					return in.eval(kv.Value, e)
				}
			}
		}
	}
	return value{}
}

// firstResult returns the first result of a call: url.Parse(s) is s; a
// function or receiver method of the package is interpreted for the union
// of its first return values.
func (in *interp) firstResult(call *ast.CallExpr, e env) value {
	if isPkgFunc(call.Fun, "url", "Parse") && len(call.Args) == 1 {
		return in.eval(call.Args[0], e)
	}
	fd := in.target(call)
	if fd == nil || fd == in.cur || in.depth >= maxDepth {
		return value{}
	}
	args := make([]value, len(call.Args))
	for i, a := range call.Args {
		args[i] = in.eval(a, e)
	}
	sub := &interp{g: in.g, p: in.p, wantResult: true}
	sub.callFunc(fd, args, in.depth+1)
	if sub.resultUnknown || !sub.result.known() {
		return value{}
	}
	return sub.result
}

// target returns the package function or receiver method a call names.
func (in *interp) target(call *ast.CallExpr) *ast.FuncDecl {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		if fd := in.p.funcs[f.Name]; fd != nil && fd.Recv == nil {
			return fd
		}
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok && id.Name == in.recv && in.recv != "" {
			return in.p.funcs[recvType(in.cur)+"."+f.Sel.Name]
		}
	}
	return nil
}

func (in *interp) evalCall(call *ast.CallExpr, e env) value {
	switch {
	case isPkgFunc(call.Fun, "fmt", "Sprintf") && len(call.Args) >= 1:
		return in.sprintf(call.Args[0], call.Args[1:], e)
	case isPkgFunc(call.Fun, "path", "Join"):
		var parts []value
		for _, a := range call.Args {
			parts = append(parts, in.eval(a, e).orHole())
		}
		return joinPath(parts)
	case isPkgFunc(call.Fun, "url", "PathEscape") || isPkgFunc(call.Fun, "url", "QueryEscape"):
		return hole()
	case isPkgFunc(call.Fun, "strings", "TrimPrefix") || isPkgFunc(call.Fun, "strings", "TrimSuffix"):
		return value{}
	}
	if in.target(call) != nil {
		return in.firstResult(call, e)
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return value{}
	}
	switch sel.Sel.Name {
	case "String":
		if id, ok := sel.X.(*ast.Ident); ok && len(call.Args) == 0 {
			if v, ok := e[id.Name]; ok {
				return v
			}
		}
	case "requestUrl":
		if in.g.dialect == "go-bitbucket" && len(call.Args) >= 1 {
			return concat(str("/2.0"), in.sprintf(call.Args[0], call.Args[1:], e))
		}
	case "GetApiBaseURL":
		if in.g.dialect == "go-bitbucket" {
			return str("/2.0")
		}
	}
	return value{}
}

func joinPath(parts []value) value {
	out := str("")
	for i, p := range parts {
		if i > 0 {
			out = concat(out, str("/"))
		}
		out = concat(out, p)
	}
	if !out.known() {
		return out
	}
	for i, s := range out.set {
		out.set[i] = path.Clean(s)
	}
	return out
}

// sprintf evaluates fmt.Sprintf(format, args...): each verb takes its
// argument's value, a hole when that is not a known string.
func (in *interp) sprintf(format ast.Expr, args []ast.Expr, e env) value {
	f := in.eval(format, e)
	if !f.known() {
		return value{}
	}
	var out value
	for _, fs := range f.set {
		res := str("")
		ai := 0
		lit := strings.Builder{}
		for i := 0; i < len(fs); i++ {
			c := fs[i]
			if c != '%' {
				lit.WriteByte(c)
				continue
			}
			// Parse the verb: flags, width, precision, then a letter.
			j := i + 1
			for j < len(fs) && strings.IndexByte("+-# 0123456789.", fs[j]) >= 0 {
				j++
			}
			if j >= len(fs) {
				lit.WriteString(fs[i:])
				break
			}
			if fs[j] == '%' {
				lit.WriteByte('%')
				i = j
				continue
			}
			res = concat(res, str(lit.String()))
			lit.Reset()
			arg := hole()
			if ai < len(args) {
				if v := in.eval(args[ai], e); v.known() && fs[j] != 'd' {
					arg = v
				}
			}
			ai++
			res = concat(res, arg)
			i = j
		}
		res = concat(res, str(lit.String()))
		if !res.known() {
			return value{}
		}
		if out.set == nil {
			out = res
		} else {
			out = union(out, res)
		}
	}
	return out
}

func isPkgFunc(fun ast.Expr, pkgName, name string) bool {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkgName
}

func isBuilderType(t ast.Expr) bool {
	sel, ok := t.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && (id.Name == "strings" && sel.Sel.Name == "Builder" || id.Name == "bytes" && sel.Sel.Name == "Buffer")
}

func isIdent(t ast.Expr, name string) bool {
	id, ok := t.(*ast.Ident)
	return ok && id.Name == name
}
