package readonlytoken

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
)

//go:embed doc.go
var doc string

// Analyzer is the package-level analyzer; it is silent until a
// -readonlytoken.source flag names a read-only token.
var Analyzer = New()

// New returns a fresh analyzer with its own flags.
func New() *analysis.Analyzer {
	srcs := &Sources{}
	a := &analysis.Analyzer{
		Name:             "readonlytoken",
		Doc:              model.MustExtractDoc(doc, "readonlytoken"),
		URL:              model.DocURL("ATL501"),
		Requires:         []*analysis.Analyzer{model.Analyzer},
		RunDespiteErrors: true,
		ResultType:       model.ReportedType,
	}
	a.Flags.Var(srcs, "source", "where a read-only Data Center token comes from (repeatable): an env var name (JIRA_RO_TOKEN), pkg.Name of a constant or variable, Type.Field or pkg.Type.Field of a struct field")
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, srcs) }
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
	pass    *analysis.Pass
	rep     *model.Reporter
	srcs    []Source
	sinkOf  map[*ast.CallExpr]*model.AuthSink
	visited map[token.Pos]bool
}

func run(pass *analysis.Pass, srcs *Sources) (any, error) {
	rep := model.NewReporter(pass)
	if len(srcs.list) == 0 || pass.TypesInfo == nil {
		return rep.Off(), nil // not configured: silent, and its directives are not stale
	}
	if len(rep.Model.Sinks) == 0 {
		return rep.Result(), nil
	}
	c := &checker{pass: pass, rep: rep, srcs: srcs.list, sinkOf: map[*ast.CallExpr]*model.AuthSink{}, visited: map[token.Pos]bool{}}
	for _, s := range rep.Model.Sinks {
		if call, ok := s.Node.(*ast.CallExpr); ok {
			c.sinkOf[call] = s
		}
	}
	for fc := range rep.Model.Inspector.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := fc.Node().(*ast.FuncDecl)
		if fd.Body == nil {
			continue
		}
		has := false
		for _, s := range rep.Model.Sinks {
			if s.Node.Pos() >= fd.Pos() && s.Node.End() <= fd.End() && s.Secret != nil {
				has = true
				break
			}
		}
		if has {
			c.function(fc)
		}
	}
	return rep.Result(), nil
}

// A creation is a request made with a known method.
type creation struct {
	method string
	at     ast.Expr      // where to report: the method expression
	client ast.Expr      // receiver of a client's NewRequest, or nil
	req    ast.Expr      // the variable it is stored in, or nil
	call   *ast.CallExpr // the creating call, or nil
	lit    *ast.CompositeLit
}

func (c *checker) function(fc inspector.Cursor) {
	info := c.pass.TypesInfo
	flow := model.NewFlow(info, fc, model.FlowSpec{Source: c.source, Through: c.through, Into: c.into})

	// Requests made in the function, by the path of their variable.
	var creations []*creation
	for n := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs, rhs []ast.Expr
		switch s := n.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = s.Lhs, s.Rhs
		case *ast.ValueSpec:
			for _, id := range s.Names {
				lhs = append(lhs, id)
			}
			rhs = s.Values
		}
		if len(rhs) == 0 {
			continue
		}
		// req.Method = "POST"
		if len(lhs) == len(rhs) {
			for i, l := range lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Method" && isRequest(info.TypeOf(sel.X)) {
					if m, ok := constStr(info, rhs[i]); ok {
						creations = append(creations, &creation{method: m, at: rhs[i], req: sel.X})
					}
				}
			}
		}
		cr := c.creation(rhs[0])
		if cr == nil {
			continue
		}
		cr.req = lhs[0]
		creations = append(creations, cr)
	}
	// Requests created where they are used: client.Do(http.NewRequest...)
	// is not valid Go (two results), but literals are.
	reported := func(at ast.Expr, what, method string) {
		if c.visited[at.Pos()] {
			return
		}
		c.visited[at.Pos()] = true
		c.rep.Report("ATL501", analysis.Diagnostic{
			Pos: at.Pos(), End: at.End(),
			Message: fmt.Sprintf("read-only token from %s is used for a %s request: read-only Data Center tokens allow only GET and HEAD; use a read/write token for writes", what, method),
		})
	}
	for _, cr := range creations {
		if isRead(cr.method) {
			continue
		}
		var t *model.Taint
		if cr.client != nil {
			t = flow.Of(cr.client)
		}
		if (t == nil || t.Flags&fRO == 0) && cr.req != nil {
			t = flow.Of(cr.req)
		}
		if t != nil && t.Flags&fRO != 0 {
			reported(cr.at, t.What, cr.method)
		}
	}
	// Sends and write calls.
	for n := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := n.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || info.Selections[sel] == nil {
			continue
		}
		p, recv, name := fn.Pkg().Path(), model.RecvName(fn), fn.Name()
		lib := model.PathWithin(p, model.ModGoJira) || model.PathWithin(p, model.ModGoAtlassian)
		switch {
		case p == "net/http" && recv == "Client" && (name == "Post" || name == "PostForm"):
			if t := flow.Of(sel.X); t != nil && t.Flags&fRO != 0 {
				reported(call, t.What, "POST")
			}
		case (p == "net/http" && recv == "Client" && name == "Do") || (lib && (name == "Do" || name == "Call")):
			t := flow.Of(sel.X)
			if t == nil || t.Flags&fRO == 0 || len(call.Args) == 0 {
				continue
			}
			for _, cr := range creations {
				if !isRead(cr.method) && cr.req != nil && samePath(info, cr.req, call.Args[0]) {
					reported(cr.at, t.What, cr.method)
				}
			}
			if cr := c.creation(call.Args[0]); cr != nil && !isRead(cr.method) {
				reported(cr.at, t.What, cr.method)
			}
		case lib && writeMethod(p, recv, name):
			if t := flow.Of(sel.X); t != nil && t.Flags&fRO != 0 {
				c.report(call, sel, t.What, recv, name)
			}
		}
	}
}

func (c *checker) report(call *ast.CallExpr, sel *ast.SelectorExpr, what, recv, name string) {
	if c.visited[call.Pos()] {
		return
	}
	c.visited[call.Pos()] = true
	verb := "POST"
	switch {
	case strings.HasPrefix(name, "Update"):
		verb = "PUT"
	case strings.HasPrefix(name, "Delete"):
		verb = "DELETE"
	}
	c.rep.Report("ATL501", analysis.Diagnostic{
		Pos: sel.Sel.Pos(), End: call.End(),
		Message: fmt.Sprintf("read-only token from %s is used for %s.%s, a %s request: read-only Data Center tokens allow only GET and HEAD; use a read/write token for writes", what, strings.TrimSuffix(recv, "Service"), name, verb),
	})
}

// writeMethod: the service methods whose HTTP method is certain.
func writeMethod(pkg, recv, name string) bool {
	if !strings.HasSuffix(recv, "Service") {
		return false
	}
	if model.PathWithin(pkg, model.ModGoJira) {
		switch name {
		case "Create", "CreateWithContext", "Update", "UpdateWithContext", "UpdateWithOptions", "UpdateWithOptionsWithContext", "Delete", "DeleteWithContext":
			return true
		}
		return false
	}
	return name == "Create" || name == "Update" || name == "Delete"
}

// creation recognises an expression that makes a request with a constant
// method: a call returning *http.Request with a parameter named method,
// or an http.Request literal.
func (c *checker) creation(e ast.Expr) *creation {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !isRequest(types.NewPointer(info.TypeOf(x))) {
			return nil
		}
		method := ""
		var at ast.Expr = x
		for key, value := range model.KeyedFields(x) {
			if key.Name == "Method" {
				m, ok := constStr(info, value)
				if !ok {
					return nil
				}
				method, at = m, value
			}
		}
		return &creation{method: method, at: at, lit: x}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil {
			return nil
		}
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || sig.Results().Len() == 0 || !isRequest(sig.Results().At(0).Type()) {
			return nil
		}
		for i := 0; i < sig.Params().Len() && i < len(x.Args); i++ {
			if !strings.EqualFold(sig.Params().At(i).Name(), "method") {
				continue
			}
			m, ok := constStr(info, x.Args[i])
			if !ok {
				return nil
			}
			cr := &creation{method: m, at: x.Args[i], call: x}
			if sig.Recv() != nil {
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					cr.client = sel.X
				}
			}
			return cr
		}
	}
	return nil
}

func isRead(method string) bool { return method == "" || method == "GET" || method == "HEAD" }

func isRequest(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Request"
}

func constStr(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// samePath reports whether two expressions name the same variable.
func samePath(info *types.Info, a, b ast.Expr) bool {
	ida, ok1 := ast.Unparen(a).(*ast.Ident)
	idb, ok2 := ast.Unparen(b).(*ast.Ident)
	return ok1 && ok2 && info.ObjectOf(ida) != nil && info.ObjectOf(ida) == info.ObjectOf(idb)
}

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
		name, ok := constStr(info, x.Args[0])
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
			owner, ownerPkg := ownerOf(sel)
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

// ownerOf returns the name and package of the struct type that declares
// the selected field.
func ownerOf(sel *types.Selection) (string, *types.Package) {
	t := sel.Recv()
	idx := sel.Index()
	for i := 0; i < len(idx)-1; i++ {
		st := structOf(t)
		if st == nil || idx[i] >= st.NumFields() {
			return "", nil
		}
		t = st.Field(idx[i]).Type()
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name(), n.Obj().Pkg()
	}
	return "", nil
}

func structOf(t types.Type) *types.Struct {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// through: go-jira and go-atlassian constructors and methods pass the
// credential on (tp.Client(), jira.NewClient(hc, url), v3.New(hc, site)).
func (c *checker) through(f *model.Flow, call *ast.CallExpr, fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	p := fn.Pkg().Path()
	return model.PathWithin(p, model.ModGoJira) || model.PathWithin(p, model.ModGoAtlassian)
}

// into: an auth sink attaches its secret to its target (the request, or
// the go-atlassian client).
func (c *checker) into(f *model.Flow, call *ast.CallExpr, fn *types.Func) ([]ast.Expr, ast.Expr) {
	s := c.sinkOf[call]
	if s == nil || s.Target == nil || s.Secret == nil {
		return nil, nil
	}
	return []ast.Expr{s.Target}, s.Secret
}
