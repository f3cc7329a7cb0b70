package scopedurl

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/atlint/atlint/analyzer/model"
)

// A checker holds what the rule gathers about one package beyond the
// model's URL candidates: the evidence that a configurable base URL is
// meant to be a site (see constraints), and the expressions the URLs of
// the requests are evaluated from (for the shared-literal check).
type checker struct {
	info *types.Info
	m    *model.Result

	// visited holds every expression the model's URL evaluation looked
	// at for the requests: the expressions whose values flow into a URL.
	visited map[ast.Node]bool

	tags        map[*types.Var]string // struct fields -> their tags, built on first use
	flagTargets map[types.Object]bool // targets of flag StringVar calls, built on first use

	samples map[string]string // sample config keys set to a site -> evidence (see sampleSites)
}

func newChecker(info *types.Info, m *model.Result) *checker {
	return &checker{info: info, m: m, visited: map[ast.Node]bool{}}
}

// candidates returns the model's candidate values of a request's URL,
// recording the expressions they come from.
func (ck *checker) candidates(e ast.Expr) []model.Candidate {
	return ck.m.URLCandidates(ck.info, e, ck.visited)
}

// inTest reports whether n lies in a _test.go file or in testdata.
func (ck *checker) inTest(n ast.Node) bool {
	return ck.m.FileOf(n.Pos()).IsTest()
}

// tag returns the tag of a struct field of the package.
func (ck *checker) tag(v *types.Var) string {
	if ck.tags == nil {
		ck.tags = map[*types.Var]string{}
		for c := range ck.m.Inspector.Root().Preorder((*ast.Field)(nil)) {
			n := c.Node().(*ast.Field)
			if n.Tag == nil {
				continue
			}
			tag, err := strconv.Unquote(n.Tag.Value)
			if err != nil {
				continue
			}
			for _, name := range n.Names {
				if v, ok := ck.info.Defs[name].(*types.Var); ok {
					ck.tags[v] = tag
				}
			}
		}
	}
	return ck.tags[v]
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
func (ck *checker) pathHint(e ast.Expr) (string, bool) {
	for _, u := range ck.m.URLs(ck.info, e) {
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
