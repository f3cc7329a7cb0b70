package ignores

import (
	"slices"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/rules"
)

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "ignores", Doc: doc, Rules: []model.Rule{
	{ID: "ATL001", Severity: model.Warning, Default: true,
		Title:   "//atlint:ignore directive that is malformed or suppresses nothing",
		Summary: "`//atlint:ignore` directive that is malformed or silences nothing"},
}})

// unknown returns the first rule ID of the directive that is not a rule of
// the suite (the registry's rules and ATL001), or "". A directive that
// names an unknown rule is malformed: it is reported as such, never as
// stale.
func unknown(d *model.Directive) string {
	for _, id := range d.IDs {
		if !slices.ContainsFunc(rules.All, func(p rules.Package) bool { return slices.Contains(p.Spec.IDs(), id) }) &&
			!slices.Contains(Spec.IDs(), id) {
			return id
		}
	}
	return ""
}
