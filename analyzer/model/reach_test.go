package model_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
)

// reachProbe reports what Result.Reaches computed, so the fixture's want
// comments check it: at each Reach's call, the sink (by its secret
// expression), the library and package of the call, the URL and the
// method; at each sink that reaches nothing, "unreached". A call
// values(e) of the fixture reports Result.Values(e).
var reachProbe = &analysis.Analyzer{
	Name:             "reachprobe",
	Doc:              "reports model.Result.Reaches for tests",
	Requires:         []*analysis.Analyzer{model.Analyzer},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[model.Analyzer].(*model.Result)
		reaches := m.Reaches(pass.TypesInfo)
		if again := m.Reaches(pass.TypesInfo); len(again) != len(reaches) || len(again) > 0 && again[0] != reaches[0] {
			pass.Reportf(pass.Files[0].Package, "Reaches computed twice differently")
		}
		reached := map[*model.AuthSink]bool{}
		prev := -1
		for _, r := range reaches {
			reached[r.Sink] = true
			// In the order of the sinks.
			i := sinkIndex(m, r.Sink)
			if i < prev {
				pass.Reportf(r.Call.Pos(), "reach out of sink order")
			}
			prev = i
			if r.Cursor.Node() != r.Call {
				pass.Reportf(r.Call.Pos(), "reach cursor is not its call")
			}
			if !within(r.URL, r.Call) || r.MethodExpr != nil && !within(r.MethodExpr, r.Call) {
				pass.Reportf(r.Call.Pos(), "reach URL or method outside its call")
			}
			pass.Reportf(r.Call.Pos(), "reach %s -> %s %s url=%s method=%q mexpr=%s",
				exprString(r.Sink.Secret), r.Library, r.Package, exprString(r.URL), r.Method, exprString(r.MethodExpr))
		}
		for _, s := range m.Sinks {
			if !reached[s] {
				pass.Reportf(s.Node.Pos(), "unreached %s", exprString(s.Secret))
			}
		}
		for c := range m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
			call := c.Node().(*ast.CallExpr)
			fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if fn == nil || fn.Name() != "values" || len(call.Args) != 1 {
				continue
			}
			var vs []string
			for _, v := range m.Values(pass.TypesInfo, call.Args[0]) {
				s := exprString(v.Expr)
				if v.Index >= 0 {
					s += fmt.Sprintf("[%d]", v.Index)
				}
				vs = append(vs, s)
			}
			pass.Reportf(call.Pos(), "values %s", strings.Join(vs, " | "))
		}
		return nil, nil
	},
}

func sinkIndex(m *model.Result, s *model.AuthSink) int {
	for i, t := range m.Sinks {
		if t == s {
			return i
		}
	}
	return -1
}

func within(e ast.Expr, n ast.Node) bool {
	return e != nil && e.Pos() >= n.Pos() && e.End() <= n.End()
}

func exprString(e ast.Expr) string {
	if e == nil {
		return "-"
	}
	return types.ExprString(e)
}
