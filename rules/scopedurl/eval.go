package scopedurl

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// A seg says where bytes of a URL prefix are written: value bytes
// [off, off+n) of the string literal lit. lit is nil for bytes that are not
// written as one literal (a url.URL field joined with "://", a
// non-literal constant).
type seg struct {
	lit *ast.BasicLit
	off int
	n   int
}

// A prefix is a candidate value of a URL expression: its constant prefix
// s, where each byte of s is written, and whether s is the whole value.
//
// test is set when any part of the value comes from a _test.go file (or
// testdata): a site URL that only tests supply is evidence about the
// tests, not about the code they call.
type prefix struct {
	s        string
	segs     []seg
	complete bool
	test     bool
}

func (p prefix) concat(q prefix) prefix {
	segs := make([]seg, 0, len(p.segs)+len(q.segs))
	segs = append(append(segs, p.segs...), q.segs...)
	return prefix{s: p.s + q.s, segs: segs, complete: q.complete, test: p.test || q.test}
}

// cut returns the first n bytes of p, incomplete.
func (p prefix) cut(n int) prefix {
	out := prefix{s: p.s[:n], test: p.test}
	for _, s := range p.segs {
		if n <= 0 {
			break
		}
		if s.n > n {
			s.n = n
		}
		out.segs = append(out.segs, s)
		n -= s.n
	}
	return out
}

// slice returns bytes [i, j) of p, complete.
func (p prefix) slice(i, j int) prefix {
	out := prefix{s: p.s[i:j], complete: true, test: p.test}
	at := 0
	for _, s := range p.segs {
		lo, hi := max(i, at), min(j, at+s.n)
		if lo < hi {
			out.segs = append(out.segs, seg{lit: s.lit, off: s.off + lo - at, n: hi - lo})
		}
		at += s.n
	}
	return out
}

// litAt returns the literal that writes bytes [0, n) of p by itself, and
// the value offset of byte 0 in it.
func (p prefix) litAt(n int) (*ast.BasicLit, int) {
	if len(p.segs) == 0 || p.segs[0].lit == nil || p.segs[0].n < n {
		return nil, 0
	}
	return p.segs[0].lit, p.segs[0].off
}

// hole is what follows a prefix s when the next part of the value is
// unknown: inside the host ("https://" + name + ".atlassian.net") an
// [atlassian.Hole] that keeps the value going, so that the site domain
// written after it is seen; elsewhere the end of what is known.
func hole(s string) prefix {
	if i := strings.Index(s, "://"); i > 0 && !strings.ContainsAny(s[i+3:], "/?#") {
		return plain(atlassian.Hole, true)
	}
	return prefix{}
}

func plain(s string, complete bool) prefix {
	return prefix{s: s, segs: []seg{{n: len(s)}}, complete: complete}
}

// maxCands bounds the candidates of one expression: the model's bound.
const maxCands = model.MaxCandidates

// maxEvalDepth bounds the nesting eval follows: expression nesting
// (concatenations, calls) as well as the value hops the model counts in
// model.MaxDepth.
const maxEvalDepth = 12

// An evaluator computes the candidate prefixes of URL expressions.
type evaluator struct {
	info   *types.Info
	m      *model.Result
	consts map[types.Object]ast.Expr // package constants -> their value expressions
	tags   map[*types.Var]string     // struct fields -> their tags
	depth  int

	// visited holds every expression eval, constant and urlObj looked at:
	// the expressions whose values flow into a URL of a request.
	visited map[ast.Node]bool

	flagTargets map[types.Object]bool // targets of flag StringVar calls, built on first use

	samples map[string]string // sample config keys set to a site -> evidence (see sampleSites)
}

func newEvaluator(info *types.Info, m *model.Result) *evaluator {
	ev := &evaluator{info: info, m: m, consts: map[types.Object]ast.Expr{}, tags: map[*types.Var]string{}, visited: map[ast.Node]bool{}}
	for c := range m.Inspector.Root().Preorder((*ast.ValueSpec)(nil), (*ast.Field)(nil)) {
		switch n := c.Node().(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if obj, ok := info.Defs[name].(*types.Const); ok && i < len(n.Values) && len(n.Names) == len(n.Values) {
					ev.consts[obj] = n.Values[i]
				}
			}
		case *ast.Field:
			if n.Tag == nil {
				continue
			}
			tag, err := strconv.Unquote(n.Tag.Value)
			if err != nil {
				continue
			}
			for _, name := range n.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					ev.tags[v] = tag
				}
			}
		}
	}
	return ev
}

// inTest reports whether n lies in a _test.go file or in testdata.
func (ev *evaluator) inTest(n ast.Node) bool {
	return ev.m.FileOf(n.Pos()).IsTest()
}

// markTest sets the test flag of ps when e lies in a test file.
func (ev *evaluator) markTest(e ast.Expr, ps []prefix) []prefix {
	if len(ps) > 0 && ev.inTest(e) {
		for i := range ps {
			ps[i].test = true
		}
	}
	return ps
}

// eval returns the candidate prefixes of a string expression.
func (ev *evaluator) eval(e ast.Expr) []prefix {
	if e == nil || ev.depth > maxEvalDepth {
		return nil
	}
	ev.depth++
	defer func() { ev.depth-- }()
	ev.visited[e] = true
	return ev.markTest(e, ev.eval1(ast.Unparen(e)))
}

func (ev *evaluator) eval1(e ast.Expr) []prefix {
	if tv, ok := ev.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return nil
		}
		return []prefix{ev.constant(e, constant.StringVal(tv.Value))}
	}
	switch n := e.(type) {
	case *ast.BinaryExpr:
		if n.Op != token.ADD {
			return nil
		}
		var out []prefix
		for _, x := range ev.eval(n.X) {
			if !x.complete {
				out = append(out, x)
				continue
			}
			ys := ev.eval(n.Y)
			if len(ys) == 0 {
				out = append(out, x.concat(hole(x.s)))
			}
			for _, y := range ys {
				out = append(out, x.concat(y))
			}
		}
		return capCands(out)
	case *ast.CallExpr:
		return ev.call(n)
	case *ast.StarExpr:
		// *p with p := flag.String(name, default, usage).
		var out []prefix
		ev.visited[n.X] = true
		for _, v := range ev.m.Values(ev.info, n.X) {
			if call, ok := v.Expr.(*ast.CallExpr); ok && v.Index < 1 && isFlagString(ev.info, call, "String") {
				out = append(out, ev.eval(call.Args[1])...)
			}
		}
		return capCands(out)
	case *ast.Ident, *ast.SelectorExpr:
		var out []prefix
		for _, v := range ev.m.Values(ev.info, e) {
			if v.Expr == e || v.Index > 0 {
				continue
			}
			out = append(out, ev.eval(v.Expr)...)
		}
		// A struct tag default of the field.
		if f := fieldOf(ev.info, e); f != nil {
			tag := reflect.StructTag(ev.tags[f])
			for _, key := range []string{"default", "envDefault"} {
				if d, ok := tag.Lookup(key); ok && d != "" {
					out = append(out, plain(d, true))
				}
			}
		}
		return capCands(out)
	}
	return nil
}

// constant returns the prefix of a constant expression, with the literals
// that write it when they are in the package.
func (ev *evaluator) constant(e ast.Expr, val string) prefix {
	ev.visited[e] = true
	switch n := e.(type) {
	case *ast.BasicLit:
		return prefix{s: val, segs: []seg{{lit: n, n: len(val)}}, complete: true, test: ev.inTest(n)}
	case *ast.BinaryExpr:
		x, y := ev.info.Types[n.X], ev.info.Types[n.Y]
		if n.Op == token.ADD && x.Value != nil && y.Value != nil && x.Value.Kind() == constant.String && y.Value.Kind() == constant.String {
			p := ev.constant(ast.Unparen(n.X), constant.StringVal(x.Value)).concat(ev.constant(ast.Unparen(n.Y), constant.StringVal(y.Value)))
			if p.s == val {
				return p
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if d, ok := ev.consts[model.ObjectOf(ev.info, n)]; ok && ev.depth < maxEvalDepth {
			ev.depth++
			defer func() { ev.depth-- }()
			d = ast.Unparen(d)
			if p := ev.constant(d, val); p.s == val {
				return p
			}
		}
	}
	return plain(val, true)
}

func (ev *evaluator) call(call *ast.CallExpr) []prefix {
	fn := model.Callee(ev.info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	switch pkg, recv, name := fn.Pkg().Path(), model.RecvName(fn), fn.Name(); {
	case pkg == "fmt" && recv == "" && name == "Sprintf" && len(call.Args) > 0:
		var out []prefix
		for _, f := range ev.eval(call.Args[0]) {
			out = append(out, ev.sprintf(f, call.Args[1:])...)
		}
		return capCands(out)
	case pkg == "net/url" && recv == "" && name == "JoinPath" && len(call.Args) > 0:
		return ev.joinPath(ev.eval(call.Args[0]), call.Args[1:])
	case pkg == "net/url" && recv == "URL" && name == "String":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return ev.urlObj(sel.X)
		}
	case pkg == "strings" && recv == "" && (name == "TrimSuffix" || name == "TrimRight" || name == "TrimSpace") && len(call.Args) > 0:
		var out []prefix
		for _, p := range ev.eval(call.Args[0]) {
			p.complete = false
			out = append(out, p)
		}
		return out
	case pkg == "cmp" && recv == "" && name == "Or":
		var out []prefix
		for _, a := range call.Args {
			out = append(out, ev.eval(a)...)
		}
		return capCands(out)
	}
	// A function of the package: its return values.
	var out []prefix
	for _, v := range ev.m.Values(ev.info, call) {
		if v.Expr != ast.Expr(call) && v.Index < 1 {
			out = append(out, ev.eval(v.Expr)...)
		}
	}
	return capCands(out)
}

// sprintf substitutes %s and %v verbs of a format prefix with the prefixes
// of their arguments, up to the first other verb.
func (ev *evaluator) sprintf(f prefix, args []ast.Expr) []prefix {
	outs := []prefix{{complete: true}}
	lit, argi := 0, 0
	flush := func(i int) {
		if i > lit {
			piece := f.slice(lit, i)
			for k := range outs {
				if outs[k].complete {
					outs[k] = outs[k].concat(piece)
				}
			}
		}
	}
	for i := 0; i < len(f.s); i++ {
		if f.s[i] != '%' {
			continue
		}
		flush(i)
		if i+1 < len(f.s) && f.s[i+1] == '%' {
			for k := range outs {
				if outs[k].complete {
					outs[k] = outs[k].concat(plain("%", true))
				}
			}
			i++
			lit = i + 1
			continue
		}
		if i+1 >= len(f.s) || (f.s[i+1] != 's' && f.s[i+1] != 'v') || argi >= len(args) {
			for k := range outs {
				outs[k].complete = false
			}
			return outs
		}
		as := ev.eval(args[argi])
		argi++
		var next []prefix
		for _, o := range outs {
			if !o.complete {
				next = append(next, o)
				continue
			}
			if len(as) == 0 {
				next = append(next, o.concat(hole(o.s)))
			}
			for _, a := range as {
				next = append(next, o.concat(a))
			}
		}
		outs = capCands(next)
		i++
		lit = i + 1
	}
	flush(len(f.s))
	for k := range outs {
		outs[k].complete = outs[k].complete && f.complete
	}
	return outs
}

// joinPath appends path elements to base prefixes the way url.JoinPath
// does for clean elements.
func (ev *evaluator) joinPath(bases []prefix, elems []ast.Expr) []prefix {
	var out []prefix
	for _, b := range bases {
		if !b.complete {
			out = append(out, b)
			continue
		}
		p := b
		if t := strings.TrimRight(p.s, "/"); len(t) < len(p.s) {
			p = p.cut(len(t))
			p.complete = true
		}
		for _, el := range elems {
			es := ev.eval(el)
			if len(es) == 0 || !es[0].complete {
				p = p.concat(plain("/", false))
				break
			}
			p = p.concat(plain("/"+strings.TrimLeft(es[0].s, "/"), true))
		}
		out = append(out, p)
	}
	return capCands(out)
}

// urlObj returns the prefixes of a url.URL or *url.URL expression.
func (ev *evaluator) urlObj(e ast.Expr) []prefix {
	if ev.depth > maxEvalDepth {
		return nil
	}
	ev.depth++
	defer func() { ev.depth-- }()
	ev.visited[e] = true
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return ev.markTest(e, ev.urlObj1(e))
}

func (ev *evaluator) urlObj1(e ast.Expr) []prefix {
	switch n := e.(type) {
	case *ast.CompositeLit:
		var scheme, host, path []prefix
		for key, value := range model.KeyedFields(n) {
			switch key.Name {
			case "Scheme":
				scheme = ev.eval(value)
			case "Host":
				host = ev.eval(value)
			case "Path":
				path = ev.eval(value)
			}
		}
		if len(host) == 0 {
			return nil
		}
		sc := "https"
		if len(scheme) > 0 && scheme[0].complete {
			sc = scheme[0].s
		}
		var out []prefix
		for _, h := range host {
			if !h.complete {
				continue
			}
			p := plain(sc+"://", true).concat(h)
			p.segs = []seg{{n: len(p.s)}} // the origin is not one literal
			if len(path) > 0 {
				pp := path[0]
				if !strings.HasPrefix(pp.s, "/") && pp.s != "" {
					p = p.concat(plain("/", true))
				}
				p = p.concat(pp)
			}
			out = append(out, p)
		}
		return out
	case *ast.CallExpr:
		fn := model.Callee(ev.info, n)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/url" {
			var out []prefix
			for _, v := range ev.m.Values(ev.info, n) {
				if v.Expr != ast.Expr(n) && v.Index < 1 {
					out = append(out, ev.urlObj(v.Expr)...)
				}
			}
			return out
		}
		switch recv, name := model.RecvName(fn), fn.Name(); {
		case recv == "" && (name == "Parse" || name == "ParseRequestURI") && len(n.Args) == 1:
			return ev.eval(n.Args[0])
		case recv == "URL" && name == "JoinPath":
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				return ev.joinPath(ev.urlObj(sel.X), n.Args)
			}
		case recv == "URL" && (name == "ResolveReference" || name == "Parse"):
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				var out []prefix
				for _, p := range ev.urlObj(sel.X) {
					if u, ok := atlassian.ParseURL(p.s); ok {
						p = p.cut(u.OriginEnd)
					}
					p.complete = false
					out = append(out, p)
				}
				return out
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		var out []prefix
		for _, v := range ev.m.Values(ev.info, e) {
			if v.Expr != e && v.Index < 1 {
				out = append(out, ev.urlObj(v.Expr)...)
			}
		}
		return capCands(out)
	}
	return nil
}

func capCands(ps []prefix) []prefix {
	if len(ps) > maxCands {
		return ps[:maxCands]
	}
	return ps
}

// fieldOf returns the struct field that a selector x.f selects, or nil.
func fieldOf(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v, ok := info.ObjectOf(sel.Sel).(*types.Var)
	if !ok || !v.IsField() {
		return nil
	}
	return v
}

// isFlagString reports whether call is flag.NAME or (*flag.FlagSet).NAME
// with the four or three arguments of String and StringVar.
func isFlagString(info *types.Info, call *ast.CallExpr, name string) bool {
	fn := model.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "flag" || fn.Name() != name {
		return false
	}
	switch name {
	case "String":
		return len(call.Args) == 3
	case "StringVar":
		return len(call.Args) == 4
	}
	return false
}

// pathHint returns the constant path that follows the unknown origin of a
// URL built as origin + "/rest/api/3/..." or fmt.Sprintf("%s/rest/...",
// origin), and whether it is the whole rest of the URL, from the model's URL
// templates ("{}/rest/api/3/issue/{}", "https://{}/rest/api/3/myself").
func (ev *evaluator) pathHint(e ast.Expr) (string, bool) {
	for _, u := range ev.m.URLs(ev.info, e) {
		if u.Path == "" || u.Origin != "" && !strings.Contains(u.Origin, model.Hole) {
			continue
		}
		// The template's rest: the path and any query, as written.
		rest := u.Template[strings.Index(u.Template, u.Path):]
		if i := strings.Index(rest, model.Hole); i >= 0 {
			return rest[:i], false
		}
		return rest, true
	}
	return "", false
}
