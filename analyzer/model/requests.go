package model

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// Client libraries of a [Request].
const (
	LibNetHTTP     = "net/http"
	LibGoJira      = "go-jira"
	LibGoAtlassian = "go-atlassian"
	LibGoBitbucket = "go-bitbucket"
)

// ModGoBitbucket is the module path of go-bitbucket.
const ModGoBitbucket = "github.com/ktrysmt/go-bitbucket"

// BitbucketAPI is the origin of the Bitbucket Cloud REST API.
const BitbucketAPI = "https://api.bitbucket.org"

// A Request is one outgoing HTTP request the package makes: a call that
// builds or sends it (http.NewRequest, (*http.Client).Get, http.Post, a
// go-jira or go-atlassian client's NewRequest, a service method such as
// client.Issue.Create) or an &http.Request{...} literal. It says which
// method and URL the request has as far as the code makes them constant,
// which library makes it, and which credentials reach it.
type Request struct {
	Node    ast.Node         // *ast.CallExpr, or *ast.CompositeLit for &http.Request{...}
	Cursor  inspector.Cursor // cursor of Node
	Library string           // LibNetHTTP, LibGoJira, LibGoAtlassian, LibGoBitbucket
	Package string           // import path of the callee ("net/http" for literals)
	Func    string           // the callee: "NewRequest", "Client.Post", "IssueService.Create", "Request" for literals

	// Method is the HTTP method, upper case, or "" when it is not
	// constant. A later req.Method = "PUT" of the same request wins.
	Method string
	// MethodExpr is where the method is written: the method argument,
	// the Method field of a literal, or the right side of req.Method = ...;
	// nil when the callee implies it (Client.Post, a service method).
	MethodExpr ast.Expr

	// URLExpr is the URL argument (relative to the client's base URL for
	// a library client's NewRequest), the URL field of a literal, or nil
	// for service methods, whose path comes from atlint's library tables.
	URLExpr ast.Expr
	// URLs are the candidate URLs, at least one; a URL that the code does
	// not make constant is the template "{}".
	URLs []URL
	// LibPath is a service method's path template as atlint's library
	// tables give it ("/rest/api/2/issue/{}"); "" otherwise. A service
	// method the tables do not know (a method of a go-jira or go-atlassian
	// type named *Service) is a request with no Method, LibPath or URLExpr.
	LibPath string

	// Client is the receiver the request is made with: the *http.Client
	// of Client.Get, the go-jira or go-atlassian client of NewRequest or
	// of a service method (client in client.Issue.Create); nil otherwise.
	Client ast.Expr

	// Creds are the credentials that reach the request, in sink order.
	Creds []*Credential

	// Via is set when the request is made in a function of the package
	// whose parameters give its method or URL (a wrapper such as
	// func (c *client) do(method, path string)): the call of that
	// function this request is evaluated for. Such a request appears once
	// per call (Node is the same), with the call's arguments bound to the
	// parameters.
	Via *ast.CallExpr
}

// Site is where the request is made as far as a reader is concerned: the
// call of the wrapper function for a request with Via, else Pos.
func (q *Request) Site() token.Pos {
	if q.Via != nil {
		return q.Via.Pos()
	}
	return q.Node.Pos()
}

// Pos is the position of the request's call or literal.
func (q *Request) Pos() token.Pos { return q.Node.Pos() }

// Call returns the request's call, or nil for a literal.
func (q *Request) Call() *ast.CallExpr {
	c, _ := q.Node.(*ast.CallExpr)
	return c
}

// A Credential is one authentication sink that reaches a request.
type Credential struct {
	Sink *AuthSink
	Kind AuthKind // Sink.Kind
	// Scheme is the visible scheme ("Basic", "Bearer"), "" when unknown.
	Scheme string
}

// Requests returns the outgoing requests of the package in source order,
// computed once per package on first use. A package that imports neither
// net/http nor a known client library has none and pays one look at its
// imports.
func (r *Result) Requests(info *types.Info) []*Request {
	r.reqOnce.Do(func() {
		if !r.Imports(ModGoJira, ModGoAtlassian, ModGoBitbucket) && (!r.Imports("net/http") || !r.mayRequest()) {
			return
		}
		r.requests = r.reachIdx(info).requests()
	})
	return r.requests
}

// mayRequest is the gate for packages that import net/http but no client
// library: one pass over the calls and literals for a name that can make
// a request, before any index is built (an HTTP server pays only this).
func (r *Result) mayRequest() bool {
	for c := range r.Inspector.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "NewRequest", "NewRequestWithContext", "Get", "Head", "Post", "PostForm":
					return true
				}
			}
		case *ast.CompositeLit:
			if n.Type != nil && typeName(n.Type) == "Request" {
				return true
			}
		}
	}
	return false
}

// SecretValues returns the expressions the secret of a sink may hold,
// following variables, fields, parameters (to their arguments) and calls
// of the package's functions; see [Result.Values].
func (r *Result) SecretValues(info *types.Info, s *AuthSink) []Value {
	if s.Secret == nil {
		return nil
	}
	return r.Values(info, s.Secret)
}

func libraryOf(pkg string) string {
	switch {
	case PathWithin(pkg, ModGoJira):
		return LibGoJira
	case PathWithin(pkg, ModGoAtlassian):
		return LibGoAtlassian
	case PathWithin(pkg, ModGoBitbucket):
		return LibGoBitbucket
	}
	return ""
}

func (x *reachIndex) requests() []*Request {
	byCall := map[*ast.CallExpr][]*AuthSink{}
	for _, rc := range x.reaches {
		if !slices.Contains(byCall[rc.Call], rc.Sink) {
			byCall[rc.Call] = append(byCall[rc.Call], rc.Sink)
		}
	}
	var out []*Request
	byNode := map[ast.Node]*Request{}
	var methodSets []*ast.AssignStmt
	for c := range x.in.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		var q *Request
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			q = x.callRequest(n, byCall, nil)
			if q != nil {
				if qs := x.instances(c, q, byCall); len(qs) > 0 {
					for _, qi := range qs {
						qi.Node, qi.Cursor = c.Node(), c
						out = append(out, qi)
					}
					byNode[n] = qs[0]
					continue
				}
			}
		case *ast.CompositeLit:
			q = x.litRequest(c, n)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for _, l := range n.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Method" && IsHTTPRequest(x.info.TypeOf(sel.X)) {
						methodSets = append(methodSets, n)
						break
					}
				}
			}
		}
		if q != nil {
			q.Node, q.Cursor = c.Node(), c
			out = append(out, q)
			byNode[q.Node] = q
		}
	}
	// req.Method = "PUT": the last such assignment of the request wins.
	for _, as := range methodSets {
		for i, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Method" || !IsHTTPRequest(x.info.TypeOf(sel.X)) {
				continue
			}
			for _, v := range x.values(sel.X, -1) {
				n := ast.Node(v.Expr)
				if u, ok := v.Expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
					n = ast.Unparen(u.X)
				}
				if q := byNode[n]; q != nil && v.Index < 1 {
					q.MethodExpr = as.Rhs[i]
					q.Method = ""
					if m, ok := ConstString(x.info, as.Rhs[i]); ok {
						q.Method = normMethod(m)
					}
				}
			}
		}
	}
	return out
}

// methodOf returns the constant method an expression has (with the
// bindings), and where it is written: e, or the one argument a bound
// parameter stands for.
func (x *reachIndex) methodOf(e ast.Expr, bind env) (string, ast.Expr) {
	if m, ok := ConstString(x.info, e); ok {
		return normMethod(m), e
	}
	vs := x.valuesEnv(e, -1, bind)
	if len(vs) == 1 && vs[0].Index < 1 {
		if m, ok := ConstString(x.info, vs[0].Expr); ok {
			return normMethod(m), vs[0].Expr
		}
	}
	return "", e
}

// maxInstances bounds the calls of a function a request is evaluated for.
const maxInstances = 4 * MaxCandidates

// instances evaluates a request whose method or URL the code does not
// make constant once per call of the package function that makes it, with
// its parameters bound to that call's arguments: a wrapper
// do(method, path string) called as do("GET", "rest/api/3/myself") gives
// one request per call, each with the call as Via. It returns nil when
// the request is constant, when its function is not called in the
// package (or too often), or when no call tells more.
func (x *reachIndex) instances(c inspector.Cursor, q *Request, byCall map[*ast.CallExpr][]*AuthSink) []*Request {
	if q.Method != "" && len(q.URLs) == 1 && !strings.Contains(q.URLs[0].Template, Hole) {
		return nil
	}
	fc := enclosingFunc(c)
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	fn, _ := x.info.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	calls := x.callsOf(fn)
	if len(calls) == 0 || len(calls) > maxInstances {
		return nil
	}
	var params []*types.Var
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			params = append(params, nil)
		}
		for _, name := range field.Names {
			v, _ := x.info.Defs[name].(*types.Var)
			params = append(params, v)
		}
	}
	call := c.Node().(*ast.CallExpr)
	var out []*Request
	better := false
	for _, site := range calls {
		bind := env{}
		for i, v := range params {
			if v != nil && i < len(site.Args) && !(site.Ellipsis.IsValid() && i == len(site.Args)-1) {
				bind[v] = site.Args[i]
			}
		}
		qi := x.callRequest(call, byCall, bind)
		if qi == nil {
			return nil
		}
		qi.Via = site
		if qi.Method != q.Method || len(qi.URLs) != len(q.URLs) || qi.URLs[0] != q.URLs[0] {
			better = true
		}
		out = append(out, qi)
	}
	if !better {
		return nil
	}
	return out
}

func normMethod(m string) string {
	if m == "" {
		return "GET" // net/http: "" means GET
	}
	return strings.ToUpper(m)
}

func (x *reachIndex) credsOf(sinks []*AuthSink) []*Credential {
	var out []*Credential
	for _, s := range sinks {
		out = append(out, &Credential{Sink: s, Kind: s.Kind, Scheme: s.Scheme})
	}
	return out
}

// callRequest recognises a call that makes a request.
func (x *reachIndex) callRequest(call *ast.CallExpr, byCall map[*ast.CallExpr][]*AuthSink, bind env) *Request {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	fn := Callee(x.info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	pkg, recv, name := fn.Pkg().Path(), RecvName(fn), fn.Name()
	args := call.Args
	if pkg == "net/http" {
		q := &Request{Library: LibNetHTTP, Package: pkg, Func: name}
		switch {
		case recv == "" && name == "NewRequest" && len(args) == 3:
			q.MethodExpr, q.URLExpr = args[0], args[1]
		case recv == "" && name == "NewRequestWithContext" && len(args) == 4:
			q.MethodExpr, q.URLExpr = args[1], args[2]
		case (recv == "" || recv == "Client") && (name == "Get" || name == "Head" || name == "Post" || name == "PostForm") && len(args) > 0:
			q.Method, q.URLExpr = strings.ToUpper(strings.TrimSuffix(name, "Form")), args[0]
			if recv == "Client" {
				q.Func, q.Client = "Client."+name, sel.X
			}
		default:
			return nil
		}
		if q.MethodExpr != nil {
			q.Method, q.MethodExpr = x.methodOf(q.MethodExpr, bind)
		}
		q.URLs = urlsOf(x.tmpl(bind).templates(q.URLExpr, 0))
		q.Creds = x.credsOf(byCall[call])
		return q
	}
	lib := libraryOf(pkg)
	if lib == "" || recv == "" {
		return nil
	}
	q := &Request{Library: lib, Package: pkg, Func: recv + "." + name}
	if mi, ui := requestParams(fn); mi >= 0 && ui >= 0 {
		// A client's own NewRequest(method, urlStr, ...).
		if mi >= len(args) || ui >= len(args) {
			return nil
		}
		q.MethodExpr, q.URLExpr, q.Client = args[mi], args[ui], sel.X
		q.Method, q.MethodExpr = x.methodOf(q.MethodExpr, bind)
		rels := templatesOf(x.tmpl(bind).templates(q.URLExpr, 0))
		q.URLs = urlsOf(candidates(x.joinClient(q.Client, rels)))
		q.Creds = x.credsOf(x.clientSinks(q.Client, byCall))
		return q
	}
	op, ok := lookupLibOp(pkg, recv, name)
	if !ok {
		if !strings.HasSuffix(recv, "Service") || !token.IsExported(name) {
			return nil
		}
		// A service method atlint's tables do not know: a request whose
		// method and path are unknown.
		q.Client = x.clientOf(sel.X)
		q.URLs = []URL{ParseTemplate(Hole)}
		if q.Client != nil {
			q.Creds = x.credsOf(x.clientSinks(q.Client, byCall))
		}
		return q
	}
	q.Method, q.LibPath = op.method, op.paths[0]
	q.Client = x.clientOf(sel.X)
	rels := make([]string, len(op.paths))
	for i, p := range op.paths {
		rels[i] = holePath(p)
	}
	q.URLs = urlsOf(candidates(x.joinClient(q.Client, rels)))
	if lib == LibGoBitbucket {
		// go-bitbucket's default base; the table's paths carry /2.0.
		for i, u := range q.URLs {
			if u.Origin == "" && u.Path != "" {
				q.URLs[i] = ParseTemplate(BitbucketAPI + u.Path)
			}
		}
	}
	if q.Client != nil {
		q.Creds = x.credsOf(x.clientSinks(q.Client, byCall))
	}
	return q
}

// holePath turns the {param} segments of a table path into holes.
func holePath(p string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			b.WriteString(p)
			return b.String()
		}
		b.WriteString(p[:i])
		b.WriteString(Hole)
		p = p[i+j+1:]
	}
}

// requestParams returns the indexes of the method and URL parameters of a
// library method that returns *http.Request, or -1.
func requestParams(fn *types.Func) (method, url int) {
	method, url = -1, -1
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() == 0 || !IsHTTPRequest(sig.Results().At(0).Type()) {
		return
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if b, ok := p.Type().(*types.Basic); !ok || b.Kind() != types.String {
			continue
		}
		switch strings.ToLower(p.Name()) {
		case "method":
			method = i
		case "urlstr", "url", "endpoint", "path", "apiendpoint":
			url = i
		}
	}
	return
}

// clientOf returns the library client a service method is called on:
// client in client.Issue.Create or client.Issue.Metadata.Get, the first
// expression down the selector chain whose type is a library's Client.
func (x *reachIndex) clientOf(e ast.Expr) ast.Expr {
	for range MaxDepth {
		e = ast.Unparen(e)
		if isLibClient(x.info.TypeOf(e)) {
			return e
		}
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		e = sel.X
	}
	return nil
}

func isLibClient(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Client" && n.Obj().Pkg() != nil && libraryOf(n.Obj().Pkg().Path()) != ""
}

// clientSinks returns the sinks that reach a library client value: those
// whose Reach is the NewClient or New call the client comes from.
func (x *reachIndex) clientSinks(client ast.Expr, byCall map[*ast.CallExpr][]*AuthSink) []*AuthSink {
	var out []*AuthSink
	for _, v := range x.values(client, -1) {
		if call, ok := v.Expr.(*ast.CallExpr); ok && v.Index < 1 {
			for _, s := range byCall[call] {
				if !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// joinClient joins relative path templates to the base URLs of a library
// client (the URL argument of the NewClient or New call it comes from).
func (x *reachIndex) joinClient(client ast.Expr, rels []string) []string {
	bases := []string{Hole}
	if client != nil {
		var bs []string
		for _, v := range x.values(client, -1) {
			call, ok := v.Expr.(*ast.CallExpr)
			if !ok || v.Index > 0 {
				continue
			}
			if arg := clientBaseArg(x.info, call); arg != nil {
				bs = append(bs, templatesOf(x.tmpl(nil).templates(arg, 1))...)
			}
		}
		if len(bs) > 0 {
			bases = capped(dedupeStrings(bs))
		}
	}
	var out []string
	for _, b := range bases {
		for _, r := range rels {
			if b == Hole && !strings.HasPrefix(r, "/") && !strings.Contains(r, "://") {
				r = "/" + r
			}
			out = append(out, JoinBase(b, r))
		}
	}
	return capped(dedupeStrings(out))
}

// templatesOf returns the templates of candidates.
func templatesOf(cs []Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Template
	}
	return out
}

// candidates returns candidates of templates, without Segs.
func candidates(ts []string) []Candidate {
	out := make([]Candidate, len(ts))
	for i, t := range ts {
		out[i] = Candidate{Template: t}
	}
	return out
}

func dedupeStrings(ts []string) []string {
	if len(ts) < 2 {
		return ts
	}
	seen := make(map[string]bool, len(ts))
	out := ts[:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// clientBaseArg returns the base-URL argument of a go-jira NewClient or
// go-atlassian New call (its first string parameter), or nil.
func clientBaseArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || RecvName(fn) != "" {
		return nil
	}
	switch path := fn.Pkg().Path(); {
	case PathWithin(path, ModGoJira) && fn.Name() == "NewClient":
	case PathWithin(path, ModGoAtlassian) && fn.Name() == "New":
	default:
		return nil
	}
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		if b, ok := sig.Params().At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return call.Args[i]
		}
	}
	return nil
}

// litRequest recognises &http.Request{...}.
func (x *reachIndex) litRequest(c inspector.Cursor, lit *ast.CompositeLit) *Request {
	if lit.Type == nil || typeName(lit.Type) != "Request" || !IsNamed(x.info.TypeOf(lit), "net/http", "Request") {
		return nil
	}
	q := &Request{Library: LibNetHTTP, Package: "net/http", Func: "Request", Method: "GET"}
	for key, value := range KeyedFields(lit) {
		switch key.Name {
		case "Method":
			q.MethodExpr, q.Method = value, ""
			if m, ok := ConstString(x.info, value); ok {
				q.Method = normMethod(m)
			}
		case "URL":
			q.URLExpr = value
		}
	}
	if q.URLExpr != nil {
		q.URLs = urlsOf(x.tmpl(nil).urlObjTemplates(q.URLExpr, 0))
	} else {
		q.URLs = []URL{ParseTemplate(Hole)}
	}
	q.Creds = x.credsOf(x.litSinks[lit])
	return q
}
