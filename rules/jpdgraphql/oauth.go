package jpdgraphql

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
)

const (
	modOAuth2     = "golang.org/x/oauth2"
	modMachinebox = "github.com/machinebox/graphql"
	modGenqlient  = "github.com/Khan/genqlient"
)

// oauthIndex answers "is this request demonstrably sent with an OAuth 2.0
// access token?" narrowly (see doc.go). Everything is false unless the
// package imports golang.org/x/oauth2 and has type information.
type oauthIndex struct {
	c       *checker
	info    *types.Info
	enabled bool
	uses    map[types.Object][]inspector.Cursor // identifier uses, built on first need
}

func (c *checker) oauthIndex() *oauthIndex {
	if c.oauth == nil {
		c.oauth = &oauthIndex{
			c:       c,
			info:    c.pass.TypesInfo,
			enabled: c.pass.TypesInfo != nil && c.m.Imports(modOAuth2),
		}
	}
	return c.oauth
}

// constOnlyOAuth reports whether every use of the document s flows
// directly into an OAuth request: the literal itself, or every use of the
// constant or variable it initialises.
func (x *oauthIndex) constOnlyOAuth(s *model.StringConst) bool {
	if !x.enabled {
		return false
	}
	uses := x.usesOf(s)
	if len(uses) == 0 {
		return false
	}
	for _, u := range uses {
		if !x.useIsOAuth(u) {
			return false
		}
	}
	return true
}

// usesOf returns where the value of s is used: the uses of the constant or
// variable it initialises, or s itself.
func (x *oauthIndex) usesOf(s *model.StringConst) []inspector.Cursor {
	var id *ast.Ident
	p := s.Cursor.Parent()
	switch k, i := s.Cursor.ParentEdge(); k {
	case edge.ValueSpec_Values:
		if vs := p.Node().(*ast.ValueSpec); i < len(vs.Names) && len(vs.Names) == len(vs.Values) {
			id = vs.Names[i]
		}
	case edge.AssignStmt_Rhs:
		if as := p.Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) && as.Tok == token.DEFINE {
			id, _ = as.Lhs[i].(*ast.Ident)
		}
	default:
		return []inspector.Cursor{s.Cursor}
	}
	if id == nil {
		return nil
	}
	obj := x.info.Defs[id]
	if obj == nil {
		return nil
	}
	return x.identUses()[obj]
}

func (x *oauthIndex) identUses() map[types.Object][]inspector.Cursor {
	if x.uses == nil {
		x.uses = map[types.Object][]inspector.Cursor{}
		for cur := range x.c.m.Inspector.Root().Preorder((*ast.Ident)(nil)) {
			if obj := x.info.Uses[cur.Node().(*ast.Ident)]; obj != nil {
				if _, ok := obj.(*types.Var); ok {
					x.uses[obj] = append(x.uses[obj], cur)
				} else if _, ok := obj.(*types.Const); ok {
					x.uses[obj] = append(x.uses[obj], cur)
				}
			}
		}
	}
	return x.uses
}

// useIsOAuth reports whether the document used at u goes straight into an
// OAuth request: machinebox NewRequest(u) with an OAuth request, or hasura
// Exec/ExecRaw/SubscribeRaw(…u…) on an OAuth client.
func (x *oauthIndex) useIsOAuth(u inspector.Cursor) bool {
	for u.Parent().Valid() {
		if _, ok := u.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		u = u.Parent()
	}
	if u.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	callCur := u.Parent()
	call := callCur.Node().(*ast.CallExpr)
	fn, _ := typeutil.Callee(x.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch path := fn.Pkg().Path(); {
	case path == modMachinebox && fn.Name() == "NewRequest" && model.RecvName(fn) == "":
		req := x.assignedTo(callCur)
		return req != nil && x.requestIsOAuth(req, callCur)
	case model.PathWithin(path, modHasura) && model.RecvName(fn) != "":
		switch fn.Name() {
		case "Exec", "ExecRaw", "SubscribeRaw":
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return x.clientIsOAuth(sel.X, callCur)
			}
		}
	}
	return false
}

// assignedTo returns the variable that the value at cur initialises
// (v := e, var v = e), or nil.
func (x *oauthIndex) assignedTo(cur inspector.Cursor) types.Object {
	p := cur.Parent()
	var id *ast.Ident
	switch k, i := cur.ParentEdge(); k {
	case edge.AssignStmt_Rhs:
		if as := p.Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			id, _ = as.Lhs[i].(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		if vs := p.Node().(*ast.ValueSpec); len(vs.Names) == len(vs.Values) {
			id = vs.Names[i]
		}
	}
	if id == nil {
		return nil
	}
	if obj := x.info.Defs[id]; obj != nil {
		return obj
	}
	return x.info.Uses[id]
}

// requestIsOAuth reports whether the machinebox request variable req gets an
// "Authorization: Bearer" header built from an oauth2.Token's AccessToken,
// or is run by an OAuth client, in the function that creates it.
func (x *oauthIndex) requestIsOAuth(req types.Object, at inspector.Cursor) bool {
	scope := enclosingFunc(at)
	for _, s := range x.c.m.Sinks {
		if s.Scheme != "Bearer" || !scope.Contains(s.Cursor) || !x.refersTo(s.Target, req) {
			continue
		}
		if x.hasAccessToken(s.Secret) {
			return true
		}
	}
	for cur := range scope.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(x.info, call).(*types.Func)
		if !model.IsFunc(fn, modMachinebox, "Client", "Run") || len(call.Args) < 2 || !x.refersTo(call.Args[1], req) {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && x.clientIsOAuth(sel.X, cur) {
			return true
		}
	}
	return false
}

func enclosingFunc(c inspector.Cursor) inspector.Cursor {
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f
	}
	return c.Inspector().Root()
}

func (x *oauthIndex) refersTo(e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && x.info.Uses[id] == obj
}

// hasAccessToken reports whether e mentions tok.AccessToken of an
// oauth2.Token.
func (x *oauthIndex) hasAccessToken(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if found || !ok || sel.Sel.Name != "AccessToken" {
			return !found
		}
		found = isOAuth2Type(x.info.TypeOf(sel.X))
		return !found
	})
	return found
}

// isOAuth2Type reports whether t (through a pointer) is a named type of
// golang.org/x/oauth2 or a package below it.
func isOAuth2Type(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && model.PathWithin(n.Obj().Pkg().Path(), modOAuth2)
}

// clientIsOAuth reports whether the GraphQL client expression e was built
// over an OAuth HTTP client: graphql.NewClient(url, hc) (hasura, shurcooL,
// genqlient) or graphql.NewClient(url, graphql.WithHTTPClient(hc))
// (machinebox), written there or one assignment away.
func (x *oauthIndex) clientIsOAuth(e ast.Expr, at inspector.Cursor) bool {
	if !x.enabled {
		return false
	}
	call, ok := x.resolve(e, at).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(x.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Name() != "NewClient" || model.RecvName(fn) != "" {
		return false
	}
	switch path := fn.Pkg().Path(); {
	case model.PathWithin(path, modHasura), path == modShurcooL, model.PathWithin(path, modGenqlient):
		return len(call.Args) >= 2 && x.httpIsOAuth(call.Args[1], at)
	case path == modMachinebox:
		for _, a := range call.Args[1:] {
			opt, ok := ast.Unparen(a).(*ast.CallExpr)
			if !ok || len(opt.Args) != 1 {
				continue
			}
			if f, _ := typeutil.Callee(x.info, opt).(*types.Func); model.IsFunc(f, modMachinebox, "", "WithHTTPClient") && x.httpIsOAuth(opt.Args[0], at) {
				return true
			}
		}
	}
	return false
}

// httpIsOAuth reports whether e is an *http.Client returned by a function
// or method of golang.org/x/oauth2 (oauth2.NewClient, Config.Client), or an
// http.Client literal whose Transport is an oauth2 type.
func (x *oauthIndex) httpIsOAuth(e ast.Expr, at inspector.Cursor) bool {
	switch v := x.resolve(e, at).(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(x.info, v).(*types.Func)
		return fn != nil && fn.Pkg() != nil && model.PathWithin(fn.Pkg().Path(), modOAuth2)
	case *ast.UnaryExpr:
		if v.Op == token.AND {
			return x.httpIsOAuth(v.X, at)
		}
	case *ast.CompositeLit:
		for key, value := range model.KeyedFields(v) {
			if key.Name == "Transport" {
				return isOAuth2Type(x.info.TypeOf(value))
			}
		}
	}
	return false
}

// resolve returns e, or when e is a variable, the expression it is
// initialised with (v := expr, var v = expr) when that is its only
// assignment, looked up in the function enclosing at or at package level.
func (x *oauthIndex) resolve(e ast.Expr, at inspector.Cursor) ast.Expr {
	e = ast.Unparen(e)
	id, ok := e.(*ast.Ident)
	if !ok {
		return e
	}
	obj, _ := x.info.Uses[id].(*types.Var)
	if obj == nil || !obj.Pos().IsValid() {
		return e
	}
	root := x.c.m.Inspector.Root()
	def, ok := root.FindByPos(obj.Pos(), obj.Pos()+token.Pos(len(obj.Name())))
	if !ok {
		return e
	}
	var init ast.Expr
	switch k, i := def.ParentEdge(); k {
	case edge.AssignStmt_Lhs:
		if as := def.Parent().Node().(*ast.AssignStmt); as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			init = as.Rhs[i]
		}
	case edge.ValueSpec_Names:
		if vs := def.Parent().Node().(*ast.ValueSpec); len(vs.Names) == len(vs.Values) {
			init = vs.Values[i]
		}
	}
	if init == nil {
		return e
	}
	// Only assignment: no other "obj = …" in the package.
	for _, u := range x.identUses()[obj] {
		if u.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return e
		}
	}
	return ast.Unparen(init)
}
