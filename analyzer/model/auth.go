package model

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// AuthKind is how a sink sends a credential.
type AuthKind int

const (
	AuthBasic  AuthKind = iota + 1 // HTTP Basic: User and Secret
	AuthBearer                     // Authorization: Bearer Secret
	AuthHeader                     // a raw Authorization header value; see AuthSink.Scheme
)

func (k AuthKind) String() string {
	switch k {
	case AuthBasic:
		return "Basic"
	case AuthBearer:
		return "Bearer"
	case AuthHeader:
		return "Authorization header"
	}
	return "unknown"
}

// Libraries whose auth sinks the model knows, by module path.
const (
	ModGoJira      = "github.com/andygrunwald/go-jira"
	ModGoAtlassian = "github.com/ctreminiom/go-atlassian"
)

// An AuthSink is a place where the package hands a credential to an HTTP
// client: (*http.Request).SetBasicAuth, Header.Set/Add("Authorization", v),
// go-jira's BasicAuthTransport/PATAuthTransport/BearerAuthTransport literals
// and client.Authentication.SetBasicAuth, and go-atlassian's
// client.Auth.SetBasicAuth/SetBearerToken.
type AuthSink struct {
	Kind    AuthKind
	Library string // "net/http", "go-jira" or "go-atlassian"
	Node    ast.Node
	Cursor  inspector.Cursor

	User   ast.Expr // Basic: the user name or e-mail; nil otherwise
	Secret ast.Expr // the token, password or header value

	// Scheme is the auth scheme of an AuthHeader value when the code makes it
	// visible ("Basic", "Bearer"; "" when unknown). For AuthBasic and
	// AuthBearer it is "Basic" and "Bearer".
	Scheme string

	// Target is what receives the credential: the *http.Request expression
	// (req in req.SetBasicAuth or req.Header.Set), the transport composite
	// literal, or the library client (c in c.Auth.SetBasicAuth or
	// c.Authentication.SetBasicAuth).
	Target ast.Expr
}

func collectSinks(pass *analysis.Pass, in *inspector.Inspector) []*AuthSink {
	var sinks []*AuthSink
	for c := range in.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		var s *AuthSink
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			s = callSink(pass.TypesInfo, n)
		case *ast.CompositeLit:
			s = transportSink(pass.TypesInfo, n)
		}
		if s != nil {
			s.Node, s.Cursor = c.Node(), c
			sinks = append(sinks, s)
		}
	}
	return sinks
}

func callSink(info *types.Info, call *ast.CallExpr) *AuthSink {
	// Cheap gate on the spelling before any type lookup.
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	switch sel.Sel.Name {
	case "SetBasicAuth", "Set", "Add", "SetBearerToken":
	default:
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	pkg, recv := fn.Pkg().Path(), RecvName(fn)
	switch {
	case pkg == "net/http" && recv == "Request" && fn.Name() == "SetBasicAuth" && len(call.Args) == 2:
		return &AuthSink{Kind: AuthBasic, Library: "net/http", User: call.Args[0], Secret: call.Args[1], Scheme: "Basic", Target: sel.X}
	case pkg == "net/http" && recv == "Header" && (fn.Name() == "Set" || fn.Name() == "Add") && len(call.Args) == 2:
		if !isAuthorization(info, call.Args[0]) {
			return nil
		}
		target := sel.X
		if hs, ok := ast.Unparen(target).(*ast.SelectorExpr); ok && hs.Sel.Name == "Header" {
			target = hs.X
		}
		return &AuthSink{Kind: AuthHeader, Library: "net/http", Secret: call.Args[1], Scheme: HeaderScheme(info, call.Args[1]), Target: target}
	case PathWithin(pkg, ModGoJira) && recv == "AuthenticationService" && fn.Name() == "SetBasicAuth" && len(call.Args) == 2:
		return &AuthSink{Kind: AuthBasic, Library: "go-jira", User: call.Args[0], Secret: call.Args[1], Scheme: "Basic", Target: stripField(sel.X, "Authentication")}
	case PathWithin(pkg, ModGoAtlassian) && fn.Name() == "SetBasicAuth" && len(call.Args) == 2:
		return &AuthSink{Kind: AuthBasic, Library: "go-atlassian", User: call.Args[0], Secret: call.Args[1], Scheme: "Basic", Target: stripField(sel.X, "Auth")}
	case PathWithin(pkg, ModGoAtlassian) && fn.Name() == "SetBearerToken" && len(call.Args) == 1:
		return &AuthSink{Kind: AuthBearer, Library: "go-atlassian", Secret: call.Args[0], Scheme: "Bearer", Target: stripField(sel.X, "Auth")}
	}
	return nil
}

// transportSink recognises go-jira auth transports (v1 and v2 module paths).
func transportSink(info *types.Info, lit *ast.CompositeLit) *AuthSink {
	if !strings.HasSuffix(typeName(lit.Type), "AuthTransport") {
		return nil
	}
	tv, ok := info.Types[lit]
	if !ok {
		return nil
	}
	named, _ := types.Unalias(tv.Type).(*types.Named)
	if named == nil || named.Obj().Pkg() == nil || !PathWithin(named.Obj().Pkg().Path(), ModGoJira) {
		return nil
	}
	s := &AuthSink{Library: "go-jira", Target: lit}
	switch named.Obj().Name() {
	case "BasicAuthTransport":
		s.Kind, s.Scheme = AuthBasic, "Basic"
	case "PATAuthTransport", "BearerAuthTransport":
		s.Kind, s.Scheme = AuthBearer, "Bearer"
	default:
		return nil
	}
	for key, value := range KeyedFields(lit) {
		switch key.Name {
		case "Username":
			s.User = value
		case "Password", "APIToken", "Token":
			s.Secret = value
		}
	}
	if s.Secret == nil && s.User == nil {
		return nil
	}
	return s
}

// RecvName returns the name of the named type of fn's receiver (through a
// pointer), or "" for a function.
func RecvName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// IsFunc reports whether fn is the package-level function or method
// pkg.[recv.]name; recv is "" for a function. pkg matches the exact path.
func IsFunc(fn *types.Func, pkg, recv, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && RecvName(fn) == recv
}

func isAuthorization(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && strings.EqualFold(constStr(tv), "Authorization")
}

// HeaderScheme returns the scheme ("Basic", "Bearer") an Authorization
// header value visibly starts with: a constant, a concatenation whose first
// operand is constant, or fmt.Sprintf with a constant format. It returns ""
// when the scheme is not visible.
func HeaderScheme(info *types.Info, e ast.Expr) string {
	prefix := ""
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		prefix = constStr(tv)
	} else {
		switch x := e.(type) {
		case *ast.BinaryExpr:
			for {
				l, ok := ast.Unparen(x.X).(*ast.BinaryExpr)
				if !ok {
					break
				}
				x = l
			}
			if tv, ok := info.Types[x.X]; ok && tv.Value != nil {
				prefix = constStr(tv)
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, x).(*types.Func)
			if IsFunc(fn, "fmt", "", "Sprintf") && len(x.Args) > 0 {
				if tv, ok := info.Types[x.Args[0]]; ok && tv.Value != nil {
					prefix = constStr(tv)
				}
			}
		}
	}
	for _, s := range []string{"Basic", "Bearer"} {
		if len(prefix) > len(s) && strings.EqualFold(prefix[:len(s)], s) && prefix[len(s)] == ' ' {
			return s
		}
	}
	return ""
}

func constStr(tv types.TypeAndValue) string {
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}

func stripField(e ast.Expr, field string) ast.Expr {
	if s, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && s.Sel.Name == field {
		return s.X
	}
	return e
}

// typeName is the last identifier of a type expression (jira.X → "X").
func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		return typeName(e.X)
	}
	return ""
}
