package model

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Shared helpers about types and calls. Rules use these instead of their
// own copies, so that "is this function X", "which struct declares this
// field" and "is this a constant string" mean the same everywhere.

// Limits of the model: one depth budget and one candidate bound for every
// walk that follows values (Values, Reaches, Requests, URL templates).
const (
	// MaxDepth bounds how many assignments, parameters and returns a
	// value is followed through.
	MaxDepth = 8
	// MaxCandidates bounds the candidate values (URL templates) kept for
	// one expression.
	MaxCandidates = 16
)

// maxDepth is MaxDepth under its historical name.
const maxDepth = MaxDepth

// Callee returns the function or method a call statically calls, or nil
// (calls of function values, conversions, builtins).
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// ConstString returns the value of e when the type checker folded it to a
// constant string.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// IsNamed reports whether t, or the type t points to, is the named type
// pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// isNamed is IsNamed under its historical name.
func isNamed(t types.Type, pkg, name string) bool { return IsNamed(t, pkg, name) }

// IsHTTPRequest reports whether t is *http.Request.
func IsHTTPRequest(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	return ok && IsNamed(p.Elem(), "net/http", "Request")
}

// StructOf returns the struct type under t or under the type t points to.
func StructOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// FieldOwner returns the name and package of the named struct type that
// declares the field a selection selects (through embedded fields), or ""
// and nil.
func FieldOwner(sel *types.Selection) (string, *types.Package) {
	t := sel.Recv()
	idx := sel.Index()
	for i := 0; i < len(idx)-1; i++ {
		st := StructOf(t)
		if st == nil || idx[i] >= st.NumFields() {
			return "", nil
		}
		t = st.Field(idx[i]).Type()
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name(), n.Obj().Pkg()
	}
	return "", nil
}
