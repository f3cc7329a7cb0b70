package model

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// Hole stands for a part of a URL that is not constant in a URL
// template: "https://mysite.atlassian.net/rest/api/3/issue/{}".
const Hole = "{}"

// A URL is a request's URL as a template: the constant parts as written,
// each non-constant part replaced by [Hole].
type URL struct {
	// Template is the whole URL ("https://mysite.atlassian.net/rest/api/3/issue/{}",
	// "{}/rest/api/3/search", "{}"). Query strings and fragments are kept.
	Template string
	// Origin is the scheme and host ("https://mysite.atlassian.net",
	// "https://{}.atlassian.net"); "" when the template does not start
	// with a constant http or https scheme.
	Origin string
	// Path is the path template after the origin, from its first "/" up
	// to a "?" or "#" ("/rest/api/3/issue/{}"); "" when the template has
	// no constant path that starts with "/" (the path is unknown). When
	// Origin is "" the path follows an unknown prefix ("{}/rest/api/3"),
	// which may hold a gateway or /wiki prefix the look-up does not see.
	Path string
}

// Known reports whether the URL has a constant path to look up.
func (u URL) Known() bool { return u.Path != "" }

// ParseTemplate splits a URL template into origin and path.
func ParseTemplate(t string) URL {
	u := URL{Template: t}
	rest := t
	if i := strings.Index(t, "://"); i > 0 {
		scheme := strings.ToLower(t[:i])
		if scheme == Hole {
			// "{}://{}/rest/api/3": an unknown scheme and host, which
			// may hold a path prefix too, as in "{}/rest/api/3".
			end := strings.IndexAny(t[i+3:], "/?#")
			if end < 0 {
				return u
			}
			rest = t[i+3+end:]
		} else if scheme != "http" && scheme != "https" {
			return u
		} else {
			end := strings.IndexAny(t[i+3:], "/?#")
			if end < 0 {
				u.Origin = t
				return u
			}
			u.Origin = t[:i+3+end]
			rest = t[i+3+end:]
		}
	} else if strings.HasPrefix(t, Hole+"/") {
		rest = t[len(Hole):]
	}
	if !strings.HasPrefix(rest, "/") {
		return u
	}
	if j := strings.IndexAny(rest, "?#"); j >= 0 {
		rest = rest[:j]
	}
	u.Path = rest
	return u
}

// URLs returns the candidate URL templates of a string expression e
// (constants, concatenation, fmt.Sprintf, url.JoinPath, path.Join,
// (*url.URL).String and values followed as [Result.Values] does), or the
// single template "{}" when nothing about it is constant.
func (r *Result) URLs(info *types.Info, e ast.Expr) []URL {
	return urlsOf(r.reachIdx(info).tmpl(nil).templates(e, 0))
}

// URLCandidates returns the candidate values of a string expression e as
// [Result.URLs] evaluates them, in evaluation order and before URLs merges
// those with the same template, each with where its bytes are written ([Candidate.Segs])
// and whether any part comes from a test file. When visited is not nil,
// every expression the evaluation looks at is added to it.
func (r *Result) URLCandidates(info *types.Info, e ast.Expr, visited map[ast.Node]bool) []Candidate {
	t := r.reachIdx(info).tmpl(nil)
	t.pos, t.visit = true, visited
	return t.templates(e, 0)
}

// urlsOf returns the URL templates of the requests' URL expressions:
// each candidate value once, at most MaxCandidates, templates that are
// only holes dropped when a better one exists, and a template with an
// unknown origin dropped when another has the same path and an origin.
func urlsOf(cs []Candidate) []URL {
	var out []URL
	seen := map[string]bool{}
	for _, c := range cs {
		if seen[c.Template] {
			continue
		}
		seen[c.Template] = true
		out = append(out, ParseTemplate(c.Template))
	}
	if len(out) <= 1 {
		return out
	}
	withOrigin := map[string]bool{}
	for _, u := range out {
		if u.Origin != "" && u.Path != "" {
			withOrigin[u.Path] = true
		}
	}
	keep := out[:0]
	for _, u := range out {
		if u.Origin == "" && (u.Path == "" || withOrigin[u.Path]) {
			continue
		}
		keep = append(keep, u)
	}
	if len(keep) == 0 {
		return out[:1]
	}
	return keep
}

// A tmpl evaluates URL templates, with parameter bindings when it
// evaluates a request for one call of the function that makes it.
//
// With pos set it also records where the bytes of each candidate are
// written and whether a part comes from a test file, and adds the
// expressions it looks at to visit (when not nil). Result.Requests needs
// neither and leaves pos unset: its candidates carry no Segs.
type tmpl struct {
	x     *reachIndex
	bind  env
	pos   bool
	visit map[ast.Node]bool
}

func (x *reachIndex) tmpl(bind env) *tmpl { return &tmpl{x: x, bind: bind} }

// text is a candidate of constant text that no literal writes as such.
func (t *tmpl) text(s string) Candidate {
	if t.pos && s != "" {
		return Candidate{Template: s, Segs: []Seg{{N: len(s)}}}
	}
	return Candidate{Template: s}
}

// hole is the candidate of a value that is not constant.
func (t *tmpl) hole() Candidate {
	if t.pos {
		return Candidate{Template: Hole, Segs: []Seg{{N: len(Hole), Hole: true}}}
	}
	return Candidate{Template: Hole}
}

func (t *tmpl) holes() []Candidate { return []Candidate{t.hole()} }

func (t *tmpl) texts(ss ...string) []Candidate {
	out := make([]Candidate, len(ss))
	for i, s := range ss {
		out[i] = t.text(s)
	}
	return out
}

func (t *tmpl) saw(e ast.Node) {
	if t.visit != nil {
		t.visit[e] = true
	}
}

// markTest sets Test on the candidates of e when e lies in a test file.
func (t *tmpl) markTest(e ast.Expr, cs []Candidate) []Candidate {
	if t.pos && len(cs) > 0 && t.x.inTest(e) {
		for i := range cs {
			cs[i].Test = true
		}
	}
	return cs
}

// templates returns the candidate templates of a string expression.
func (t *tmpl) templates(e ast.Expr, depth int) []Candidate {
	if e == nil || depth > MaxDepth {
		return t.holes()
	}
	t.saw(e)
	return t.markTest(e, t.templates1(ast.Unparen(e), depth))
}

func (t *tmpl) templates1(e ast.Expr, depth int) []Candidate {
	x := t.x
	if s, ok := ConstString(x.info, e); ok {
		return []Candidate{t.constant(e, s, depth)}
	}
	switch n := e.(type) {
	case *ast.BinaryExpr:
		if n.Op != token.ADD {
			return t.holes()
		}
		return t.concat(n, depth)
	case *ast.CallExpr:
		return t.callTemplates(n, depth)
	case *ast.StarExpr:
		// *p with p := flag.String(name, default, usage)
		t.saw(n.X)
		var out []Candidate
		for _, v := range x.valuesEnv(n.X, -1, t.bind) {
			if call, ok := v.Expr.(*ast.CallExpr); ok && v.Index < 1 {
				if fn := Callee(x.info, call); IsFunc(fn, "flag", "", "String") && len(call.Args) == 3 ||
					IsFunc(fn, "flag", "FlagSet", "String") && len(call.Args) == 3 {
					out = append(out, t.templates(call.Args[1], depth+1)...)
				}
			}
		}
		if len(out) == 0 {
			return t.holes()
		}
		return capped(out)
	case *ast.Ident, *ast.SelectorExpr:
		out := t.followTemplates(e, depth, t.templates)
		// A struct tag default of the field (`default:"https://..."`,
		// `envDefault:"..."`), as configuration libraries fill it.
		if d := tagDefaults(x.info, e); len(d) > 0 {
			out = append(out, t.texts(d...)...)
			out = dropHoles(capped(dedupe(out)))
		}
		return out
	}
	return t.holes()
}

// concat returns the templates of a + b: a chain a + b + c costs one
// level of the depth budget, however long it is.
func (t *tmpl) concat(n *ast.BinaryExpr, depth int) []Candidate {
	var out []Candidate
	if l, ok := ast.Unparen(n.X).(*ast.BinaryExpr); ok && l.Op == token.ADD && !isConst(t.x.info, l) {
		t.saw(n.X)
		out = t.concat(l, depth)
	} else {
		out = t.templates(n.X, depth+1)
	}
	return cross(out, t.templates(n.Y, depth+1))
}

func isConst(info *types.Info, e ast.Expr) bool {
	_, ok := ConstString(info, e)
	return ok
}

// tagDefaults returns the values of the default and envDefault tags of
// the struct field that a selector x.f selects.
func tagDefaults(info *types.Info, e ast.Expr) []string {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	t := s.Recv()
	idx := s.Index()
	for i := 0; i < len(idx); i++ {
		st := StructOf(t)
		if st == nil || idx[i] >= st.NumFields() {
			return nil
		}
		if i == len(idx)-1 {
			tag := reflect.StructTag(st.Tag(idx[i]))
			var out []string
			for _, key := range []string{"default", "envDefault"} {
				if d, ok := tag.Lookup(key); ok && d != "" {
					out = append(out, d)
				}
			}
			return out
		}
		t = st.Field(idx[i]).Type()
	}
	return nil
}

// constant returns the candidate of a constant expression with value
// val, with the literals that write it when they are in the package: a
// literal, a concatenation of constants, a named constant declared in the
// package.
func (t *tmpl) constant(e ast.Expr, val string, depth int) Candidate {
	if !t.pos {
		return Candidate{Template: val}
	}
	t.saw(e)
	switch n := e.(type) {
	case *ast.BasicLit:
		c := Candidate{Template: val, Test: t.x.inTest(n)}
		if val != "" {
			c.Segs = []Seg{{Lit: n, N: len(val)}}
		}
		return c
	case *ast.BinaryExpr:
		// The operands of a chain a + b + c, in one pass: a long chain
		// costs linear time.
		var ops []ast.Expr
		for n.Op == token.ADD {
			ops = append(ops, ast.Unparen(n.Y))
			l, ok := ast.Unparen(n.X).(*ast.BinaryExpr)
			if !ok {
				ops = append(ops, ast.Unparen(n.X))
				break
			}
			t.saw(l)
			n = l
		}
		if n.Op != token.ADD {
			break
		}
		c := Candidate{Template: val}
		at := 0
		for i := len(ops) - 1; i >= 0; i-- {
			v, ok := ConstString(t.x.info, ops[i])
			if !ok || !strings.HasPrefix(val[at:], v) {
				return t.text(val)
			}
			d := t.constant(ops[i], v, depth)
			c.Segs = append(c.Segs, d.Segs...)
			c.Test = c.Test || d.Test
			at += len(v)
		}
		if at == len(val) {
			return c
		}
	case *ast.Ident, *ast.SelectorExpr:
		if c, ok := ObjectOf(t.x.info, n).(*types.Const); ok && depth <= MaxDepth {
			for _, v := range t.x.assigns[c] {
				if v.Index < 0 {
					if d := t.constant(ast.Unparen(v.Expr), val, depth+1); d.Template == val {
						return d
					}
				}
			}
		}
	}
	return t.text(val)
}

// followTemplates evaluates the values of a variable or field with eval.
func (t *tmpl) followTemplates(e ast.Expr, depth int, eval func(ast.Expr, int) []Candidate) []Candidate {
	x := t.x
	var out []Candidate
	for _, v := range x.valuesEnv(e, -1, t.bind) {
		if v.Expr == e || v.Index > 0 {
			out = append(out, t.hole())
			continue
		}
		out = append(out, eval(v.Expr, depth+1)...)
	}
	if len(out) == 0 {
		return t.holes()
	}
	return dropHoles(capped(dedupe(out)))
}

func (t *tmpl) callTemplates(call *ast.CallExpr, depth int) []Candidate {
	x := t.x
	fn := Callee(x.info, call)
	if fn == nil || fn.Pkg() == nil {
		return t.holes()
	}
	args := call.Args
	switch pkg, recv, name := fn.Pkg().Path(), RecvName(fn), fn.Name(); {
	case pkg == "fmt" && recv == "" && name == "Sprintf" && len(args) > 0:
		var out []Candidate
		for _, f := range t.templates(args[0], depth+1) {
			out = append(out, t.sprintf(f, args[1:], depth)...)
		}
		return capped(out)
	case pkg == "net/url" && recv == "" && name == "JoinPath" && len(args) > 0:
		return t.joinPath(t.templates(args[0], depth+1), args[1:], depth)
	case pkg == "path" && recv == "" && name == "Join":
		out := []Candidate{{}}
		for i, a := range args {
			ts := t.templates(a, depth+1)
			if i > 0 {
				for k := range ts {
					ts[k] = join(t.text("/"), trimLeft(ts[k], "/"))
				}
			}
			out = cross(out, ts)
		}
		return out
	case pkg == "net/url" && recv == "URL" && name == "String":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return t.urlObjTemplates(sel.X, depth+1)
		}
	case pkg == "strings" && recv == "" && (name == "TrimSuffix" || name == "TrimRight") && len(args) == 2:
		cut, _ := ConstString(x.info, args[1])
		out := t.templates(args[0], depth+1)
		for k, c := range out {
			switch {
			case cut == "/":
				out[k] = trimRight(c, "/")
			case name == "TrimSuffix" && cut != "" && strings.HasSuffix(c.Template, cut):
				out[k] = c.slice(0, len(c.Template)-len(cut))
			}
		}
		return out
	case pkg == "strings" && recv == "" && name == "TrimSpace" && len(args) == 1:
		return t.templates(args[0], depth+1)
	case pkg == "cmp" && recv == "" && name == "Or":
		var out []Candidate
		for _, a := range args {
			out = append(out, t.templates(a, depth+1)...)
		}
		return capped(dedupe(out))
	}
	if _, ok := x.funcs[fn]; ok {
		return t.followTemplates(call, depth, t.templates)
	}
	return t.holes()
}

// sprintf substitutes the verbs of a format template: %s and %v with the
// templates of their arguments, every other verb with a hole.
func (t *tmpl) sprintf(f Candidate, args []ast.Expr, depth int) []Candidate {
	outs := []Candidate{{Test: f.Test}}
	argi := 0
	lit := 0
	add := func(c Candidate) {
		for k := range outs {
			outs[k] = join(outs[k], c)
		}
	}
	s := f.Template
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		add(f.slice(lit, i))
		if i+1 < len(s) && s[i+1] == '%' {
			add(f.slice(i, i+1))
			i++
			lit = i + 1
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0123456789.*[]", s[j]) >= 0 {
			j++
		}
		if j >= len(s) {
			add(t.hole())
			return outs
		}
		verb := s[j]
		if (verb == 's' || verb == 'v') && j == i+1 && argi < len(args) {
			outs = capped(cross(outs, t.templates(args[argi], depth+1)))
		} else {
			add(t.hole())
		}
		argi++
		i = j
		lit = j + 1
	}
	add(f.slice(lit, len(s)))
	return outs
}

// joinPath appends elements to bases as url.JoinPath does for clean ones.
func (t *tmpl) joinPath(bases []Candidate, elems []ast.Expr, depth int) []Candidate {
	out := bases
	for _, el := range elems {
		ts := t.templates(el, depth+1)
		for k := range ts {
			ts[k] = join(t.text("/"), trimLeft(ts[k], "/"))
		}
		for k := range out {
			out[k] = trimRight(out[k], "/")
		}
		out = capped(cross(out, ts))
	}
	return out
}

// urlObjTemplates returns the templates of a url.URL or *url.URL value.
func (t *tmpl) urlObjTemplates(e ast.Expr, depth int) []Candidate {
	if e == nil || depth > MaxDepth {
		return t.holes()
	}
	t.saw(e)
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return t.markTest(e, t.urlObjTemplates1(e, depth))
}

func (t *tmpl) urlObjTemplates1(e ast.Expr, depth int) []Candidate {
	x := t.x
	switch n := e.(type) {
	case *ast.CompositeLit:
		scheme, host, path := t.texts("https"), t.holes(), []Candidate{{}}
		for key, value := range KeyedFields(n) {
			switch key.Name {
			case "Scheme":
				scheme = t.templates(value, depth+1)
			case "Host":
				host = t.templates(value, depth+1)
			case "Path":
				path = t.templates(value, depth+1)
				for k := range path {
					if p := path[k].Template; p != "" && !strings.HasPrefix(p, "/") {
						path[k] = join(t.text("/"), path[k])
					}
				}
			}
		}
		for k := range scheme {
			scheme[k] = join(scheme[k], t.text("://"))
		}
		return capped(cross(cross(scheme, host), path))
	case *ast.CallExpr:
		fn := Callee(x.info, n)
		if fn == nil || fn.Pkg() == nil {
			return t.holes()
		}
		if fn.Pkg().Path() != "net/url" {
			if _, ok := x.funcs[fn]; ok {
				return t.followTemplates(n, depth, t.urlObjTemplates)
			}
			return t.holes()
		}
		sel, _ := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		switch recv, name := RecvName(fn), fn.Name(); {
		case recv == "" && (name == "Parse" || name == "ParseRequestURI") && len(n.Args) == 1:
			return t.templates(n.Args[0], depth+1)
		case recv == "URL" && name == "JoinPath" && sel != nil:
			return t.joinPath(t.urlObjTemplates(sel.X, depth+1), n.Args, depth)
		case recv == "URL" && (name == "ResolveReference" || name == "Parse") && sel != nil && len(n.Args) == 1:
			var refs []Candidate
			if name == "Parse" {
				refs = t.templates(n.Args[0], depth+1)
			} else {
				refs = t.urlObjTemplates(n.Args[0], depth+1)
			}
			var out []Candidate
			for _, b := range t.urlObjTemplates(sel.X, depth+1) {
				for _, r := range refs {
					out = append(out, t.resolve(b, r))
				}
			}
			return capped(dedupe(out))
		}
	case *ast.Ident, *ast.SelectorExpr:
		return t.followTemplates(e, depth, t.urlObjTemplates)
	}
	return t.holes()
}

// resolve resolves a reference template against a base template the way
// (*url.URL).ResolveReference does for the common shapes: an absolute
// reference wins, a rooted path replaces the base path, a relative path
// replaces the base's last segment.
func (t *tmpl) resolve(base, ref Candidate) Candidate {
	b, r := base.Template, ref.Template
	switch {
	case strings.Contains(r, "://"):
		return ref
	case strings.HasPrefix(r, "/"):
		u := ParseTemplate(b)
		if u.Origin == "" {
			return join(t.hole(), ref)
		}
		return join(base.slice(0, len(u.Origin)), ref)
	case strings.HasPrefix(r, Hole):
		return t.hole()
	}
	if i := strings.LastIndexByte(b, '/'); i >= 0 && i > strings.Index(b, "://")+2 {
		return join(base.slice(0, i+1), ref)
	}
	return join(join(base, t.text("/")), ref)
}

// JoinBase joins a library client's base URL template and a path relative
// to it, as go-jira's and go-atlassian's NewRequest do: the path's leading
// "/" is dropped and the rest appended to the base path.
func JoinBase(base, rel string) string {
	if strings.Contains(rel, "://") {
		return rel
	}
	return strings.TrimRight(base, "/") + "/" + strings.TrimLeft(rel, "/")
}

func cross(xs, ys []Candidate) []Candidate {
	out := make([]Candidate, 0, min(len(xs)*len(ys), MaxCandidates))
	for _, a := range xs {
		for _, b := range ys {
			if len(out) == MaxCandidates {
				return out
			}
			out = append(out, join(a, b))
		}
	}
	return out
}

// capped keeps at most MaxCandidates of xs.
func capped[T any](xs []T) []T {
	if len(xs) > MaxCandidates {
		return xs[:MaxCandidates]
	}
	return xs
}

// dedupe drops repeated candidates: the same template from the same
// literals (or, without Segs, the same template), with the same Test.
func dedupe(cs []Candidate) []Candidate {
	if len(cs) < 2 {
		return cs
	}
	type key struct {
		s    string
		lit  *ast.BasicLit
		test bool
	}
	seen := make(map[key]bool, len(cs))
	out := cs[:0]
	for _, c := range cs {
		k := key{s: c.Template, test: c.Test}
		if len(c.Segs) > 0 {
			k.lit = c.Segs[0].Lit
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// dropHoles removes bare holes when another candidate says more.
func dropHoles(cs []Candidate) []Candidate {
	if len(cs) < 2 {
		return cs
	}
	out := cs[:0:0]
	for _, c := range cs {
		if c.Template != Hole {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return cs[:1]
	}
	return out
}
