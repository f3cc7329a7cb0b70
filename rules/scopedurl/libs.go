package scopedurl

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/atlint/atlint/analyzer/model"
)

// Client libraries whose credentials and base URL the rule reads itself
// (the shared model does not know them yet).
const (
	modResty       = "github.com/go-resty/resty"
	modRestyV3     = "resty.dev/v3"
	modConfluence  = "github.com/virtomize/confluence-go-api"
	modConfluence0 = "github.com/cseeger-epages/confluence-go-api" // its earlier home
)

// libraryReaches links the credentials of library clients to their base
// URL: a confluence-go-api client, NewAPI(url, user, token), sends Basic
// auth to url; a resty client with SetBasicAuth or SetAuthToken sends it to
// the URL of its SetBaseURL (SetHostURL), and a resty request with them to
// the URL of its Get, Post... call.
func libraryReaches(info *types.Info, m *model.Result) []*model.Reach {
	out := graphqlReaches(info, m)
	if !m.Imports(modResty, modRestyV3, modConfluence, modConfluence0) {
		return out
	}
	var bases []*ast.CallExpr // resty SetBaseURL/SetHostURL calls
	type auth struct {
		call *ast.CallExpr
		fn   *types.Func
	}
	var auths []auth
	for c := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := model.Callee(info, call)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		path := fn.Pkg().Path()
		switch {
		case (model.PathWithin(path, modConfluence) || model.PathWithin(path, modConfluence0)) && fn.Name() == "NewAPI" && model.RecvName(fn) == "" && len(call.Args) == 3:
			s := &model.AuthSink{Kind: model.AuthBasic, Library: "confluence-go-api", Node: call, Cursor: c, User: call.Args[1], Secret: call.Args[2], Scheme: "Basic", Target: call}
			out = append(out, &model.Reach{Sink: s, Call: call, Cursor: c, URL: call.Args[0], Library: "confluence-go-api", Package: path})
		case model.PathWithin(path, modResty) || model.PathWithin(path, modRestyV3):
			switch fn.Name() {
			case "SetBaseURL", "SetHostURL":
				if model.RecvName(fn) == "Client" && len(call.Args) == 1 {
					bases = append(bases, call)
				}
			case "SetBasicAuth", "SetAuthToken":
				auths = append(auths, auth{call, fn})
			case "SetHeader":
				if k, ok := model.ConstString(info, call.Args[0]); ok && len(call.Args) == 2 && strings.EqualFold(k, "Authorization") {
					auths = append(auths, auth{call, fn})
				}
			}
		}
	}
	for _, a := range auths {
		s := &model.AuthSink{Library: "resty", Node: a.call, Target: receiver(a.call)}
		if c, ok := m.Inspector.Root().FindNode(a.call); ok {
			s.Cursor = c
		}
		switch {
		case a.fn.Name() == "SetBasicAuth" && len(a.call.Args) == 2:
			s.Kind, s.Scheme, s.User, s.Secret = model.AuthBasic, "Basic", a.call.Args[0], a.call.Args[1]
		case a.fn.Name() == "SetAuthToken" && len(a.call.Args) == 1:
			s.Kind, s.Scheme, s.Secret = model.AuthBearer, "Bearer", a.call.Args[0]
		case a.fn.Name() == "SetHeader":
			s.Kind, s.Scheme, s.Secret = model.AuthHeader, model.HeaderScheme(info, a.call.Args[1]), a.call.Args[1]
		default:
			continue
		}
		var urls []ast.Expr
		switch model.RecvName(a.fn) {
		case "Client":
			// The base URLs set on the same client: in the same call chain,
			// or on the same variable or field.
			root := chainRoot(info, a.call)
			for _, b := range bases {
				if sameClient(info, m, root, chainRoot(info, b)) {
					urls = append(urls, b.Args[0])
				}
			}
		case "Request":
			// client.R().SetBasicAuth(u, p).Get(url)
			if c, ok := m.Inspector.Root().FindNode(a.call); ok {
				if u := chainedRequestURL(info, c); u != nil {
					urls = append(urls, u)
				}
			}
			// client.OnBeforeRequest(func(c *resty.Client, r *resty.Request) error {
			//	r.SetHeader("Authorization", "Basic "+...) }): the client's base URLs.
			if mw := middlewareOf(info, m, a.call); mw != nil {
				root := chainRoot(info, mw)
				for _, b := range bases {
					if sameClient(info, m, root, chainRoot(info, b)) {
						urls = append(urls, b.Args[0])
					}
				}
			}
		}
		for _, u := range urls {
			out = append(out, &model.Reach{Sink: s, Call: a.call, Cursor: s.Cursor, URL: u, Library: "resty", Package: a.fn.Pkg().Path()})
		}
	}
	return out
}

// receiver is x in x.f(...).
func receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// chainRoot follows a method chain a.B().C().D() down to a: the first
// receiver that is not a method call (resty.New() for
// resty.New().SetBaseURL(u).SetBasicAuth(...)).
func chainRoot(info *types.Info, call *ast.CallExpr) ast.Expr {
	e := receiver(call)
	for {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return e
		}
		r := receiver(c)
		if id, ok := ast.Unparen(r).(*ast.Ident); r == nil || ok && isPkgName(info, id) {
			return c // resty.New()
		}
		e = r
	}
}

func isPkgName(info *types.Info, id *ast.Ident) bool {
	_, ok := info.Uses[id].(*types.PkgName)
	return ok
}

// sameClient reports whether two chain roots are the same client: the same
// call (resty.New().SetBaseURL(u).SetBasicAuth(...)), the same variable or
// field, or a variable assigned the other's chain (c := resty.New().SetBaseURL(u)).
func sameClient(info *types.Info, m *model.Result, a, b ast.Expr) bool {
	ia, ib := clientIDs(info, m, a), clientIDs(info, m, b)
	for id := range ia {
		if ib[id] {
			return true
		}
	}
	return false
}

// clientIDs names a client root: its variable or field, and the calls that
// made the values the variable holds.
func clientIDs(info *types.Info, m *model.Result, e ast.Expr) map[any]bool {
	e = ast.Unparen(e)
	out := map[any]bool{}
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := model.ObjectOf(info, e).(*types.Var)
		if !ok {
			return out
		}
		out[v] = true
		for _, val := range m.Values(info, e) {
			if call, ok := ast.Unparen(val.Expr).(*ast.CallExpr); ok && val.Index < 1 {
				out[ast.Unparen(chainRoot(info, call))] = true
			}
		}
	case *ast.CallExpr:
		out[e] = true
	}
	return out
}

// chainedRequestURL returns the URL argument of the Get, Post... call that
// a resty request method chain at c ends in.
func chainedRequestURL(info *types.Info, c inspector.Cursor) ast.Expr {
	for depth := 0; depth < 8; depth++ {
		sel, ok := c.Parent().Node().(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		call, ok := c.Parent().Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != sel {
			return nil
		}
		fn := model.Callee(info, call)
		if fn == nil || model.RecvName(fn) != "Request" {
			return nil
		}
		switch fn.Name() {
		case "Get", "Head", "Post", "Put", "Patch", "Delete", "Options":
			if len(call.Args) == 1 {
				return call.Args[0]
			}
			return nil
		case "Execute":
			if len(call.Args) == 2 {
				return call.Args[1]
			}
			return nil
		}
		c = c.Parent().Parent()
	}
	return nil
}

// acceptsGateway reports whether the package already accepts the API
// gateway form or a cloud ID: a string naming api.atlassian.com or an
// /ex/jira, /ex/confluence prefix, or a name that says cloud ID.
func acceptsGateway(info *types.Info, m *model.Result) bool {
	for _, s := range m.Strings {
		v := strings.ToLower(s.Value)
		if strings.Contains(v, "api.atlassian.com") || strings.Contains(v, "/ex/jira") || strings.Contains(v, "/ex/confluence") || mentionsCloudID(v) {
			return true
		}
	}
	for id := range info.Defs {
		if id != nil && mentionsCloudID(strings.ToLower(id.Name)) {
			return true
		}
	}
	return false
}

func mentionsCloudID(lower string) bool {
	return strings.Contains(lower, "cloudid") || strings.Contains(lower, "cloud_id") || strings.Contains(lower, "cloud-id")
}

// middlewareOf returns the OnBeforeRequest call whose function literal
// declares the request that call's receiver names, or nil.
func middlewareOf(info *types.Info, m *model.Result, call *ast.CallExpr) *ast.CallExpr {
	id, ok := ast.Unparen(chainRoot(info, call)).(*ast.Ident)
	if !ok {
		return nil
	}
	param, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	c, ok := m.Inspector.Root().FindNode(call)
	if !ok {
		return nil
	}
	for fc := range c.Enclosing((*ast.FuncLit)(nil)) {
		lit := fc.Node().(*ast.FuncLit)
		declares := false
		for _, f := range lit.Type.Params.List {
			for _, n := range f.Names {
				declares = declares || info.Defs[n] == param
			}
		}
		if !declares {
			continue
		}
		mw, ok := fc.Parent().Node().(*ast.CallExpr)
		if !ok {
			return nil
		}
		if fn := model.Callee(info, mw); fn != nil && fn.Name() == "OnBeforeRequest" && model.RecvName(fn) == "Client" {
			return mw
		}
		return nil
	}
	return nil
}

// GraphQL client libraries that take an endpoint and an HTTP client.
const (
	modGenqlient  = "github.com/Khan/genqlient/graphql"
	modHasura     = "github.com/hasura/go-graphql-client"
	modMachinebox = "github.com/machinebox/graphql"
)

// graphqlReaches links the credentials that a RoundTripper of the package
// sets to the endpoint of a GraphQL client built on an *http.Client with
// that transport: genqlient and hasura NewClient(endpoint, httpClient),
// machinebox NewClient(endpoint, WithHTTPClient(httpClient)).
func graphqlReaches(info *types.Info, m *model.Result) []*model.Reach {
	if !m.Imports(modGenqlient, modHasura, modMachinebox) || len(m.Sinks) == 0 {
		return nil
	}
	// Transports of the package that set credentials: the receiver types
	// of RoundTrip methods holding a sink.
	transports := map[*types.TypeName][]*model.AuthSink{}
	for _, s := range m.Sinks {
		for fc := range s.Cursor.Enclosing((*ast.FuncDecl)(nil)) {
			fd := fc.Node().(*ast.FuncDecl)
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil || fn.Name() != "RoundTrip" {
				break
			}
			recv := fn.Type().(*types.Signature).Recv()
			if n := namedOf(recv.Type()); n != nil {
				transports[n.Obj()] = append(transports[n.Obj()], s)
			}
			break
		}
	}
	if len(transports) == 0 {
		return nil
	}
	var out []*model.Reach
	for c := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := model.Callee(info, call)
		if fn == nil || fn.Pkg() == nil || fn.Name() != "NewClient" || model.RecvName(fn) != "" || len(call.Args) < 1 {
			continue
		}
		var hc ast.Expr
		switch path := fn.Pkg().Path(); {
		case path == modGenqlient, path == modHasura:
			if len(call.Args) >= 2 {
				hc = call.Args[1]
			}
		case path == modMachinebox:
			for _, opt := range call.Args[1:] {
				if oc, ok := ast.Unparen(opt).(*ast.CallExpr); ok && len(oc.Args) == 1 {
					if of := model.Callee(info, oc); of != nil && of.Name() == "WithHTTPClient" {
						hc = oc.Args[0]
					}
				}
			}
		}
		if hc == nil {
			continue
		}
		for _, s := range clientTransportSinks(info, m, hc, transports) {
			out = append(out, &model.Reach{Sink: s, Call: call, Cursor: c, URL: call.Args[0], Library: "graphql", Package: fn.Pkg().Path()})
		}
	}
	return out
}

// clientTransportSinks returns the sinks of the transport an *http.Client
// expression is built with: &http.Client{Transport: &T{...}}, possibly
// through variables.
func clientTransportSinks(info *types.Info, m *model.Result, hc ast.Expr, transports map[*types.TypeName][]*model.AuthSink) []*model.AuthSink {
	for _, v := range m.Values(info, hc) {
		e := ast.Unparen(v.Expr)
		if u, ok := e.(*ast.UnaryExpr); ok {
			e = ast.Unparen(u.X)
		}
		lit, ok := e.(*ast.CompositeLit)
		if !ok || !model.IsNamed(info.TypeOf(lit), "net/http", "Client") {
			continue
		}
		for key, value := range model.KeyedFields(lit) {
			if key.Name != "Transport" {
				continue
			}
			for _, tv := range m.Values(info, value) {
				if n := namedOf(info.TypeOf(tv.Expr)); n != nil && transports[n.Obj()] != nil {
					return transports[n.Obj()]
				}
			}
		}
	}
	return nil
}
