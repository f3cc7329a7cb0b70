package model

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A Taint says where a value tracked by a [Flow] comes from. Flags are the
// rule's own bits (request-derived, token-named...); What describes the
// source for messages ("request form value \"api_token\"").
type Taint struct {
	Flags uint
	What  string
	Pos   token.Pos
}

// A FlowSpec is what a rule tells a [Flow]: its sources and the calls that
// pass taint along beyond the standard library's string helpers.
type FlowSpec struct {
	// Source returns the taint that e introduces by itself, or nil. It may
	// call f.Of on e's sub-expressions (never on e).
	Source func(f *Flow, e ast.Expr) *Taint

	// Through reports whether the result of call (callee fn, possibly nil)
	// carries the taint of its receiver and arguments.
	Through func(f *Flow, call *ast.CallExpr, fn *types.Func) bool

	// Into returns the expressions that call writes a tainted value into
	// (json.Unmarshal(data, &x) writes data into x), with the expression
	// whose taint they get. Standard decoders are built in.
	Into func(f *Flow, call *ast.CallExpr, fn *types.Func) (dst []ast.Expr, src ast.Expr)
}

// A Flow tracks tainted values through one function body (with the
// function literals nested in it), flow-insensitively: a variable, or a
// field path of a variable (cfg.Jira.Token), is tainted when any assignment
// in the body stores a tainted value into it. It follows assignments,
// declarations, range loops, struct literals field by field, composite
// literals, conversions, concatenation, the standard string, fmt and
// encoding helpers, decoders that fill a pointer argument
// (json.Unmarshal, (*json.Decoder).Decode), the writes into a
// strings.Builder or bytes.Buffer, and what the spec adds.
// Calls to other functions do not carry taint unless the spec says so.
// It needs type information and tolerates its absence (nothing is tainted).
type Flow struct {
	Info *types.Info
	Spec FlowSpec

	taint  map[string]*Taint // object path -> taint
	inner  map[string]*Taint // object path -> taint of some field below it
	objIDs map[types.Object]int
	depth  int
}

// NewFlow computes the taint of the variables of the function body at
// cursor c (a *ast.FuncDecl or *ast.FuncLit).
func NewFlow(info *types.Info, c inspector.Cursor, spec FlowSpec) *Flow {
	f := &Flow{Info: info, Spec: spec, taint: map[string]*Taint{}, inner: map[string]*Taint{}, objIDs: map[types.Object]int{}}
	type pair struct{ dst, src ast.Expr }
	var pairs []pair
	var intos []*ast.CallExpr
	for n := range c.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := n.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					pairs = append(pairs, pair{n.Lhs[i], n.Rhs[i]})
				}
			} else if len(n.Rhs) == 1 {
				for _, l := range n.Lhs {
					pairs = append(pairs, pair{l, n.Rhs[0]})
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					pairs = append(pairs, pair{n.Names[i], n.Values[i]})
				}
			} else if len(n.Values) == 1 {
				for _, l := range n.Names {
					pairs = append(pairs, pair{l, n.Values[0]})
				}
			}
		case *ast.RangeStmt:
			if n.Value != nil {
				pairs = append(pairs, pair{n.Value, n.X})
			}
		case *ast.CallExpr:
			intos = append(intos, n)
		}
	}
	// Iterate to a fixed point; each round can only add taint, and the
	// number of keys is bounded by the assignments, so this terminates.
	for round := 0; round <= len(pairs)+len(intos)+1; round++ {
		changed := false
		for _, p := range pairs {
			if f.assign(p.dst, p.src) {
				changed = true
			}
		}
		for _, call := range intos {
			dsts, src := f.into(call)
			for _, d := range dsts {
				if f.assign(d, src) {
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	return f
}

// assign records the taint of src in dst; it reports whether that changed
// anything. A struct literal assigned to a variable taints its fields one
// by one, so that other fields stay clean.
func (f *Flow) assign(dst, src ast.Expr) bool {
	if src == nil {
		return false
	}
	key, ok := f.path(dst)
	if !ok {
		return false
	}
	// TypeOf, not Types: the identifiers a := defines are only in Defs.
	if isErrorOrBool(f.Info.TypeOf(dst)) {
		return false
	}
	if lit := structLit(f.Info, src); lit != nil {
		changed := false
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				if f.set(key, f.Of(elt)) {
					changed = true
				}
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f.set(key+"."+id.Name, f.Of(kv.Value)) {
					changed = true
				}
			}
		}
		return changed
	}
	return f.set(key, f.Of(src))
}

func structLit(info *types.Info, e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if tv, ok := info.Types[lit]; ok {
		if _, ok := tv.Type.Underlying().(*types.Struct); ok {
			return lit
		}
	}
	return nil
}

func isErrorOrBool(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return true
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func (f *Flow) set(key string, t *Taint) bool {
	if t == nil {
		return false
	}
	old := f.taint[key]
	if old != nil && old.Flags|t.Flags == old.Flags {
		return false
	}
	nt := &Taint{Flags: t.Flags, What: t.What, Pos: t.Pos}
	if old != nil {
		nt.Flags |= old.Flags
	}
	f.taint[key] = nt
	for k := key; ; {
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
		if in := f.inner[k]; in == nil || in.Flags|nt.Flags != in.Flags {
			f.inner[k] = nt
		}
	}
	return true
}

// path is the key of an assignable expression: an object ID followed by
// field names. Dereferences, address-of and parentheses are transparent;
// an index or slice expression stands for its whole operand.
func (f *Flow) path(e ast.Expr) (string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj := f.Info.ObjectOf(x)
		if obj == nil || x.Name == "_" {
			return "", false
		}
		id, ok := f.objIDs[obj]
		if !ok {
			id = len(f.objIDs) + 1
			f.objIDs[obj] = id
		}
		return "#" + itoa(id), true
	case *ast.SelectorExpr:
		if sel := f.Info.Selections[x]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return "", false
			}
			p, ok := f.path(x.X)
			if !ok {
				return "", false
			}
			return p + "." + x.Sel.Name, true
		}
		return f.path(x.Sel) // package-qualified variable
	case *ast.StarExpr:
		return f.path(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.path(x.X)
		}
	case *ast.IndexExpr:
		return f.path(x.X)
	case *ast.SliceExpr:
		return f.path(x.X)
	}
	return "", false
}

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			break
		}
	}
	return string(b[n:])
}

// Stored returns the taint assigned in the body to the variable or field
// path e (x, x.f.g), or to a whole it is part of; nil when e is no such
// path or holds nothing tainted. Unlike [Flow.Of] it ignores the spec's
// sources.
func (f *Flow) Stored(e ast.Expr) *Taint {
	key, ok := f.path(e)
	if !ok {
		return nil
	}
	for k := key; ; {
		if t := f.taint[k]; t != nil {
			return t
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			return nil
		}
		k = k[:i]
	}
}

// Of returns the taint of expression e, or nil. A variable or field holds
// the taint stored into it, or into a whole it is part of, or that of the
// spec's source it is selected from (r.Body of a source r); a whole also
// holds the taint of any of its fields (so storing cfg stores cfg.Token).
func (f *Flow) Of(e ast.Expr) *Taint { return f.of(e, true) }

func (f *Flow) of(e ast.Expr, inner bool) *Taint {
	if e == nil || f.depth > 64 {
		return nil
	}
	f.depth++
	defer func() { f.depth-- }()
	if f.Spec.Source != nil {
		if t := f.Spec.Source(f, e); t != nil {
			return t
		}
	}
	switch x := e.(type) {
	// Parentheses, * and & keep inner: (*p).Name is a field of p, which
	// holds no taint of its sibling p.Token.
	case *ast.ParenExpr:
		return f.of(x.X, inner)
	case *ast.StarExpr:
		return f.of(x.X, inner)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.of(x.X, inner)
		}
		return nil
	case *ast.Ident, *ast.SelectorExpr:
		key, ok := f.path(x)
		if !ok {
			if s, ok := x.(*ast.SelectorExpr); ok {
				return f.Of(s.X) // method value or unknown selection
			}
			return nil
		}
		if t := f.taint[key]; t != nil {
			return t
		}
		// A field of a tainted whole.
		for k := key; ; {
			i := strings.LastIndexByte(k, '.')
			if i < 0 {
				break
			}
			k = k[:i]
			if t := f.taint[k]; t != nil {
				return t
			}
		}
		// A field of a source (r.Body of a request r).
		if s, ok := x.(*ast.SelectorExpr); ok {
			if t := f.of(s.X, false); t != nil {
				return t
			}
		}
		// A whole with a tainted field.
		if inner {
			return f.inner[key]
		}
		return nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return nil
		}
		// a + b + c... nests to the left: walk that spine in a loop, so
		// that the depth bound limits nesting, not the chain's length.
		var ts []*Taint
		var l ast.Expr = x
		for {
			b, ok := l.(*ast.BinaryExpr)
			if !ok || b.Op != token.ADD || b != x && f.Spec.Source != nil && f.Spec.Source(f, b) != nil {
				break
			}
			ts = append(ts, f.Of(b.Y))
			l = b.X
		}
		ts = append(ts, f.Of(l))
		slices.Reverse(ts)
		return first(ts...)
	case *ast.IndexExpr:
		return f.Of(x.X)
	case *ast.SliceExpr:
		return f.Of(x.X)
	case *ast.TypeAssertExpr:
		return f.Of(x.X)
	case *ast.KeyValueExpr:
		return f.Of(x.Value)
	case *ast.CompositeLit:
		var t *Taint
		for _, elt := range x.Elts {
			t = first(t, f.Of(elt))
		}
		return t
	case *ast.CallExpr:
		return f.call(x)
	}
	return nil
}

func first(ts ...*Taint) *Taint {
	var out *Taint
	for _, t := range ts {
		if t == nil {
			continue
		}
		if out == nil {
			out = t
		} else if out.Flags|t.Flags != out.Flags {
			out = &Taint{Flags: out.Flags | t.Flags, What: t.What, Pos: t.Pos}
		}
	}
	return out
}

func (f *Flow) call(call *ast.CallExpr) *Taint {
	if tv, ok := f.Info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return f.Of(call.Args[0]) // conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := f.Info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
			return f.args(call)
		}
	}
	fn, _ := typeutil.Callee(f.Info, call).(*types.Func)
	if throughStd(fn) {
		return f.args(call)
	}
	if f.Spec.Through != nil && f.Spec.Through(f, call, fn) {
		t := f.args(call)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && f.Info.Selections[sel] != nil {
			t = first(f.Of(sel.X), t)
		}
		return t
	}
	return nil
}

func (f *Flow) args(call *ast.CallExpr) *Taint {
	var t *Taint
	for _, a := range call.Args {
		t = first(t, f.Of(a))
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		// base64.StdEncoding.EncodeToString(x): the receiver is clean, but a
		// method of a tainted value (b.String()) carries it.
		if s := f.Info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			t = first(t, f.Of(sel.X))
		}
	}
	return t
}

// throughStd reports whether fn is a standard function whose result is made
// of its arguments (strings, bytes, fmt.Sprint*, encoders, url escaping).
func throughStd(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "strings", "bytes":
		switch fn.Name() {
		case "Index", "IndexByte", "IndexRune", "Contains", "ContainsAny", "ContainsRune", "HasPrefix", "HasSuffix",
			"Count", "Compare", "EqualFold", "LastIndex", "IndexAny", "Len", "Cap", "Equal", "Write", "WriteString", "WriteByte", "WriteRune":
			return false
		}
		return true
	case "fmt":
		return strings.HasPrefix(fn.Name(), "Sprint") || fn.Name() == "Append" || fn.Name() == "Appendf"
	case "encoding/base64", "encoding/hex", "encoding/base32":
		return strings.HasPrefix(fn.Name(), "Encode") || strings.HasPrefix(fn.Name(), "Decode") || strings.HasPrefix(fn.Name(), "Append")
	case "net/url":
		switch fn.Name() {
		case "QueryEscape", "PathEscape", "QueryUnescape", "PathUnescape", "UserPassword", "User", "Get", "Encode":
			return true
		}
	case "strconv":
		return strings.HasPrefix(fn.Name(), "Quote") || fn.Name() == "Unquote"
	case "encoding/json", "encoding/xml", "encoding/gob":
		return fn.Name() == "NewDecoder"
	case "io":
		switch fn.Name() {
		case "ReadAll", "LimitReader", "NopCloser", "TeeReader", "MultiReader":
			return true
		}
	case "bufio":
		return fn.Name() == "NewReader" || fn.Name() == "NewScanner"
	}
	return false
}

// into returns the destinations a call fills from a source: the built-in
// decoders and builder writes, then the spec's.
func (f *Flow) into(call *ast.CallExpr) ([]ast.Expr, ast.Expr) {
	fn, _ := typeutil.Callee(f.Info, call).(*types.Func)
	if fn != nil && fn.Pkg() != nil {
		switch p := fn.Pkg().Path(); {
		case fn.Name() == "Unmarshal" && len(call.Args) == 2 && RecvName(fn) == "":
			// encoding/json, encoding/xml, gopkg.in/yaml.v3, sigs.k8s.io/yaml...
			return call.Args[1:], call.Args[0]
		case (p == "encoding/json" || p == "encoding/xml" || p == "encoding/gob") && fn.Name() == "Decode" && len(call.Args) == 1:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return call.Args, sel.X
			}
		case (p == "strings" && RecvName(fn) == "Builder" || p == "bytes" && RecvName(fn) == "Buffer") && len(call.Args) == 1:
			// sb.WriteString(x) writes x into sb.
			switch fn.Name() {
			case "Write", "WriteString", "WriteByte", "WriteRune":
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					return []ast.Expr{sel.X}, call.Args[0]
				}
			}
		}
	}
	if f.Spec.Into != nil {
		return f.Spec.Into(f, call, fn)
	}
	return nil, nil
}
