package model

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A Reach links an [AuthSink] to a request or client whose URL the
// credential goes to: "which auth reaches this request". It is found by
// following values within the package, flow-insensitively: a request built
// by http.NewRequest and authenticated with req.SetBasicAuth, possibly
// through variables, struct fields, helper functions of the package, Clone
// and WithContext; an *http.Client whose Transport is a go-jira auth
// transport or a RoundTripper of the package that authenticates the
// request, used with Do, Get, Head, Post or PostForm or handed to go-jira's
// NewClient or go-atlassian's New; a go-atlassian client made by New whose
// Auth is set.
type Reach struct {
	Sink   *AuthSink
	Call   *ast.CallExpr    // the call that fixes the URL: http.NewRequest, (*http.Client).Get, jira.NewClient, v3.New...
	Cursor inspector.Cursor // cursor of Call
	URL    ast.Expr         // Call's URL or base-URL argument

	// Method is the HTTP method when it is known: the constant method
	// argument of http.NewRequest, or the one implied by Get, Head, Post,
	// PostForm. "" otherwise (library clients, non-constant methods).
	Method     string
	MethodExpr ast.Expr // the method argument of http.NewRequest, or nil

	Library string // library of Call: "net/http", "go-jira" or "go-atlassian"
	Package string // import path of Call's callee
}

// A Value is one expression a variable, field or call may hold; Index is
// the result index when Expr is a call whose results are assigned to
// several variables (req, err := http.NewRequest(...)), else -1.
type Value struct {
	Expr  ast.Expr
	Index int
}

// reachIndex is the package-wide index behind [Result.Reaches] and
// [Result.Values], built on first use.
type reachIndex struct {
	res     *Result
	info    *types.Info
	in      *inspector.Inspector
	assigns map[types.Object][]Value            // variables and fields -> assigned values
	uses    map[types.Object][]inspector.Cursor // objects -> cursors of identifiers that use them
	funcs   map[*types.Func]inspector.Cursor    // functions and methods declared in the package
	params  map[*types.Var]paramOf              // parameters of those functions
	lits    map[*types.Var]litParam             // parameters of function literals
	reaches []*Reach

	followed map[*ast.CallExpr]bool // request-making calls followed for the current sink

	// litSinks links &http.Request{...} literals to the sinks that
	// authenticate them; Reaches leaves them out (a Reach has a call).
	litSinks map[*ast.CompositeLit][]*AuthSink
}

type paramOf struct {
	fn    *types.Func
	index int
}

// A litParam is a parameter of a function literal: its calls are found by
// following the literal's value (a callback field, a variable) to the
// places it is called.
type litParam struct {
	lit   inspector.Cursor
	index int
}

// Reaches returns the links from auth sinks to the requests and clients
// they authenticate, in the order of the sinks. info is the pass's type
// information; the result is computed once per package.
func (r *Result) Reaches(info *types.Info) []*Reach {
	if len(r.Sinks) == 0 {
		return nil
	}
	x := r.reachIdx(info)
	return x.reaches
}

// Values returns the expressions that e may evaluate to, following within
// the package, flow-insensitively: variables and struct fields to every
// value assigned to them (assignments, declarations, struct literals,
// flag.StringVar defaults), parameters of the package's functions to the
// arguments of their calls, calls of the package's functions to the
// values they return, and parentheses. An expression that cannot be
// followed further is its own value.
func (r *Result) Values(info *types.Info, e ast.Expr) []Value {
	return r.reachIdx(info).values(e, -1)
}

// Uses returns the cursors of the identifiers that refer to obj.
func (r *Result) Uses(info *types.Info, obj types.Object) []inspector.Cursor {
	return r.reachIdx(info).uses[obj]
}

func (r *Result) reachIdx(info *types.Info) *reachIndex {
	r.reachOnce.Do(func() {
		x := &reachIndex{
			res:     r,
			info:    info,
			in:      r.Inspector,
			assigns: map[types.Object][]Value{},
			uses:    map[types.Object][]inspector.Cursor{},
			funcs:   map[*types.Func]inspector.Cursor{},
			params:  map[*types.Var]paramOf{},
			lits:    map[*types.Var]litParam{},

			litSinks: map[*ast.CompositeLit][]*AuthSink{},
		}
		x.build()
		for _, s := range r.Sinks {
			x.reaches = append(x.reaches, x.reachesOf(s)...)
		}
		r.reach = x
	})
	return r.reach
}

func (x *reachIndex) build() {
	info := x.info
	for c := range x.in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil),
		(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.Ident)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			for v, i := range paramVars(info, n.Type) {
				x.lits[v] = litParam{c, i}
			}
		case *ast.Ident:
			if obj := info.Uses[n]; obj != nil {
				x.uses[obj] = append(x.uses[obj], c)
			}
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				continue
			}
			for i, l := range n.Lhs {
				obj := x.lhsObject(l)
				if obj == nil {
					continue
				}
				switch {
				case len(n.Lhs) == len(n.Rhs):
					x.assigns[obj] = append(x.assigns[obj], Value{n.Rhs[i], -1})
				case len(n.Rhs) == 1:
					x.assigns[obj] = append(x.assigns[obj], Value{n.Rhs[0], i})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				obj := info.Defs[name]
				if obj == nil {
					continue
				}
				switch {
				case len(n.Names) == len(n.Values):
					x.assigns[obj] = append(x.assigns[obj], Value{n.Values[i], -1})
				case len(n.Values) == 1:
					x.assigns[obj] = append(x.assigns[obj], Value{n.Values[0], i})
				}
			}
		case *ast.CompositeLit:
			for key, value := range KeyedFields(n) {
				if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() {
					x.assigns[f] = append(x.assigns[f], Value{value, -1})
				}
			}
		case *ast.FuncDecl:
			fn, _ := info.Defs[n.Name].(*types.Func)
			if fn == nil || n.Body == nil {
				continue
			}
			x.funcs[fn] = c
			for v, i := range paramVars(info, n.Type) {
				x.params[v] = paramOf{fn, i}
			}
		case *ast.CallExpr:
			// flag.StringVar(&v, name, default, usage) and the FlagSet
			// method assign the default to v.
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "StringVar" || len(n.Args) != 4 {
				continue
			}
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "flag" {
				continue
			}
			if u, ok := ast.Unparen(n.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if obj := x.lhsObject(u.X); obj != nil {
					x.assigns[obj] = append(x.assigns[obj], Value{n.Args[2], -1})
				}
			}
		}
	}
}

// inTest reports whether n lies in a _test.go file or in testdata.
func (x *reachIndex) inTest(n ast.Node) bool {
	return x.res.FileOf(n.Pos()).IsTest()
}

// paramVars yields the named parameters of a function type with their
// argument indexes (an unnamed parameter takes an index too).
func paramVars(info *types.Info, ft *ast.FuncType) iter.Seq2[*types.Var, int] {
	return func(yield func(*types.Var, int) bool) {
		i := 0
		for _, field := range ft.Params.List {
			if len(field.Names) == 0 {
				i++
			}
			for _, name := range field.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && !yield(v, i) {
					return
				}
				i++
			}
		}
	}
}

// lhsObject is the variable or field an assignment writes: v, p.f, *p.
func (x *reachIndex) lhsObject(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if e.Name == "_" {
			return nil
		}
		if v, ok := x.info.ObjectOf(e).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if v, ok := x.info.ObjectOf(e.Sel).(*types.Var); ok {
			return v
		}
	case *ast.StarExpr:
		return x.lhsObject(e.X)
	}
	return nil
}

func (x *reachIndex) values(e ast.Expr, index int) []Value {
	return x.valuesEnv(e, index, nil)
}

// An env binds parameters of a function of the package to the arguments
// of one of its calls: values follows a bound parameter to its argument
// only, instead of to the parameter itself and every caller's argument.
type env map[*types.Var]ast.Expr

// valuesEnv is values with parameter bindings.
func (x *reachIndex) valuesEnv(e ast.Expr, index int, bind env) []Value {
	var out []Value
	seen := map[ast.Expr]bool{}
	var walk func(e ast.Expr, index, depth int)
	walk = func(e ast.Expr, index, depth int) {
		e = ast.Unparen(e)
		if e == nil || seen[e] {
			return
		}
		seen[e] = true
		leaf := func() { out = append(out, Value{e, index}) }
		if depth > maxDepth {
			leaf()
			return
		}
		switch n := e.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			v, ok := ObjectOf(x.info, n).(*types.Var)
			if !ok || index >= 0 {
				leaf()
				return
			}
			if arg, ok := bind[v]; ok {
				walk(arg, -1, depth+1)
				return
			}
			if p, ok := x.lits[v]; ok {
				// A callback's parameter: the arguments of the calls of
				// the literal's value (c.modify = func(r *http.Request)
				// {...}; later c.modify(req)).
				leaf()
				for _, u := range x.consumers(p.lit) {
					call, ok := u.Parent().Node().(*ast.CallExpr)
					if ok && ast.Unparen(call.Fun) == u.Node() && p.index < len(call.Args) && !call.Ellipsis.IsValid() {
						walk(call.Args[p.index], -1, depth+1)
					}
				}
				return
			}
			if p, ok := x.params[v]; ok {
				leaf() // the parameter itself: callers outside the package
				calls := x.callsOf(p.fn)
				for _, call := range calls {
					if p.index < len(call.Args) && !(call.Ellipsis.IsValid() && p.index == len(call.Args)-1) {
						walk(call.Args[p.index], -1, depth+1)
					}
				}
				return
			}
			vals := x.assigns[v]
			if len(vals) == 0 {
				leaf()
				return
			}
			for _, val := range vals {
				walk(val.Expr, val.Index, depth+1)
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(x.info, n).(*types.Func)
			fc, ok := x.funcs[fn]
			if !ok {
				leaf()
				return
			}
			i := max(index, 0)
			found := false
			for rc := range fc.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
				ret, ok := rc.Node().(*ast.ReturnStmt)
				if !ok || enclosingFunc(rc) != fc {
					continue
				}
				switch {
				case len(ret.Results) > i && (len(ret.Results) > 1 || index < 0):
					found = true
					walk(ret.Results[i], -1, depth+1)
				case len(ret.Results) == 1 && index >= 0:
					found = true
					walk(ret.Results[0], index, depth+1)
				}
			}
			if !found {
				leaf()
			}
		default:
			leaf()
		}
	}
	walk(e, index, 0)
	return out
}

// enclosingFunc is the innermost FuncDecl or FuncLit around c.
func enclosingFunc(c inspector.Cursor) inspector.Cursor {
	for p := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return p
	}
	return inspector.Cursor{}
}

// callsOf returns the calls of a function of the package.
func (x *reachIndex) callsOf(fn *types.Func) []*ast.CallExpr {
	var calls []*ast.CallExpr
	for _, c := range x.uses[fn] {
		// f(...) or recv.f(...)
		p := c.Parent()
		if sel, ok := p.Node().(*ast.SelectorExpr); ok && sel.Sel == c.Node() {
			c, p = p, p.Parent()
		}
		if call, ok := p.Node().(*ast.CallExpr); ok && ast.Unparen(call.Fun) == c.Node() {
			calls = append(calls, call)
		}
	}
	return calls
}

// consumers returns the cursors of the expressions where the value of the
// expression at c is used, following it through parentheses, & and *,
// and into the variables and fields it is assigned to.
func (x *reachIndex) consumers(c inspector.Cursor) []inspector.Cursor {
	var out []inspector.Cursor
	seen := map[types.Object]bool{}
	var walk func(c inspector.Cursor, depth int)
	walk = func(c inspector.Cursor, depth int) {
		for {
			p := c.Parent()
			switch n := p.Node().(type) {
			case *ast.ParenExpr, *ast.StarExpr:
				c = p
				continue
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					c = p
					continue
				}
			}
			break
		}
		p := c.Parent()
		var obj types.Object
		switch n := p.Node().(type) {
		case *ast.AssignStmt:
			if k, i := c.ParentEdge(); k == edge.AssignStmt_Rhs && len(n.Lhs) == len(n.Rhs) {
				obj = x.lhsObject(n.Lhs[i])
			}
		case *ast.ValueSpec:
			if k, i := c.ParentEdge(); k == edge.ValueSpec_Values && len(n.Names) == len(n.Values) {
				obj = x.info.Defs[n.Names[i]]
			}
		case *ast.KeyValueExpr:
			if c.ParentEdgeKind() == edge.KeyValueExpr_Value {
				if key, ok := n.Key.(*ast.Ident); ok {
					if f, ok := x.info.Uses[key].(*types.Var); ok && f.IsField() && !isHTTPClientLit(x.info, p.Parent().Node()) {
						obj = f
					}
				}
			}
		}
		if obj == nil {
			out = append(out, c)
			return
		}
		if seen[obj] || depth > maxDepth {
			return
		}
		seen[obj] = true
		for _, u := range x.uses[obj] {
			// A use as a selector's field (s.client) is the selector.
			if sel, ok := u.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == u.Node() {
				u = u.Parent()
			}
			walk(u, depth+1)
		}
	}
	walk(c, 0)
	return out
}

func isHTTPClientLit(info *types.Info, n ast.Node) bool {
	lit, ok := n.(*ast.CompositeLit)
	if !ok {
		return false
	}
	tv, ok := info.Types[lit]
	return ok && isNamed(tv.Type, "net/http", "Client")
}

// reachesOf links one sink to the requests and clients it authenticates.
func (x *reachIndex) reachesOf(s *AuthSink) []*Reach {
	var out []*Reach
	x.followed = map[*ast.CallExpr]bool{}
	defer func() { x.followed = nil }()
	switch s.Library {
	case "net/http":
		for _, v := range x.values(s.Target, -1) {
			out = append(out, x.requestReaches(s, v, 0)...)
		}
	case "go-jira":
		if _, ok := s.Node.(*ast.CallExpr); !ok {
			out = append(out, x.transportReaches(s, s.Cursor)...)
			break
		}
		// client.Authentication.SetBasicAuth: like go-atlassian's Auth.
		fallthrough
	case "go-atlassian":
		for _, v := range x.values(s.Target, -1) {
			if r := x.libraryClient(s, v.Expr, nil); r != nil {
				out = append(out, r)
			}
		}
	}
	// One reach per call: a request or client met along several paths
	// (req = req.WithContext(ctx), two clients in one variable) is one.
	seen := map[*ast.CallExpr]bool{}
	uniq := out[:0]
	for _, r := range out {
		if !seen[r.Call] {
			seen[r.Call] = true
			uniq = append(uniq, r)
		}
	}
	return uniq
}

// requestReaches follows a request value to the call that made it.
func (x *reachIndex) requestReaches(s *AuthSink, v Value, depth int) []*Reach {
	if depth > maxDepth {
		return nil
	}
	switch e := v.Expr.(type) {
	case *ast.UnaryExpr: // &http.Request{...}
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND && IsNamed(x.info.TypeOf(lit), "net/http", "Request") {
			if !slices.Contains(x.litSinks[lit], s) {
				x.litSinks[lit] = append(x.litSinks[lit], s)
			}
		}
		return nil
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(x.info, e).(*types.Func)
		if fn == nil || v.Index > 0 {
			return nil
		}
		// Each call once per sink: a request reassigned from itself
		// (req = req.Clone(ctx)) would otherwise be followed to maxDepth
		// along every combination of its assignments.
		if x.followed[e] {
			return nil
		}
		x.followed[e] = true
		switch {
		case IsFunc(fn, "net/http", "", "NewRequest") && len(e.Args) == 3:
			return []*Reach{x.reach(s, e, e.Args[1], e.Args[0], "", "net/http", fn)}
		case IsFunc(fn, "net/http", "", "NewRequestWithContext") && len(e.Args) == 4:
			return []*Reach{x.reach(s, e, e.Args[2], e.Args[1], "", "net/http", fn)}
		case IsFunc(fn, "net/http", "Request", "Clone"), IsFunc(fn, "net/http", "Request", "WithContext"):
			var out []*Reach
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				for _, w := range x.values(sel.X, -1) {
					out = append(out, x.requestReaches(s, w, depth+1)...)
				}
			}
			return out
		}
	case *ast.Ident:
		// The request parameter of a RoundTrip method: the transport's
		// clients are what it reaches.
		v, _ := x.info.ObjectOf(e).(*types.Var)
		p, ok := x.params[v]
		if !ok || p.fn.Name() != "RoundTrip" {
			return nil
		}
		sig := p.fn.Type().(*types.Signature)
		if sig.Recv() == nil {
			return nil
		}
		rt := sig.Recv().Type()
		if ptr, ok := rt.(*types.Pointer); ok {
			rt = ptr.Elem()
		}
		named, ok := types.Unalias(rt).(*types.Named)
		if !ok {
			return nil
		}
		var out []*Reach
		for c := range x.in.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
			var t types.Type
			switch n := c.Node().(type) {
			case *ast.CompositeLit:
				if tv, ok := x.info.Types[n]; ok {
					t = tv.Type
				}
			case *ast.CallExpr: // new(T)
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "new" && len(n.Args) == 1 {
					if tv, ok := x.info.Types[n.Args[0]]; ok && tv.IsType() {
						t = tv.Type
					}
				}
			}
			if t != nil && types.Identical(types.Unalias(t), named) {
				out = append(out, x.transportReaches(s, c)...)
			}
		}
		return out
	}
	return nil
}

// transportReaches follows an auth transport value (at c) into the
// *http.Client values made from it and on to what those clients reach.
func (x *reachIndex) transportReaches(s *AuthSink, c inspector.Cursor) []*Reach {
	var out []*Reach
	for _, u := range x.consumers(c) {
		p := u.Parent()
		switch n := p.Node().(type) {
		case *ast.SelectorExpr: // tp.Client()
			if n.Sel.Name == "Client" {
				if call, ok := p.Parent().Node().(*ast.CallExpr); ok && call.Fun == n {
					out = append(out, x.clientReaches(s, p.Parent())...)
				}
			}
		case *ast.KeyValueExpr: // http.Client{Transport: tp}
			if key, ok := n.Key.(*ast.Ident); ok && key.Name == "Transport" && isHTTPClientLit(x.info, p.Parent().Node()) {
				out = append(out, x.clientReaches(s, p.Parent())...)
			}
		}
	}
	return out
}

// clientReaches follows an *http.Client value (at c) to its requests and
// to the library clients built on it.
func (x *reachIndex) clientReaches(s *AuthSink, c inspector.Cursor) []*Reach {
	var out []*Reach
	for _, u := range x.consumers(c) {
		p := u.Parent()
		switch n := p.Node().(type) {
		case *ast.SelectorExpr: // client.Do(req), client.Get(url)
			call, ok := p.Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun != n {
				continue
			}
			fn, _ := typeutil.Callee(x.info, call).(*types.Func)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || RecvName(fn) != "Client" || len(call.Args) == 0 {
				continue
			}
			switch fn.Name() {
			case "Do":
				for _, v := range x.values(call.Args[0], -1) {
					out = append(out, x.requestReaches(s, v, 1)...)
				}
			case "Get", "Head", "Post", "PostForm":
				method := strings.ToUpper(strings.TrimSuffix(fn.Name(), "Form"))
				out = append(out, x.reach(s, call, call.Args[0], nil, method, "net/http", fn))
			}
		case *ast.CallExpr: // jira.NewClient(client, url), v3.New(client, site)
			if r := x.libraryClient(s, n, u.Node()); r != nil {
				out = append(out, r)
			}
		}
	}
	return out
}

// libraryClient recognises a go-jira NewClient or go-atlassian New call
// and returns its reach. httpClient, when not nil, must be one of its
// arguments that is not the URL.
func (x *reachIndex) libraryClient(s *AuthSink, e ast.Expr, httpClient ast.Node) *Reach {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(x.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || RecvName(fn) != "" {
		return nil
	}
	var lib string
	switch path := fn.Pkg().Path(); {
	case PathWithin(path, ModGoJira) && fn.Name() == "NewClient":
		lib = "go-jira"
	case PathWithin(path, ModGoAtlassian) && fn.Name() == "New":
		lib = "go-atlassian"
	default:
		return nil
	}
	// The URL is the first string parameter (go-jira v1 and go-atlassian:
	// second; go-jira v2: first).
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		if b, ok := sig.Params().At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			if httpClient != nil && ast.Unparen(call.Args[i]) == httpClient {
				return nil
			}
			return x.reach(s, call, call.Args[i], nil, "", lib, fn)
		}
	}
	return nil
}

func (x *reachIndex) reach(s *AuthSink, call *ast.CallExpr, url, method ast.Expr, implied, lib string, fn *types.Func) *Reach {
	r := &Reach{Sink: s, Call: call, URL: url, MethodExpr: method, Method: implied, Library: lib, Package: fn.Pkg().Path()}
	if method != nil {
		if tv, ok := x.info.Types[method]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			r.Method = strings.ToUpper(constant.StringVal(tv.Value))
		}
	}
	if c, ok := CursorOf(x.in, call); ok {
		r.Cursor = c
	}
	return r
}

// CursorOf returns the cursor of node n, found by its position: a walk
// down the enclosing nodes rather than a scan of the whole package.
func CursorOf(in *inspector.Inspector, n ast.Node) (inspector.Cursor, bool) {
	c, ok := in.Root().FindByPos(n.Pos(), n.End())
	for ok && c.Valid() {
		if c.Node() == n {
			return c, true
		}
		c = c.Parent()
	}
	return in.Root().FindNode(n)
}
