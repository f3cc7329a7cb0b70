package model

import (
	"go/ast"
	"go/types"
	"iter"
)

// KeyedFields yields the field name and value of every keyed element of a
// struct literal (Field: value), in order; positional elements are skipped.
func KeyedFields(lit *ast.CompositeLit) iter.Seq2[*ast.Ident, ast.Expr] {
	return func(yield func(*ast.Ident, ast.Expr) bool) {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := kv.Key.(*ast.Ident); ok && !yield(key, kv.Value) {
				return
			}
		}
	}
}

// ObjectOf returns the object an identifier or a qualified/field selector
// (x.Name) denotes, or nil for other expressions or without type info.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := e.(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.ObjectOf(e.Sel)
	}
	return nil
}
