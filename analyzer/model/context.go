package model

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// ContextName returns the name a value at cursor c is given by its
// surroundings: the variable or constant it initialises or is assigned to,
// the struct field or map key it is stored under, the function it is
// returned from, or the function it is passed to. It returns "" when the
// value stands alone.
func ContextName(c inspector.Cursor) string {
	for c.Valid() {
		p := c.Parent()
		if !p.Valid() {
			return ""
		}
		kind, idx := c.ParentEdge()
		switch n := p.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr, *ast.UnaryExpr:
			c = p
			continue
		case *ast.CompositeLit:
			// Element of a slice/array literal: the literal's own context.
			c = p
			continue
		case *ast.KeyValueExpr:
			if kind == edge.KeyValueExpr_Value {
				return exprName(n.Key)
			}
			return ""
		case *ast.ValueSpec:
			if kind == edge.ValueSpec_Values && idx < len(n.Names) {
				return n.Names[idx].Name
			}
			return ""
		case *ast.AssignStmt:
			if kind == edge.AssignStmt_Rhs && idx < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
				return exprName(n.Lhs[idx])
			}
			return ""
		case *ast.ReturnStmt:
			for f := range p.Enclosing((*ast.FuncDecl)(nil)) {
				return f.Node().(*ast.FuncDecl).Name.Name
			}
			return ""
		case *ast.CallExpr:
			if kind == edge.CallExpr_Args {
				return exprName(n.Fun)
			}
			return ""
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				if kind == edge.BinaryExpr_Y {
					return exprName(n.X)
				}
				return exprName(n.Y)
			}
			c = p
			continue
		default:
			return ""
		}
	}
	return ""
}

// exprName is the last name in an identifier, selector, index key or
// string literal.
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		if k := exprName(e.Index); k != "" {
			return k
		}
		return exprName(e.X)
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			if s, err := strconv.Unquote(e.Value); err == nil {
				return s
			}
		}
	case *ast.StarExpr:
		return exprName(e.X)
	case *ast.CallExpr:
		return exprName(e.Fun)
	}
	return ""
}

// InConstDecl reports whether cursor c is inside a const declaration, where
// a function call may not replace a constant.
func InConstDecl(c inspector.Cursor) bool {
	for p := range c.Enclosing((*ast.GenDecl)(nil), (*ast.FuncDecl)(nil)) {
		if g, ok := p.Node().(*ast.GenDecl); ok {
			return g.Tok == token.CONST
		}
		return false
	}
	return false
}

// CallAllowed reports whether an expression at cursor c may be replaced by a
// function call: not in a const declaration, not a case of a switch on a
// constant, not an array length, not a struct tag or import path.
func CallAllowed(c inspector.Cursor) bool {
	if InConstDecl(c) {
		return false
	}
	switch k := c.ParentEdgeKind(); k {
	case edge.ImportSpec_Path, edge.Field_Tag, edge.ArrayType_Len:
		return false
	}
	return true
}
