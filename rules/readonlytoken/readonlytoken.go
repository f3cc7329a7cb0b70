package readonlytoken

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
)

// Analyzer is the package-level analyzer; it is silent until a
// -readonlytoken.source flag names a read-only token.
var Analyzer = New()

// New returns a fresh analyzer with its own flags.
func New() *analysis.Analyzer {
	srcs := &Sources{}
	a := Spec.NewAnalyzer(func(pass *analysis.Pass) (any, error) { return run(pass, srcs) })
	a.Flags.Var(srcs, "source", "where a read-only Data Center token comes from (repeatable): an env var name (JIRA_RO_TOKEN), pkg.Name of a constant or variable, Type.Field or pkg.Type.Field of a struct field")
	return a
}

// A Source is one parsed -readonlytoken.source value.
type Source struct {
	Raw  string
	Env  string // environment variable name, or ""
	Pkg  string // package name or import path ("" for Type.Field)
	Type string // struct type name for a field
	Name string // constant, variable or field name
}

// Sources is the repeatable flag value.
type Sources struct{ list []Source }

var (
	envRe   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

func (s *Sources) String() string {
	if s == nil {
		return ""
	}
	var raws []string
	for _, x := range s.list {
		raws = append(raws, x.Raw)
	}
	return strings.Join(raws, ",")
}

// Set adds a source; a comma-separated list adds several.
func (s *Sources) Set(v string) error {
	for _, raw := range strings.Split(v, ",") {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		src, err := ParseSource(raw)
		if err != nil {
			return err
		}
		s.list = append(s.list, src)
	}
	return nil
}

// ParseSource parses one source: NAME, pkg.Name, Type.Field or
// pkg.Type.Field, where pkg may be an import path.
func ParseSource(raw string) (Source, error) {
	src := Source{Raw: raw}
	if envRe.MatchString(raw) {
		src.Env = raw
		return src, nil
	}
	dir, last := "", raw
	if i := strings.LastIndexByte(raw, '/'); i >= 0 {
		dir, last = raw[:i+1], raw[i+1:]
	}
	parts := strings.Split(last, ".")
	for _, p := range parts {
		if !identRe.MatchString(p) {
			return src, fmt.Errorf("read-only token source %q: want an env var name (JIRA_RO_TOKEN), pkg.Name, Type.Field or pkg.Type.Field", raw)
		}
	}
	switch len(parts) {
	case 2:
		src.Pkg, src.Name = dir+parts[0], parts[1]
		if dir == "" {
			src.Type = parts[0] // or a field of type parts[0]
		}
	case 3:
		src.Pkg, src.Type, src.Name = dir+parts[0], parts[1], parts[2]
	default:
		return src, fmt.Errorf("read-only token source %q: want an env var name (JIRA_RO_TOKEN), pkg.Name, Type.Field or pkg.Type.Field", raw)
	}
	return src, nil
}

const fRO uint = 1

type checker struct {
	pass  *analysis.Pass
	rep   *model.Reporter
	srcs  []Source
	flows map[ast.Node]*model.Flow // function declarations -> their flow
	taint map[*model.AuthSink]*model.Taint
}

func run(pass *analysis.Pass, srcs *Sources) (any, error) {
	rep := model.NewReporter(pass, Spec)
	if len(srcs.list) == 0 {
		return rep.Off(), nil // not configured: silent, and its directives are not stale
	}
	if len(rep.Model.Sinks) == 0 {
		return rep.Result(), nil
	}
	c := &checker{pass: pass, rep: rep, srcs: srcs.list, flows: map[ast.Node]*model.Flow{}, taint: map[*model.AuthSink]*model.Taint{}}
	reported := map[token.Pos]bool{}
	for _, q := range rep.Model.Requests(pass.TypesInfo) {
		method := q.Method
		if method == "" && q.URLExpr == nil {
			method = serviceMethod(q) // not in atlint's library tables
		}
		if isRead(method) {
			continue
		}
		for _, cred := range q.Creds {
			t := c.sinkTaint(cred.Sink, q)
			if t == nil {
				continue
			}
			d := c.diagnostic(q, method, t.What)
			if !reported[d.Pos] {
				reported[d.Pos] = true
				rep.Report("ATL501", d)
			}
			break
		}
	}
	return rep.Result(), nil
}

// diagnostic reports a write request: at its method where the code writes
// one, else at the call.
func (c *checker) diagnostic(q *model.Request, method, what string) analysis.Diagnostic {
	const tail = ": read-only Data Center tokens allow only GET and HEAD; use a read/write token for writes"
	if q.MethodExpr != nil {
		return analysis.Diagnostic{Pos: q.MethodExpr.Pos(), End: q.MethodExpr.End(),
			Message: fmt.Sprintf("read-only token from %s is used for a %s request%s", what, method, tail)}
	}
	call := q.Call()
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && q.Library != model.LibNetHTTP {
		recv, name, _ := strings.Cut(q.Func, ".")
		return analysis.Diagnostic{Pos: sel.Sel.Pos(), End: call.End(),
			Message: fmt.Sprintf("read-only token from %s is used for %s.%s, a %s request%s", what, strings.TrimSuffix(recv, "Service"), name, method, tail)}
	}
	return analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("read-only token from %s is used for a %s request%s", what, method, tail)}
}

// sinkTaint returns the read-only taint of a sink's secret for request q:
// its taint in the function around the sink, else the taint of an
// argument a caller passes for the secret's parameter in a call that also
// passes q (auth(req, tok) taints req, not the requests of other callers).
func (c *checker) sinkTaint(s *model.AuthSink, q *model.Request) *model.Taint {
	if s.Secret == nil {
		return nil
	}
	t, ok := c.taint[s]
	if !ok {
		t = c.taintAt(s.Cursor, s.Secret)
		c.taint[s] = t
	}
	if t != nil {
		return t
	}
	info := c.pass.TypesInfo
	m := c.rep.Model
	for _, v := range m.SecretValues(info, s) {
		if v.Expr == s.Secret {
			continue
		}
		cur, ok := model.CursorOf(m.Inspector, v.Expr)
		if !ok {
			continue
		}
		call, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok || !c.passes(call, v.Expr, q) {
			continue
		}
		if t := c.taintAt(cur, v.Expr); t != nil {
			return t
		}
	}
	return nil
}

// passes reports whether call passes request q in an argument other than
// skip.
func (c *checker) passes(call *ast.CallExpr, skip ast.Expr, q *model.Request) bool {
	for _, a := range call.Args {
		if a == skip {
			continue
		}
		for _, v := range c.rep.Model.Values(c.pass.TypesInfo, a) {
			e := ast.Unparen(v.Expr)
			if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
				e = ast.Unparen(u.X)
			}
			if ast.Node(e) == q.Node {
				return true
			}
		}
	}
	return false
}

// taintAt is the read-only taint of e, at cursor cur, in its function.
func (c *checker) taintAt(cur inspector.Cursor, e ast.Expr) *model.Taint {
	var t *model.Taint
	fn, ok := enclosingDecl(cur)
	if ok {
		f := c.flows[fn.Node()]
		if f == nil {
			f = model.NewFlow(c.pass.TypesInfo, fn, model.FlowSpec{Source: c.source})
			c.flows[fn.Node()] = f
		}
		t = f.Of(e)
	} else {
		t = c.source(nil, e)
	}
	if t == nil || t.Flags&fRO == 0 {
		return nil
	}
	return t
}

func enclosingDecl(c inspector.Cursor) (inspector.Cursor, bool) {
	for p := range c.Enclosing((*ast.FuncDecl)(nil)) {
		return p, true
	}
	return inspector.Cursor{}, false
}

// serviceMethod is the HTTP method of a library service method that
// atlint's library tables do not list, when its name makes it certain:
// go-jira's Create, Update, UpdateWithOptions, Delete and their
// WithContext forms, go-atlassian's Create, Update and Delete.
func serviceMethod(q *model.Request) string {
	if q.Library != model.LibGoJira && q.Library != model.LibGoAtlassian {
		return ""
	}
	_, name, _ := strings.Cut(q.Func, ".")
	if q.Library == model.LibGoJira {
		name = strings.TrimSuffix(name, "WithContext")
		name = strings.TrimSuffix(name, "WithOptions")
	}
	switch name {
	case "Create":
		return "POST"
	case "Update":
		return "PUT"
	case "Delete":
		return "DELETE"
	}
	return ""
}

func isRead(method string) bool { return method == "" || method == "GET" || method == "HEAD" }

// source recognises the configured read-only tokens.
func (c *checker) source(f *model.Flow, e ast.Expr) *model.Taint {
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil || len(x.Args) != 1 {
			return nil
		}
		if !(fn.Pkg().Path() == "os" || fn.Pkg().Path() == "syscall") || (fn.Name() != "Getenv" && fn.Name() != "LookupEnv") {
			return nil
		}
		name, ok := model.ConstString(info, x.Args[0])
		if !ok {
			return nil
		}
		for _, s := range c.srcs {
			if s.Env != "" && s.Env == name {
				return &model.Taint{Flags: fRO, What: "$" + name, Pos: x.Pos()}
			}
		}
	case *ast.Ident:
		return c.objSource(info.Uses[x], nil, x.Pos())
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return c.objSource(sel.Obj(), sel, x.Pos())
			}
			return nil
		}
		return c.objSource(info.Uses[x.Sel], nil, x.Pos())
	}
	return nil
}

func (c *checker) objSource(obj types.Object, sel *types.Selection, pos token.Pos) *model.Taint {
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	v, isVar := obj.(*types.Var)
	_, isConst := obj.(*types.Const)
	for _, s := range c.srcs {
		if s.Env != "" || s.Name != obj.Name() {
			continue
		}
		switch {
		case isVar && v.IsField():
			if sel == nil {
				continue
			}
			owner, ownerPkg := model.FieldOwner(sel)
			if owner == "" || owner != s.Type {
				// pkg.Name form may also mean Type.Field with Type = pkg.
				if !(s.Type == "" && owner == lastElem(s.Pkg)) {
					continue
				}
			}
			if s.Type != "" && s.Pkg != "" && s.Pkg != s.Type && ownerPkg != nil && !pkgMatches(ownerPkg, s.Pkg) {
				continue
			}
			return &model.Taint{Flags: fRO, What: owner + "." + obj.Name(), Pos: pos}
		case isConst || (isVar && obj.Parent() == obj.Pkg().Scope()):
			if s.Pkg != "" && pkgMatches(obj.Pkg(), s.Pkg) && (s.Type == "" || s.Type == s.Pkg) {
				return &model.Taint{Flags: fRO, What: obj.Pkg().Name() + "." + obj.Name(), Pos: pos}
			}
		}
	}
	return nil
}

func lastElem(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

func pkgMatches(p *types.Package, want string) bool {
	if strings.Contains(want, "/") {
		return p.Path() == want
	}
	return p.Name() == want || p.Path() == want
}
