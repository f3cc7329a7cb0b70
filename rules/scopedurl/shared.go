package scopedurl

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/atlint/atlint/analyzer/model"
)

// A shareCheck tells whether a site literal that a fix would rewrite
// builds anything besides the URLs of the reported requests: a constant
// siteURL used for siteURL + "/rest/api/3/..." and for
// siteURL + "/browse/" + key (a link for people, which must keep pointing
// at the site).
type shareCheck struct {
	ck   *checker
	pkg  *types.Package
	urls map[ast.Node]bool // URL arguments of the reported requests

	memo map[types.Object]ast.Node // objects -> a use that is not a request URL (nil: none)
}

// otherUse returns a node where the value of lit flows into something other
// than a reported request's URL, or nil when every use is such a URL.
func (sc *shareCheck) otherUse(lit *ast.BasicLit) ast.Node {
	c, ok := sc.ck.m.Inspector.Root().FindNode(lit)
	if !ok {
		return lit
	}
	return sc.from(c, 0)
}

// from follows the value at c up through the expressions that build a
// string from it, into the variables, constants and fields it is stored in,
// and on to their uses.
func (sc *shareCheck) from(c inspector.Cursor, depth int) ast.Node {
	onPath := false // a node on the way up flows into a request URL
	for {
		if sc.urls[c.Node()] {
			return nil
		}
		onPath = onPath || sc.ck.visited[c.Node()]
		p := c.Parent()
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			c = p
			continue
		case *ast.BinaryExpr:
			switch n.Op {
			case token.ADD:
				c = p
				continue
			case token.EQL, token.NEQ:
				return nil // base == "": a test, not a string built from it
			}
		case *ast.CallExpr:
			if c.ParentEdgeKind() != edge.CallExpr_Args {
				break
			}
			if sc.builds(n) {
				c = p
				continue
			}
			if sc.tests(n) {
				return nil
			}
		}
		break
	}
	objs, ok := sc.stored(c)
	if !ok {
		// Used in place: a use the URL evaluation went through (a helper's
		// argument, a returned value) is a request URL; anything else
		// (a return value for a link, a Printf argument) is not.
		if onPath {
			return nil
		}
		return c.Node()
	}
	if depth > model.MaxDepth {
		return c.Node()
	}
	for _, obj := range objs {
		// Exported package-level names and functions whose results leave
		// the package: other packages may build anything with them.
		if obj.Exported() && obj.Parent() == sc.pkg.Scope() {
			return c.Node()
		}
		if _, ok := obj.(*types.Func); ok && len(sc.ck.m.Uses(sc.ck.info, obj)) == 0 {
			return c.Node()
		}
		if use := sc.objUse(obj, depth); use != nil {
			return use
		}
	}
	return nil
}

// objUse returns a use of obj's value that is not a request URL, or nil.
func (sc *shareCheck) objUse(obj types.Object, depth int) ast.Node {
	if use, ok := sc.memo[obj]; ok {
		return use
	}
	sc.memo[obj] = nil // in progress: a cycle adds no use
	var other ast.Node
	for _, u := range sc.ck.m.Uses(sc.ck.info, obj) {
		// A field: the selector x.f is the use.
		if sel, ok := u.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == u.Node() {
			u = u.Parent()
		}
		// A function: its calls carry the value.
		if _, ok := obj.(*types.Func); ok {
			if u.ParentEdgeKind() != edge.CallExpr_Fun {
				return u.Node() // a function value: not followed
			}
			u = u.Parent()
		}
		if isWrite(u) {
			continue
		}
		if use := sc.from(u, depth+1); use != nil {
			other = use
			break
		}
	}
	sc.memo[obj] = other
	return other
}

// isWrite reports whether the identifier or selector at c is assigned to
// (the left side of =, a composite literal key), not read.
func isWrite(c inspector.Cursor) bool {
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.KeyValueExpr_Key:
		return true
	}
	return false
}

// builds reports whether call builds a string or URL from its arguments
// the way the URL evaluation follows: fmt.Sprintf, url.JoinPath, url.Parse,
// cmp.Or, strings.Trim*, path.Join.
func (sc *shareCheck) builds(call *ast.CallExpr) bool {
	fn := model.Callee(sc.ck.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "fmt.Sprintf", "net/url.JoinPath", "net/url.Parse", "net/url.ParseRequestURI", "cmp.Or",
		"strings.TrimSuffix", "strings.TrimRight", "strings.TrimSpace", "path.Join":
		return true
	}
	return false
}

// tests reports whether call only inspects its string arguments:
// strings.HasPrefix, HasSuffix, Contains, EqualFold, len.
func (sc *shareCheck) tests(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
		_, builtin := sc.ck.info.Uses[id].(*types.Builtin)
		return builtin
	}
	fn := model.Callee(sc.ck.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" {
		return false
	}
	switch fn.Name() {
	case "HasPrefix", "HasSuffix", "Contains", "EqualFold":
		return true
	}
	return false
}

// stored returns the variables, constants and fields that the expression at
// c is stored in: a declaration's value, an assignment's right side, a
// struct literal's field value, a flag's default.
func (sc *shareCheck) stored(c inspector.Cursor) ([]types.Object, bool) {
	info := sc.ck.info
	p := c.Parent()
	kind, i := c.ParentEdge()
	switch n := p.Node().(type) {
	case *ast.ValueSpec:
		if kind == edge.ValueSpec_Values && len(n.Names) == len(n.Values) {
			if obj := info.Defs[n.Names[i]]; obj != nil {
				return []types.Object{obj}, true
			}
		}
	case *ast.AssignStmt:
		if kind == edge.AssignStmt_Rhs && len(n.Lhs) == len(n.Rhs) {
			if id := identOf(n.Lhs[i]); id != nil {
				if obj := info.ObjectOf(id); obj != nil {
					return []types.Object{obj}, true
				}
			}
		}
	case *ast.KeyValueExpr:
		if kind == edge.KeyValueExpr_Value {
			if key, ok := n.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() {
					return []types.Object{f}, true
				}
			}
		}
	case *ast.CallExpr:
		// flag.StringVar(&v, name, default, usage): v; v := flag.String(name, default, usage): v.
		if kind != edge.CallExpr_Args {
			break
		}
		switch {
		case isFlagString(info, n, "StringVar") && i == 2:
			if u, ok := ast.Unparen(n.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id := identOf(u.X); id != nil {
					if obj := info.ObjectOf(id); obj != nil {
						return []types.Object{obj}, true
					}
				}
			}
		case isFlagString(info, n, "String") && i == 1:
			return sc.stored(p)
		}
		// An argument of a function of the package: its parameter.
		fn := model.Callee(info, n)
		if fn == nil || fn.Pkg() != sc.pkg {
			break
		}
		sig := fn.Type().(*types.Signature)
		if i < sig.Params().Len() && !(sig.Variadic() && i >= sig.Params().Len()-1) {
			return []types.Object{sig.Params().At(i)}, true
		}
	case *ast.ReturnStmt:
		// A result of a function of the package: the variables its
		// callers store it in, or the calls themselves.
		if kind != edge.ReturnStmt_Results || len(n.Results) != 1 {
			break
		}
		fc, ok := enclosingFuncDecl(p)
		if !ok {
			break
		}
		fn, _ := info.Defs[fc.Name].(*types.Func)
		if fn == nil {
			break
		}
		return []types.Object{fn}, true
	}
	return nil, false
}

// enclosingFuncDecl is the function declaration around c, when no function
// literal comes between.
func enclosingFuncDecl(c inspector.Cursor) (*ast.FuncDecl, bool) {
	for p := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fd, ok := p.Node().(*ast.FuncDecl)
		return fd, ok
	}
	return nil, false
}
