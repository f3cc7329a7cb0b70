package apppassword

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// A prefix is a candidate constant start of a URL expression; complete
// when it is the whole value.
type prefix struct {
	s        string
	complete bool
}

const (
	maxDepth = 8
	maxCands = 16
)

// cloudHost returns the Bitbucket Cloud host a URL expression may hold,
// from its constant prefixes: constants, concatenations, fmt.Sprintf,
// url.JoinPath, cmp.Or, flag defaults, and the values the model finds for
// variables, fields and parameters. OAuth endpoints (bitbucket.org/site/oauth2)
// do not count.
func (c *checker) cloudHost(e ast.Expr) (string, bool) {
	c.depth = 0
	for _, p := range c.prefixes(e) {
		u, ok := atlassian.ParseURL(p.s)
		if !ok || u.Kind != atlassian.HostBitbucket {
			continue
		}
		// The host must be written whole: "https://api.bitbucket.org" + x
		// may be api.bitbucket.org.example.com.
		rest := p.s[strings.Index(p.s, "://")+3:]
		if !p.complete && !strings.ContainsAny(rest, "/?#") {
			continue
		}
		if strings.HasPrefix(u.Path, "/site/oauth2") {
			continue
		}
		return u.Host, true
	}
	return "", false
}

func (c *checker) prefixes(e ast.Expr) []prefix {
	if e == nil || c.depth > maxDepth {
		return nil
	}
	c.depth++
	defer func() { c.depth-- }()
	e = ast.Unparen(e)
	if s, ok := model.ConstString(c.info, e); ok {
		return []prefix{{s, true}}
	}
	var out []prefix
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return nil
		}
		for _, l := range c.prefixes(x.X) {
			if !l.complete {
				out = append(out, l)
				continue
			}
			rs := c.prefixes(x.Y)
			if len(rs) == 0 {
				out = append(out, prefix{l.s, false})
			}
			for _, r := range rs {
				out = append(out, prefix{l.s + r.s, r.complete})
			}
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil || model.RecvName(fn) != "" || len(x.Args) == 0 {
			return nil
		}
		switch pkg, name := fn.Pkg().Path(), fn.Name(); {
		case pkg == "fmt" && name == "Sprintf":
			for _, f := range c.prefixes(x.Args[0]) {
				if i := strings.IndexByte(f.s, '%'); i >= 0 {
					f = prefix{f.s[:i], false}
				}
				out = append(out, f)
			}
		case pkg == "net/url" && name == "JoinPath", pkg == "strings" && (name == "TrimSuffix" || name == "TrimRight" || name == "TrimSpace"):
			for _, f := range c.prefixes(x.Args[0]) {
				out = append(out, prefix{f.s, false})
			}
		case pkg == "cmp" && name == "Or":
			for _, a := range x.Args {
				out = append(out, c.prefixes(a)...)
			}
		}
	case *ast.StarExpr:
		// *p with p := flag.String(name, default, usage).
		for _, v := range c.m.Values(c.info, x.X) {
			if call, ok := v.Expr.(*ast.CallExpr); ok && v.Index < 1 && len(call.Args) == 3 {
				if fn, _ := typeutil.Callee(c.info, call).(*types.Func); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "flag" && fn.Name() == "String" {
					out = append(out, c.prefixes(call.Args[1])...)
				}
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		for _, v := range c.m.Values(c.info, x) {
			if v.Expr != x && v.Index < 1 {
				out = append(out, c.prefixes(v.Expr)...)
			}
		}
	}
	if len(out) > maxCands {
		out = out[:maxCands]
	}
	return out
}

// userinfoPlaces finds URLs built with a password in their userinfo and a
// Bitbucket Cloud host: concatenations and fmt.Sprintf formats, found from
// the model's constant strings that name the host, and url.UserPassword
// stored as the User of a url.URL whose host is Bitbucket Cloud.
func (c *checker) userinfoPlaces() []place {
	var out []place
	seen := map[ast.Node]bool{}
	for _, sc := range c.m.Strings {
		if !strings.Contains(strings.ToLower(sc.Value), "bitbucket.org") {
			continue
		}
		root, pieces := c.template(sc.Cursor)
		if root == nil || seen[root] {
			continue
		}
		seen[root] = true
		if p, ok := userinfoPlace(root, pieces); ok {
			out = append(out, p)
		}
	}
	if p := importedPkg(c.pass.Pkg, "net/url"); p != nil {
		if fn, ok := p.Scope().Lookup("UserPassword").(*types.Func); ok {
			for _, call := range c.callsOf(fn) {
				if len(call.Args) != 2 {
					continue
				}
				if host, ok := c.userHost(call); ok {
					use := useGit
					if host == "api.bitbucket.org" {
						use = useREST
					}
					out = append(out, place{node: call, user: call.Args[0], secret: call.Args[1], host: host, use: use})
				}
			}
		}
	}
	return out
}

// userHost returns the Bitbucket Cloud host of the url.URL whose User a
// url.UserPassword call (at call) becomes: url.URL{Host: "bitbucket.org",
// User: ...}, or u.User = ... with u from url.Parse("https://bitbucket.org/...")
// or a url.URL literal.
func (c *checker) userHost(call *ast.CallExpr) (string, bool) {
	cur, ok := c.m.Inspector.Root().FindNode(call)
	if !ok {
		return "", false
	}
	for {
		if _, ok := cur.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		cur = cur.Parent()
	}
	var urls []ast.Expr // url.URL literals or url.Parse calls
	switch p := cur.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		if key, ok := p.Key.(*ast.Ident); ok && key.Name == "User" {
			if lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit); ok {
				urls = append(urls, lit)
			}
		}
	case *ast.AssignStmt:
		if k, i := cur.ParentEdge(); k == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) {
			if sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr); ok && sel.Sel.Name == "User" {
				for _, v := range c.m.Values(c.info, sel.X) {
					if v.Index < 1 {
						urls = append(urls, v.Expr)
					}
				}
			}
		}
	}
	for _, u := range urls {
		e := ast.Unparen(u)
		if un, ok := e.(*ast.UnaryExpr); ok && un.Op == token.AND {
			e = ast.Unparen(un.X)
		}
		switch x := e.(type) {
		case *ast.CompositeLit:
			for key, value := range model.KeyedFields(x) {
				if key.Name != "Host" {
					continue
				}
				if s, ok := model.ConstString(c.info, value); ok {
					if h := atlassian.ClassifyHost(s); h.Kind == atlassian.HostBitbucket {
						return h.Host, true
					}
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(c.info, x).(*types.Func)
			if model.IsFunc(fn, "net/url", "", "Parse") && len(x.Args) == 1 {
				if h, ok := c.cloudHost(x.Args[0]); ok {
					return h, true
				}
			}
		}
	}
	return "", false
}

// A piece of a URL template: constant text, or an expression.
type piece struct {
	text string
	expr ast.Expr
}

// template returns the URL expression around the constant string at cur
// and its pieces: the top of a non-constant concatenation, or the
// fmt.Sprintf call whose format it is.
func (c *checker) template(cur inspector.Cursor) (ast.Node, []piece) {
	for {
		if _, ok := cur.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		cur = cur.Parent()
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.BinaryExpr:
		if p.Op != token.ADD {
			return nil, nil
		}
		top := cur.Parent()
		for {
			up := top.Parent()
			if pe, ok := up.Node().(*ast.ParenExpr); ok && pe != nil {
				top = up
				continue
			}
			if b, ok := up.Node().(*ast.BinaryExpr); ok && b.Op == token.ADD {
				top = up
				continue
			}
			break
		}
		root := ast.Unparen(top.Node().(ast.Expr))
		var pieces []piece
		var flatten func(e ast.Expr)
		flatten = func(e ast.Expr) {
			e = ast.Unparen(e)
			if s, ok := model.ConstString(c.info, e); ok {
				pieces = append(pieces, piece{text: s})
				return
			}
			if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
				flatten(b.X)
				flatten(b.Y)
				return
			}
			pieces = append(pieces, piece{expr: e})
		}
		flatten(root)
		return root, pieces
	case *ast.CallExpr:
		if k, i := cur.ParentEdge(); k != edge.CallExpr_Args || i != 0 {
			return nil, nil
		}
		fn, _ := typeutil.Callee(c.info, p).(*types.Func)
		if !model.IsFunc(fn, "fmt", "", "Sprintf") {
			return nil, nil
		}
		format, _ := model.ConstString(c.info, p.Args[0])
		return p, formatPieces(format, p.Args[1:])
	}
	return nil, nil
}

// formatPieces splits a format at its verbs; a verb stands for its
// argument (nil when missing).
func formatPieces(format string, args []ast.Expr) []piece {
	var out []piece
	var text strings.Builder
	arg := 0
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' {
			text.WriteByte(ch)
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			text.WriteByte('%')
			i++
			continue
		}
		// Skip flags, width, precision and an explicit index to the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			j++
		}
		if text.Len() > 0 {
			out = append(out, piece{text: text.String()})
			text.Reset()
		}
		var e ast.Expr
		if arg < len(args) {
			e = args[arg]
		}
		arg++
		out = append(out, piece{expr: e})
		if e == nil {
			out[len(out)-1].text = "\x00" // a missing argument: not followed
		}
		i = j
	}
	if text.Len() > 0 {
		out = append(out, piece{text: text.String()})
	}
	return out
}

// userinfoPlace reads scheme://user:password@host/... from the pieces. The
// password must be one expression; the host must be written as text.
func userinfoPlace(root ast.Node, pieces []piece) (place, bool) {
	// The template with each expression as \x00.
	var tpl strings.Builder
	var exprs []ast.Expr
	for _, p := range pieces {
		if p.expr != nil {
			tpl.WriteByte(0)
			exprs = append(exprs, p.expr)
		} else {
			tpl.WriteString(strings.ReplaceAll(p.text, "\x00", "\x01"))
		}
	}
	s := tpl.String()
	i := strings.Index(s, "://")
	if i < 0 {
		return place{}, false
	}
	scheme := strings.ToLower(s[:i])
	if scheme != "https" && scheme != "http" {
		return place{}, false
	}
	exprAt := strings.Count(s[:i], "\x00") // expressions before the authority
	rest := s[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority := rest[:end]
	at := strings.LastIndexByte(authority, '@')
	if at < 0 {
		return place{}, false
	}
	hostPort := authority[at+1:]
	if strings.ContainsAny(hostPort, "\x00\x01") {
		return place{}, false
	}
	host := hostPort
	if j := strings.LastIndexByte(host, ':'); j >= 0 {
		host = host[:j]
	}
	u := atlassian.ClassifyHost(host)
	if u.Kind != atlassian.HostBitbucket {
		return place{}, false
	}
	userinfo := authority[:at]
	colon := strings.IndexByte(userinfo, ':')
	if colon < 0 {
		return place{}, false
	}
	userPart, pwPart := userinfo[:colon], userinfo[colon+1:]
	if pwPart != "\x00" {
		return place{}, false // a constant password (ATL101's), or several pieces
	}
	var user ast.Expr
	switch n := strings.Count(userPart, "\x00"); {
	case n == 0:
		switch userPart {
		case "x-token-auth", "x-bitbucket-api-token-auth":
			return place{}, false // an access token or an API token
		}
		if isEmail(strings.ReplaceAll(userPart, "%40", "@")) {
			return place{}, false
		}
	case n == 1 && userPart == "\x00":
		user = exprs[exprAt]
	}
	secret := exprs[exprAt+strings.Count(userPart, "\x00")]
	use := useGit
	if u.Host == "api.bitbucket.org" {
		use = useREST // net/http sends URL userinfo as Basic auth
	}
	return place{node: root, user: user, secret: secret, host: u.Host, use: use}, true
}

// goGitPlaces finds go-git http.BasicAuth literals used in options whose
// URL (CloneOptions.URL, or RemoteURL of pull, fetch and push options) is
// Bitbucket Cloud.
func (c *checker) goGitPlaces(pkg *types.Package) []place {
	obj, _ := pkg.Scope().Lookup("BasicAuth").(*types.TypeName)
	if obj == nil {
		return nil
	}
	var out []place
	for _, u := range c.m.Uses(c.info, obj) {
		cur := u
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == u.Node() {
			cur = cur.Parent()
		}
		lit, ok := cur.Parent().Node().(*ast.CompositeLit)
		if !ok || lit.Type != cur.Node() {
			continue
		}
		var user, secret ast.Expr
		for key, value := range model.KeyedFields(lit) {
			switch key.Name {
			case "Username":
				user = value
			case "Password":
				secret = value
			}
		}
		if secret == nil {
			continue
		}
		for _, url := range c.optionURLs(cur.Parent()) {
			if host, ok := c.cloudHost(url); ok {
				out = append(out, place{node: lit, user: user, secret: secret, host: host, use: useGit, via: "go-git BasicAuth"})
				break
			}
		}
	}
	return out
}

// optionURLs returns the URL fields of the option literals an auth value
// (at cur) is stored in as Auth: directly, or through one variable.
func (c *checker) optionURLs(cur inspector.Cursor) []ast.Expr {
	var out []ast.Expr
	var visit func(cur inspector.Cursor, depth int)
	visit = func(cur inspector.Cursor, depth int) {
		for {
			p := cur.Parent()
			if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
				cur = p
				continue
			}
			if _, ok := p.Node().(*ast.ParenExpr); ok {
				cur = p
				continue
			}
			break
		}
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.KeyValueExpr:
			key, ok := n.Key.(*ast.Ident)
			opts, ok2 := p.Parent().Node().(*ast.CompositeLit)
			if !ok || !ok2 || key.Name != "Auth" || cur.ParentEdgeKind() != edge.KeyValueExpr_Value {
				return
			}
			for k, v := range model.KeyedFields(opts) {
				if k.Name == "URL" || k.Name == "RemoteURL" {
					out = append(out, v)
				}
			}
		case *ast.AssignStmt, *ast.ValueSpec:
			if depth > 0 {
				return
			}
			var obj types.Object
			if as, ok := n.(*ast.AssignStmt); ok {
				if k, i := cur.ParentEdge(); k == edge.AssignStmt_Rhs && len(as.Lhs) == len(as.Rhs) {
					if id, ok := as.Lhs[i].(*ast.Ident); ok {
						obj = c.info.ObjectOf(id)
					}
				}
			} else if vs := n.(*ast.ValueSpec); len(vs.Names) == len(vs.Values) {
				if k, i := cur.ParentEdge(); k == edge.ValueSpec_Values {
					obj = c.info.Defs[vs.Names[i]]
				}
			}
			if obj == nil {
				return
			}
			for _, use := range c.m.Uses(c.info, obj) {
				visit(use, depth+1)
			}
		}
	}
	visit(cur, 0)
	return out
}
