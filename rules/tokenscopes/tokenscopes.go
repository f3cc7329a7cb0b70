package tokenscopes

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Analyzer is the package-level analyzer; it is silent until scopes are
// declared with -tokenscopes.token-scopes.
var Analyzer = New()

// New returns a fresh analyzer with its own flags.
func New() *analysis.Analyzer {
	s := &Scopes{}
	a := Spec.NewAnalyzer(func(pass *analysis.Pass) (any, error) { return run(pass, s) })
	a.Flags.Var(s, "token-scopes", "comma-separated scopes the project's token has (classic or granular, e.g. read:jira-work or read:issue:jira); ATL202 reports calls that need others")
	return a
}

// Scopes is the -token-scopes flag: a comma-separated list of scope names
// known to the REST scope table or to the Jira Product Discovery table.
type Scopes struct{ list []string }

func (s *Scopes) String() string {
	if s == nil {
		return ""
	}
	return strings.Join(s.list, ",")
}

// Set replaces the list; each name must be a known scope.
func (s *Scopes) Set(v string) error {
	var out []string
	for _, x := range strings.Split(v, ",") {
		x = strings.TrimSpace(x)
		if x == "" {
			continue
		}
		if !atlassian.KnownScope(x) && !atlassian.IsJPDScope(x) {
			return fmt.Errorf("unknown scope %q: not in Atlassian's REST specs or the Jira Product Discovery scopes", x)
		}
		out = append(out, x)
	}
	s.list = out
	return nil
}

// List returns the declared scopes.
func (s *Scopes) List() []string { return s.list }

func run(pass *analysis.Pass, s *Scopes) (any, error) {
	rep := model.NewReporter(pass, Spec)
	if len(s.list) == 0 {
		return rep.Off(), nil // nothing declared: silent, and its directives are not stale
	}
	for _, q := range rep.Model.Requests(pass.TypesInfo) {
		for _, op := range q.Operations() {
			ok, missC, missG := atlassian.SatisfiedBy(op, s.list)
			if !ok {
				rep.Report("ATL202", analysis.Diagnostic{Pos: q.Site(), End: q.End(), Message: Message(op, missC, missG)})
			}
		}
	}
	return rep.Result(), nil
}

// Message is the ATL202 message for an operation and the scopes missing
// from each of its alternatives.
func Message(op *atlassian.Operation, missingClassic, missingGranular []string) string {
	var alts []string
	if len(op.Granular) > 0 {
		alts = append(alts, strings.Join(missingGranular, ", ")+" (granular)")
	}
	if len(op.Classic) > 0 {
		alts = append(alts, strings.Join(missingClassic, ", ")+" (classic)")
	}
	return fmt.Sprintf("%s needs scopes the token lacks: add %s", OpName(op), strings.Join(alts, " or "))
}

// OpName names an operation: "GET /rest/api/3/issue/{issueIdOrKey} (getIssue)".
func OpName(op *atlassian.Operation) string {
	if op.OperationID != "" {
		return op.String() + " (" + op.OperationID + ")"
	}
	return op.String()
}
