package model_test

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
)

// candSrc is the package of TestURLCandidates: each probe(e) asks for the
// candidates of e.
const candSrc = "package bench\n\n" + `import (
	"fmt"
	"net/url"
	"strings"
)

func probe(string) {}

const base = "https://" +
	"multi.atlassian.net"

type config struct {
	Site string ` + "`default:\"https://tag.atlassian.net\"`" + `
}

func f(key, site string, n int, c config) {
	probe("https:\x2f/esc.atlassian.net\u002frest")
	probe(` + "`https://raw.atlassian.net/rest`" + `)
	probe(base + "/rest/api/3/" +
		key + "/x")
	probe(fmt.Sprintf("https://%s.atlassian.net/rest/%d/%s", site, n, "y"))
	probe(fmt.Sprintf("%s/wiki", base))
	probe((&url.URL{Scheme: "https", Host: "obj.atlassian.net", Path: "rest"}).String())
	j, _ := url.JoinPath("https://jp.atlassian.net/", "/rest", key)
	probe(j)
	probe(c.Site)
	probe(strings.TrimSuffix("https://ts.atlassian.net/wiki/", "/wiki/") + "/wiki/api/v2")
}

func call(u string) { probe(u) }

func g() { call("https://main.atlassian.net") }
`

const candTestSrc = `package bench

func h() { call("https://test.atlassian.net") }
`

// A seg is a model.Seg as the test reads it: the template bytes, and the
// source text the literal writes them with (or "hole", or "-").
type seg struct {
	Text string
	Src  string
}

type cand struct {
	Template string
	Segs     []seg
	Test     bool
	Prefix   string
	Complete bool
	LitAt    string // the source text of the literal that writes the origin alone, if any
}

// TestURLCandidates checks where the model says each byte of a URL
// candidate is written: escapes and raw strings map to their source text,
// constants concatenated across lines keep each literal, fmt.Sprintf keeps
// the format's literal around its verbs, url.URL fields and url.JoinPath
// add separators no literal writes, strings.TrimSuffix cuts the literal, a struct tag default is constant text
// of no literal, and a value that a _test.go file passes is marked Test.
func TestURLCandidates(t *testing.T) {
	p := atltest.CheckSource(t, map[string]string{"a.go": candSrc, "a_test.go": candTestSrc})
	pass := p.Pass(t, nil, inspect.Analyzer, model.Analyzer)
	m := pass.ResultOf[model.Analyzer].(*model.Result)
	src := map[string]string{"a.go": candSrc, "a_test.go": candTestSrc}
	text := func(n ast.Node, from, to int) string {
		f := p.Fset.File(n.Pos())
		return src[f.Name()][f.Offset(n.Pos())+from : f.Offset(n.Pos())+to]
	}
	var got [][]cand
	for c := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "probe" {
			continue
		}
		visited := map[ast.Node]bool{}
		var cs []cand
		for _, k := range m.URLCandidates(p.Info, call.Args[0], visited) {
			x := cand{Template: k.Template, Test: k.Test}
			x.Prefix, x.Complete = k.Prefix()
			at, n := 0, 0
			for _, s := range k.Segs {
				v := seg{Text: k.Template[at : at+s.N], Src: "-"}
				switch {
				case s.Hole:
					v.Src = "hole"
				case s.Lit != nil:
					v.Src = text(s.Lit, model.LitOffset(s.Lit.Value, s.Off), model.LitOffset(s.Lit.Value, s.Off+s.N))
				}
				x.Segs = append(x.Segs, v)
				at += s.N
				n += s.N
			}
			if n != len(k.Template) {
				t.Errorf("%s: segs cover %d bytes of %d", k.Template, n, len(k.Template))
			}
			if i := strings.Index(x.Prefix, ".net"); i >= 0 {
				if lit, off := k.LitAt(i + len(".net")); lit != nil {
					x.LitAt = text(lit, model.LitOffset(lit.Value, off), model.LitOffset(lit.Value, off+i+len(".net")))
				}
			}
			cs = append(cs, x)
		}
		if !visited[call.Args[0]] {
			t.Errorf("%s: the argument is not among the visited expressions", exprString(call.Args[0]))
		}
		got = append(got, cs)
	}
	want := [][]cand{
		{{Template: "https://esc.atlassian.net/rest", Segs: []seg{{"https://esc.atlassian.net/rest", `https:\x2f/esc.atlassian.net\u002frest`}},
			Prefix: "https://esc.atlassian.net/rest", Complete: true, LitAt: `https:\x2f/esc.atlassian.net`}},
		{{Template: "https://raw.atlassian.net/rest", Segs: []seg{{"https://raw.atlassian.net/rest", "https://raw.atlassian.net/rest"}},
			Prefix: "https://raw.atlassian.net/rest", Complete: true, LitAt: "https://raw.atlassian.net"}},
		{{Template: "https://multi.atlassian.net/rest/api/3/{}/x", Segs: []seg{
			{"https://", "https://"}, {"multi.atlassian.net", "multi.atlassian.net"}, {"/rest/api/3/", "/rest/api/3/"}, {"{}", "hole"}, {"/x", "/x"}},
			Prefix: "https://multi.atlassian.net/rest/api/3/"}},
		{{Template: "https://{}.atlassian.net/rest/{}/y", Segs: []seg{
			{"https://", "https://"}, {"{}", "hole"}, {".atlassian.net/rest/", ".atlassian.net/rest/"}, {"{}", "hole"}, {"/", "/"}, {"y", "y"}},
			Prefix: "https://{}.atlassian.net/rest/"}},
		{{Template: "https://multi.atlassian.net/wiki", Segs: []seg{
			{"https://", "https://"}, {"multi.atlassian.net", "multi.atlassian.net"}, {"/wiki", "/wiki"}},
			Prefix: "https://multi.atlassian.net/wiki", Complete: true}},
		{{Template: "https://obj.atlassian.net/rest", Segs: []seg{
			{"https", "https"}, {"://", "-"}, {"obj.atlassian.net", "obj.atlassian.net"}, {"/", "-"}, {"rest", "rest"}},
			Prefix: "https://obj.atlassian.net/rest", Complete: true}},
		{{Template: "https://jp.atlassian.net/rest/{}", Segs: []seg{
			{"https://jp.atlassian.net", "https://jp.atlassian.net"}, {"/", "-"}, {"rest", "rest"}, {"/", "-"}, {"{}", "hole"}},
			Prefix: "https://jp.atlassian.net/rest/", LitAt: "https://jp.atlassian.net"}},
		{{Template: "https://tag.atlassian.net", Segs: []seg{{"https://tag.atlassian.net", "-"}},
			Prefix: "https://tag.atlassian.net", Complete: true}},
		{{Template: "https://ts.atlassian.net/wiki/api/v2", Segs: []seg{
			{"https://ts.atlassian.net", "https://ts.atlassian.net"}, {"/wiki/api/v2", "/wiki/api/v2"}},
			Prefix: "https://ts.atlassian.net/wiki/api/v2", Complete: true, LitAt: "https://ts.atlassian.net"}},
		{
			{Template: "https://main.atlassian.net", Segs: []seg{{"https://main.atlassian.net", "https://main.atlassian.net"}},
				Prefix: "https://main.atlassian.net", Complete: true, LitAt: "https://main.atlassian.net"},
			{Template: "https://test.atlassian.net", Segs: []seg{{"https://test.atlassian.net", "https://test.atlassian.net"}}, Test: true,
				Prefix: "https://test.atlassian.net", Complete: true, LitAt: "https://test.atlassian.net"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("URLCandidates (-want +got):\n%s", diff)
	}
	// The templates are those of Result.URLs, which records no Segs.
	for c := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "probe" {
			continue
		}
		var fromCands, fromURLs []string
		seen := map[string]bool{}
		for _, k := range m.URLCandidates(p.Info, call.Args[0], nil) {
			if !seen[k.Template] {
				seen[k.Template] = true
				fromCands = append(fromCands, k.Template)
			}
		}
		for _, u := range m.URLs(p.Info, call.Args[0]) {
			fromURLs = append(fromURLs, u.Template)
		}
		if diff := cmp.Diff(fromCands, fromURLs); diff != "" {
			t.Errorf("%s: URLs and URLCandidates disagree (-cands +urls):\n%s", exprString(call.Args[0]), diff)
		}
	}
}

func TestParseTemplate(t *testing.T) {
	for _, tc := range []struct {
		in           string
		origin, path string
	}{
		{"https://mysite.atlassian.net/rest/api/3/issue/{}?x=1", "https://mysite.atlassian.net", "/rest/api/3/issue/{}"},
		{"https://{}.atlassian.net", "https://{}.atlassian.net", ""},
		{"{}/rest/api/3/search", "", "/rest/api/3/search"},
		{"{}://{}/2.0/repositories/{}", "", "/2.0/repositories/{}"},
		{"{}://{}", "", ""},
		{"ftp://example.com/x", "", ""},
		{"{}", "", ""},
		{"rest/api/3", "", ""},
	} {
		u := model.ParseTemplate(tc.in)
		if got, want := [2]string{u.Origin, u.Path}, [2]string{tc.origin, tc.path}; got != want {
			t.Errorf("ParseTemplate(%q) = origin %q path %q, want %q %q", tc.in, got[0], got[1], want[0], want[1])
		}
	}
}

// TestURLCandidatesLongChain: a constant concatenation of many literals
// keeps one segment per literal, in order (and is folded in linear time).
func TestURLCandidatesLongChain(t *testing.T) {
	const n = 20000
	var b strings.Builder
	b.WriteString("package bench\n\nfunc probe(string) {}\n\nfunc f() {\n\tprobe(\"https://long.atlassian.net\"")
	for i := range n - 1 {
		fmt.Fprintf(&b, " +\n\t\t\"/p%d\"", i)
	}
	b.WriteString(")\n}\n")
	p := atltest.CheckSource(t, map[string]string{"a.go": b.String()})
	pass := p.Pass(t, nil, inspect.Analyzer, model.Analyzer)
	m := pass.ResultOf[model.Analyzer].(*model.Result)
	for c := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		cs := m.URLCandidates(p.Info, call.Args[0], nil)
		if len(cs) != 1 || len(cs[0].Segs) != n {
			t.Fatalf("%d candidates, %d segments; want 1 candidate of %d", len(cs), len(cs[0].Segs), n)
		}
		at := 0
		for i, s := range cs[0].Segs {
			want := fmt.Sprintf("/p%d", i-1)
			if i == 0 {
				want = "https://long.atlassian.net"
			}
			if got := cs[0].Template[at : at+s.N]; got != want || s.Lit == nil || s.Lit.Value != strconv.Quote(want) {
				t.Fatalf("segment %d = %q from %v, want %q from its literal", i, got, s.Lit, want)
			}
			at += s.N
		}
		if lit, _ := cs[0].LitAt(len("https://long.atlassian.net")); lit == nil {
			t.Error("the origin's literal is not found")
		}
	}
}
