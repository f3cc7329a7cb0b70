package model_test

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
)

// flowProbe runs a Flow on every function declaration of the fixture and
// reports, at the argument of each call sink(e), the taint Flow.Of(e)
// ("flags=N what=W", or "clean"), and at the argument of each stored(e)
// the taint Flow.Stored(e). Its spec: taint(flags, what) is a source;
// through(...) passes the taint of its arguments (and receiver) along;
// fill(dst, src) writes src into dst.
var flowProbe = &analysis.Analyzer{
	Name:             "flowprobe",
	Doc:              "reports model.Flow for tests",
	Requires:         []*analysis.Analyzer{model.Analyzer},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[model.Analyzer].(*model.Result)
		info := pass.TypesInfo
		spec := model.FlowSpec{
			Source: func(f *model.Flow, e ast.Expr) *model.Taint {
				call, ok := e.(*ast.CallExpr)
				if !ok || calleeName(info, call) != "taint" || len(call.Args) != 2 {
					return nil
				}
				flags, _ := constant.Uint64Val(info.Types[call.Args[0]].Value)
				return &model.Taint{Flags: uint(flags), What: constant.StringVal(info.Types[call.Args[1]].Value), Pos: call.Pos()}
			},
			Through: func(f *model.Flow, call *ast.CallExpr, fn *types.Func) bool {
				return fn != nil && fn.Name() == "through"
			},
			Into: func(f *model.Flow, call *ast.CallExpr, fn *types.Func) ([]ast.Expr, ast.Expr) {
				if fn != nil && fn.Name() == "fill" && len(call.Args) == 2 {
					return call.Args[:1], call.Args[1]
				}
				return nil, nil
			},
		}
		for fc := range m.Inspector.Root().Preorder((*ast.FuncDecl)(nil)) {
			if fc.Node().(*ast.FuncDecl).Body == nil {
				continue
			}
			flow := model.NewFlow(info, fc, spec)
			for c := range fc.Preorder((*ast.CallExpr)(nil)) {
				call := c.Node().(*ast.CallExpr)
				if len(call.Args) != 1 {
					continue
				}
				var t *model.Taint
				prefix := ""
				switch id, _ := ast.Unparen(call.Fun).(*ast.Ident); {
				case id != nil && id.Name == "sink":
					t = flow.Of(call.Args[0])
				case id != nil && id.Name == "stored":
					t, prefix = flow.Stored(call.Args[0]), "stored "
				default:
					continue
				}
				msg := prefix + "clean"
				if t != nil {
					msg = fmt.Sprintf("%sflags=%d what=%s", prefix, t.Flags, t.What)
					if !t.Pos.IsValid() {
						msg += " (no position)"
					}
				}
				pass.Reportf(call.Args[0].Pos(), "%s", msg)
			}
		}
		return nil, nil
	},
}

func calleeName(info *types.Info, call *ast.CallExpr) string {
	if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil {
		return fn.Name()
	}
	return ""
}
