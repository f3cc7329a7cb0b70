package model

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/atlassian/atltest"
)

// A package that serves HTTP and makes no request has no requests, and
// asking for them builds no index; a package that makes one does.
func TestRequestsGate(t *testing.T) {
	built := map[string]bool{}
	probe := &analysis.Analyzer{
		Name:     "gateprobe",
		Doc:      "records whether Requests built the index",
		Requires: []*analysis.Analyzer{Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[Analyzer].(*Result)
			n := len(m.Requests(pass.TypesInfo))
			built[pass.Pkg.Path()] = m.reach != nil
			if pass.Pkg.Path() == "modelrequests/server" && n != 0 {
				t.Errorf("server: %d requests, want 0", n)
			}
			return nil, nil
		},
	}
	atltest.Run(t, atltest.Quiet, atltest.Fixtures(), probe, nil, "modelrequests/server", "modelrequests")
	if built["modelrequests/server"] {
		t.Errorf("server: Requests built the index")
	}
	if !built["modelrequests"] {
		t.Errorf("modelrequests: Requests built no index (gate too tight?); got %v", built)
	}
}
