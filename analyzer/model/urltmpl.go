package model

import (
	"go/ast"
	"go/token"
	"go/types"
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
		if scheme != "http" && scheme != "https" {
			return u
		}
		end := strings.IndexAny(t[i+3:], "/?#")
		if end < 0 {
			u.Origin = t
			return u
		}
		u.Origin = t[:i+3+end]
		rest = t[i+3+end:]
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

// urlsOf returns the URL templates of the requests' URL expressions:
// each candidate value once, at most MaxCandidates, templates that are
// only holes dropped when a better one exists, and a template with an
// unknown origin dropped when another has the same path and an origin.
func urlsOf(ts []string) []URL {
	var out []URL
	seen := map[string]bool{}
	for _, t := range ts {
		if seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, ParseTemplate(t))
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
type tmpl struct {
	x    *reachIndex
	bind env
}

func (x *reachIndex) tmpl(bind env) *tmpl { return &tmpl{x: x, bind: bind} }

// templates returns the candidate templates of a string expression.
func (t *tmpl) templates(e ast.Expr, depth int) []string {
	x := t.x
	if e == nil || depth > MaxDepth {
		return []string{Hole}
	}
	e = ast.Unparen(e)
	if s, ok := ConstString(x.info, e); ok {
		return []string{s}
	}
	switch n := e.(type) {
	case *ast.BinaryExpr:
		if n.Op != token.ADD {
			return []string{Hole}
		}
		return cross(t.templates(n.X, depth+1), t.templates(n.Y, depth+1))
	case *ast.CallExpr:
		return t.callTemplates(n, depth)
	case *ast.StarExpr:
		// *p with p := flag.String(name, default, usage)
		var out []string
		for _, v := range x.valuesEnv(n.X, -1, t.bind) {
			if call, ok := v.Expr.(*ast.CallExpr); ok && v.Index < 1 {
				if fn := Callee(x.info, call); IsFunc(fn, "flag", "", "String") && len(call.Args) == 3 ||
					IsFunc(fn, "flag", "FlagSet", "String") && len(call.Args) == 3 {
					out = append(out, t.templates(call.Args[1], depth+1)...)
				}
			}
		}
		if len(out) == 0 {
			return []string{Hole}
		}
		return capStrings(out)
	case *ast.Ident, *ast.SelectorExpr:
		return t.followTemplates(e, depth, t.templates)
	}
	return []string{Hole}
}

// followTemplates evaluates the values of a variable or field with eval.
func (t *tmpl) followTemplates(e ast.Expr, depth int, eval func(ast.Expr, int) []string) []string {
	x := t.x
	var out []string
	for _, v := range x.valuesEnv(e, -1, t.bind) {
		if v.Expr == e || v.Index > 0 {
			out = append(out, Hole)
			continue
		}
		out = append(out, eval(v.Expr, depth+1)...)
	}
	if len(out) == 0 {
		return []string{Hole}
	}
	return dropHoles(capStrings(dedupe(out)))
}

func (t *tmpl) callTemplates(call *ast.CallExpr, depth int) []string {
	x := t.x
	fn := Callee(x.info, call)
	if fn == nil || fn.Pkg() == nil {
		return []string{Hole}
	}
	args := call.Args
	switch pkg, recv, name := fn.Pkg().Path(), RecvName(fn), fn.Name(); {
	case pkg == "fmt" && recv == "" && name == "Sprintf" && len(args) > 0:
		var out []string
		for _, f := range t.templates(args[0], depth+1) {
			out = append(out, t.sprintf(f, args[1:], depth)...)
		}
		return capStrings(out)
	case pkg == "net/url" && recv == "" && name == "JoinPath" && len(args) > 0:
		return t.joinPath(t.templates(args[0], depth+1), args[1:], depth)
	case pkg == "path" && recv == "" && name == "Join":
		out := []string{""}
		for i, a := range args {
			ts := t.templates(a, depth+1)
			if i > 0 {
				for k := range ts {
					ts[k] = "/" + strings.TrimLeft(ts[k], "/")
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
		var out []string
		for _, t := range t.templates(args[0], depth+1) {
			if cut == "/" {
				t = strings.TrimRight(t, "/")
			}
			out = append(out, t)
		}
		return out
	case pkg == "strings" && recv == "" && name == "TrimSpace" && len(args) == 1:
		return t.templates(args[0], depth+1)
	case pkg == "cmp" && recv == "" && name == "Or":
		var out []string
		for _, a := range args {
			out = append(out, t.templates(a, depth+1)...)
		}
		return capStrings(dedupe(out))
	}
	if _, ok := x.funcs[fn]; ok {
		return t.followTemplates(call, depth, t.templates)
	}
	return []string{Hole}
}

// sprintf substitutes the verbs of a format template: %s and %v with the
// templates of their arguments, every other verb with a hole.
func (t *tmpl) sprintf(f string, args []ast.Expr, depth int) []string {
	outs := []string{""}
	argi := 0
	lit := 0
	add := func(s string) {
		for k := range outs {
			outs[k] += s
		}
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		add(f[lit:i])
		if i+1 < len(f) && f[i+1] == '%' {
			add("%")
			i++
			lit = i + 1
			continue
		}
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.*[]", f[j]) >= 0 {
			j++
		}
		if j >= len(f) {
			add(Hole)
			return outs
		}
		verb := f[j]
		if (verb == 's' || verb == 'v') && j == i+1 && argi < len(args) {
			outs = capStrings(cross(outs, t.templates(args[argi], depth+1)))
		} else {
			add(Hole)
		}
		argi++
		i = j
		lit = j + 1
	}
	add(f[lit:])
	return outs
}

// joinPath appends elements to bases as url.JoinPath does for clean ones.
func (t *tmpl) joinPath(bases []string, elems []ast.Expr, depth int) []string {
	out := bases
	for _, el := range elems {
		ts := t.templates(el, depth+1)
		for k := range ts {
			ts[k] = "/" + strings.TrimLeft(ts[k], "/")
		}
		for k := range out {
			out[k] = strings.TrimRight(out[k], "/")
		}
		out = capStrings(cross(out, ts))
	}
	return out
}

// urlObjTemplates returns the templates of a url.URL or *url.URL value.
func (t *tmpl) urlObjTemplates(e ast.Expr, depth int) []string {
	x := t.x
	if e == nil || depth > MaxDepth {
		return []string{Hole}
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch n := e.(type) {
	case *ast.CompositeLit:
		scheme, host, path := []string{"https"}, []string{Hole}, []string{""}
		for key, value := range KeyedFields(n) {
			switch key.Name {
			case "Scheme":
				scheme = t.templates(value, depth+1)
			case "Host":
				host = t.templates(value, depth+1)
			case "Path":
				path = t.templates(value, depth+1)
				for k := range path {
					if path[k] != "" && !strings.HasPrefix(path[k], "/") {
						path[k] = "/" + path[k]
					}
				}
			}
		}
		for k := range scheme {
			scheme[k] += "://"
		}
		return capStrings(cross(cross(scheme, host), path))
	case *ast.CallExpr:
		fn := Callee(x.info, n)
		if fn == nil || fn.Pkg() == nil {
			return []string{Hole}
		}
		if fn.Pkg().Path() != "net/url" {
			if _, ok := x.funcs[fn]; ok {
				return t.followTemplates(n, depth, t.urlObjTemplates)
			}
			return []string{Hole}
		}
		sel, _ := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		switch recv, name := RecvName(fn), fn.Name(); {
		case recv == "" && (name == "Parse" || name == "ParseRequestURI") && len(n.Args) == 1:
			return t.templates(n.Args[0], depth+1)
		case recv == "URL" && name == "JoinPath" && sel != nil:
			return t.joinPath(t.urlObjTemplates(sel.X, depth+1), n.Args, depth)
		case recv == "URL" && (name == "ResolveReference" || name == "Parse") && sel != nil && len(n.Args) == 1:
			var refs []string
			if name == "Parse" {
				refs = t.templates(n.Args[0], depth+1)
			} else {
				refs = t.urlObjTemplates(n.Args[0], depth+1)
			}
			var out []string
			for _, b := range t.urlObjTemplates(sel.X, depth+1) {
				for _, r := range refs {
					out = append(out, resolve(b, r))
				}
			}
			return capStrings(dedupe(out))
		}
	case *ast.Ident, *ast.SelectorExpr:
		return t.followTemplates(e, depth, t.urlObjTemplates)
	}
	return []string{Hole}
}

// resolve resolves a reference template against a base template the way
// (*url.URL).ResolveReference does for the common shapes: an absolute
// reference wins, a rooted path replaces the base path, a relative path
// replaces the base's last segment.
func resolve(base, ref string) string {
	switch {
	case strings.Contains(ref, "://"):
		return ref
	case strings.HasPrefix(ref, "/"):
		u := ParseTemplate(base)
		if u.Origin == "" {
			return Hole + ref
		}
		return u.Origin + ref
	case strings.HasPrefix(ref, Hole):
		return Hole
	}
	if i := strings.LastIndexByte(base, '/'); i >= 0 && i > strings.Index(base, "://")+2 {
		return base[:i+1] + ref
	}
	return base + "/" + ref
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

func cross(xs, ys []string) []string {
	out := make([]string, 0, min(len(xs)*len(ys), MaxCandidates))
	for _, a := range xs {
		for _, b := range ys {
			if len(out) == MaxCandidates {
				return out
			}
			out = append(out, joinHoles(a, b))
		}
	}
	return out
}

// joinHoles concatenates two templates, merging a hole that ends a with
// one that starts b.
func joinHoles(a, b string) string {
	if strings.HasSuffix(a, Hole) && strings.HasPrefix(b, Hole) {
		return a + b[len(Hole):]
	}
	return a + b
}

func capStrings(ts []string) []string {
	if len(ts) > MaxCandidates {
		return ts[:MaxCandidates]
	}
	return ts
}

func dedupe(ts []string) []string {
	if len(ts) < 2 {
		return ts
	}
	seen := make(map[string]bool, len(ts))
	out := ts[:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// dropHoles removes bare holes when another candidate says more.
func dropHoles(ts []string) []string {
	if len(ts) < 2 {
		return ts
	}
	out := ts[:0:0]
	for _, t := range ts {
		if t != Hole {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return ts[:1]
	}
	return out
}
