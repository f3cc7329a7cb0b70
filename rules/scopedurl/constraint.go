package scopedurl

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// constraints finds the variables and fields that the code constrains to a
// site host: strings.HasSuffix(host, ".atlassian.net"), strings.Contains(u,
// ".atlassian.net"), or a flag whose usage text names a site URL. The value
// is true when a constraint lies outside test files; an object that only
// tests constrain maps to false.
func (ev *evaluator) constraints() map[types.Object]bool {
	out := map[types.Object]bool{}
	var nonTest bool
	add := func(obj types.Object) { out[obj] = out[obj] || nonTest }
	for c := range ev.m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		nonTest = !ev.inTest(call)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		switch sel.Sel.Name {
		case "HasSuffix", "Contains", "String", "StringVar":
		default:
			continue
		}
		fn, _ := typeutil.Callee(ev.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "strings.HasSuffix", "strings.Contains":
			if len(call.Args) != 2 {
				continue
			}
			s, ok := constString(ev.info, call.Args[1])
			if !ok || !(atlassian.IsSiteSuffix(s) || fn.Name() == "Contains" && strings.Contains(strings.ToLower(s), ".atlassian.net")) {
				continue
			}
			for obj := range ev.roots(call.Args[0], 0) {
				add(obj)
			}
		case "flag.String", "flag.StringVar":
			if !isFlagString(ev.info, call, fn.Name()) {
				continue
			}
			usage, ok := constString(ev.info, call.Args[len(call.Args)-1])
			if !ok || !mentionsSite(usage) {
				continue
			}
			if fn.Name() == "StringVar" {
				for obj := range ev.roots(call.Args[0], 0) {
					add(obj)
				}
				continue
			}
			// p := flag.String(...): the variable that holds the result.
			p := c.Parent()
			switch n := p.Node().(type) {
			case *ast.AssignStmt:
				if k, i := c.ParentEdge(); k.FieldName() == "Rhs" && i < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
					if obj := ev.info.ObjectOf(identOf(n.Lhs[i])); obj != nil {
						add(obj)
					}
				}
			case *ast.ValueSpec:
				if k, i := c.ParentEdge(); k.FieldName() == "Values" && i < len(n.Names) {
					if obj := ev.info.Defs[n.Names[i]]; obj != nil {
						add(obj)
					}
				}
			}
		}
	}
	return out
}

func identOf(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// mentionsSite reports whether text names a site URL (https://x.atlassian.net).
func mentionsSite(text string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], "://")
		if j < 0 {
			return false
		}
		start := strings.LastIndexAny(text[:i+j], " \t\n(\"'`") + 1
		if u, ok := atlassian.ParseURL(text[start:]); ok && u.Kind == atlassian.HostSite {
			return true
		}
		i += j + 3
	}
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// roots returns the variables and fields that the value of e derives
// from: the variable itself and what was assigned to it, a field (not the
// struct around it), the URL a url.URL was parsed from, the operands of
// concatenations and the arguments of string helpers.
func (ev *evaluator) roots(e ast.Expr, depth int) map[types.Object]bool {
	out := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if e == nil || depth > 8 {
			return
		}
		switch n := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj, ok := ev.info.ObjectOf(n).(*types.Var)
			if !ok || out[obj] {
				return
			}
			out[obj] = true
			for _, v := range ev.m.Values(ev.info, n) {
				if v.Expr != ast.Expr(n) {
					walk(v.Expr, depth+1)
				}
			}
		case *ast.SelectorExpr:
			f := fieldOf(ev.info, n)
			if f == nil {
				return
			}
			if f.Pkg() != nil && f.Pkg().Path() == "net/url" {
				walk(n.X, depth+1) // u.Host: what u comes from
				return
			}
			out[f] = true
		case *ast.StarExpr:
			walk(n.X, depth+1)
		case *ast.UnaryExpr:
			walk(n.X, depth+1)
		case *ast.BinaryExpr:
			walk(n.X, depth+1)
			walk(n.Y, depth+1)
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(ev.info, n).(*types.Func)
			if fn == nil || fn.Pkg() == nil {
				return
			}
			switch fn.Pkg().Path() {
			case "strings", "net/url", "fmt", "path", "cmp":
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && model.RecvName(fn) != "" {
					walk(sel.X, depth+1) // u.Hostname()
				}
				for _, a := range n.Args {
					walk(a, depth+1)
				}
			}
		}
	}
	walk(e, depth)
	return out
}
