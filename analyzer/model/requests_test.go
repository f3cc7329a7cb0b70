package model_test

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
)

// requestProbe reports what Result.Requests computed, at each request's
// Site (the call of a wrapper function for a request with Via).
var requestProbe = &analysis.Analyzer{
	Name:             "requestprobe",
	Doc:              "reports model.Result.Requests for tests",
	Requires:         []*analysis.Analyzer{model.Analyzer},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[model.Analyzer].(*model.Result)
		qs := m.Requests(pass.TypesInfo)
		if again := m.Requests(pass.TypesInfo); len(again) != len(qs) || len(qs) > 0 && again[0] != qs[0] {
			pass.Reportf(pass.Files[0].Package, "Requests computed twice differently")
		}
		for _, q := range qs {
			if q.Cursor.Node() != q.Node {
				pass.Reportf(q.Pos(), "request cursor is not its node")
			}
			if q.Via != nil && q.Cursor.Node() != q.Node {
				pass.Reportf(q.Site(), "request via: cursor is not its node")
			}
			pass.Reportf(q.Site(), "%s", describe(q))
		}
		return nil, nil
	},
}

func describe(q *model.Request) string {
	var urls, creds []string
	for _, u := range q.URLs {
		urls = append(urls, dash(u.Origin)+" "+dash(u.Path))
	}
	for _, c := range q.Creds {
		creds = append(creds, c.Kind.String()+" "+exprString(c.Sink.Secret))
	}
	return fmt.Sprintf("request %s %s %s urls=[%s] creds=[%s]", dash(q.Method), q.Library, q.Func, strings.Join(urls, ", "), strings.Join(creds, ", "))
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
