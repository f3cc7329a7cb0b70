package jpdgraphql

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Struct-tag GraphQL clients: the query is built from a struct's fields.
const (
	modHasura   = "github.com/hasura/go-graphql-client"
	modShurcooL = "github.com/shurcooL/graphql"
)

// structMethods are the client methods that take the root query struct.
var structMethods = map[string]bool{
	"Query": true, "Mutate": true, "Subscribe": true,
	"NamedQuery": true, "NamedMutate": true, "NamedSubscribe": true,
	"QueryRaw": true, "MutateRaw": true,
}

// checkStructQueries reports operations named by the root fields of
// structs passed to hasura/shurcooL Query, Mutate and Subscribe.
func (c *checker) checkStructQueries() {
	info := c.pass.TypesInfo
	if !c.m.Imports(modHasura, modShurcooL) {
		return
	}
	for cur := range c.m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !structMethods[sel.Sel.Name] {
			continue
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || model.RecvName(fn) == "" ||
			!(model.PathWithin(fn.Pkg().Path(), modHasura) || fn.Pkg().Path() == modShurcooL) {
			continue
		}
		i := queryParam(fn)
		if i < 0 || i >= len(call.Args) {
			continue
		}
		arg := call.Args[i]
		st, tname := structOf(info.TypeOf(arg))
		if st == nil {
			continue
		}
		if c.uses == nil && c.oauthIndex().clientIsOAuth(sel.X, cur) {
			continue
		}
		c.structFields(st, tname, arg, 0)
	}
}

// queryParam returns the index of the first parameter of type any: the
// query struct (q, m or v in the libraries' signatures).
func queryParam(fn *types.Func) int {
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		if it, ok := sig.Params().At(i).Type().Underlying().(*types.Interface); ok && it.Empty() {
			return i
		}
	}
	return -1
}

// structOf returns the struct under t (through pointers) and the name of
// its named type ("" when anonymous).
func structOf(t types.Type) (*types.Struct, string) {
	for i := 0; t != nil && i < 4; i++ {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
			continue
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil, ""
		}
		name := ""
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name()
		}
		return st, name
	}
	return nil, ""
}

// structFields reports the listed operations among the root fields of st.
// Embedded structs without a tag and "... on Type" fields are inlined, as
// the libraries do.
func (c *checker) structFields(st *types.Struct, tname string, arg ast.Expr, depth int) {
	if depth > 8 {
		return
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := strings.TrimSpace(reflect.StructTag(st.Tag(i)).Get("graphql"))
		var name string
		off := -1 // offset of name in tag
		switch {
		case strings.HasPrefix(tag, "..."), tag == "" && f.Anonymous():
			if inner, n := structOf(f.Type()); inner != nil {
				c.structFields(inner, n, arg, depth+1)
			}
			continue
		case tag != "":
			off, _ = nameOffset(tag, skipIgnored(tag, 0))
			if off < 0 {
				continue
			}
			end := off
			for end < len(tag) && isNameByte(tag[end], end > off) {
				end++
			}
			name = tag[off:end]
		default:
			name = lowerCamel(f.Name())
		}
		op, ok := atlassian.LookupJPDOperation(name)
		if !ok {
			continue
		}
		if pos, end, ok := c.fieldNamePos(f, tag, off, len(name)); ok {
			c.report(op, pos, end, "")
			continue
		}
		// The struct is declared in another package: point at the argument.
		where := "field " + f.Name()
		if tname != "" {
			where += " of " + tname
		}
		c.report(op, arg.Pos(), arg.End(), where)
	}
}

// fieldNamePos returns the position of the operation name in the field's
// tag (or of the field's name when untagged), when the field is declared
// in this package.
func (c *checker) fieldNamePos(f *types.Var, tag string, off, n int) (token.Pos, token.Pos, bool) {
	if !f.Pos().IsValid() || c.m.FileOf(f.Pos()) == nil {
		return token.NoPos, token.NoPos, false
	}
	if off < 0 {
		return f.Pos(), f.Pos() + token.Pos(len(f.Name())), true
	}
	fld := c.astField(f.Pos())
	if fld == nil || fld.Tag == nil {
		return f.Pos(), f.Pos() + token.Pos(len(f.Name())), true
	}
	lit := fld.Tag
	raw, err := strconv.Unquote(lit.Value)
	if err != nil {
		return lit.Pos(), lit.End(), true
	}
	// Find the graphql key's value in the tag text; off is an offset in
	// the trimmed value, tag.
	const key = `graphql:"`
	k := strings.Index(raw, key)
	if k < 0 {
		return lit.Pos(), lit.End(), true
	}
	val := reflect.StructTag(raw).Get("graphql")
	i := k + len(key) + len(val) - len(strings.TrimLeft(val, " \t\n\r")) + off
	if i < 0 || i+n > len(raw) || raw[i:i+n] != tag[off:off+n] {
		return lit.Pos(), lit.End(), true // escapes in the tag: point at it whole
	}
	pos := lit.ValuePos + token.Pos(model.LitOffset(lit.Value, i))
	return pos, pos + token.Pos(n), true
}

// astField finds the struct field declared with a name at pos.
func (c *checker) astField(pos token.Pos) *ast.Field {
	if c.fields == nil {
		c.fields = map[token.Pos]*ast.Field{}
		for cur := range c.m.Inspector.Root().Preorder((*ast.StructType)(nil)) {
			for _, fld := range cur.Node().(*ast.StructType).Fields.List {
				for _, n := range fld.Names {
					c.fields[n.Pos()] = fld
				}
			}
		}
	}
	return c.fields[pos]
}

// lowerCamel lower-cases a Go field name the way the struct-tag clients do
// (ident.ParseMixedCaps(name).ToLowerCamelCase()): PolarisInsights →
// polarisInsights, ID → id, URLPath → urlPath.
func lowerCamel(name string) string {
	r := []rune(name)
	k := 0
	for k < len(r) && unicode.IsUpper(r[k]) {
		k++
	}
	switch {
	case k == 0:
		return name
	case k == len(r):
		k = len(r)
	case k > 1:
		k-- // the last capital starts the next word
	}
	for i := 0; i < k; i++ {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}
