package deprecatedapi

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Analyzer is the package-level analyzer.
var Analyzer = New()

// New returns a fresh analyzer.
func New() *analysis.Analyzer {
	return Spec.NewAnalyzer(run)
}

func run(pass *analysis.Pass) (any, error) {
	rep := model.NewReporter(pass, Spec)
	for _, q := range rep.Model.Requests(pass.TypesInfo) {
		for _, op := range q.Operations() {
			if op.Deprecated || op.Legacy {
				rep.Report("ATL203", analysis.Diagnostic{Pos: q.Site(), End: q.End(), Message: Message(op)})
			}
		}
	}
	return rep.Result(), nil
}

// Message is the ATL203 message for a deprecated or removed operation.
func Message(op *atlassian.Operation) string {
	name := op.String()
	if op.OperationID != "" {
		name += " (" + op.OperationID + ")"
	}
	product := strings.TrimSuffix(op.Product, "-legacy")
	what := "is deprecated in Atlassian's " + product + " spec"
	if !op.Deprecated {
		what = "is gone from Atlassian's current " + product + " spec (only an older one lists it)"
	}
	if op.Replacement != "" {
		return fmt.Sprintf("%s %s: use %s", name, what, op.Replacement)
	}
	return fmt.Sprintf("%s %s: move to the operation its documentation names before it is removed", name, what)
}
