package deprecatedapi

import "github.com/atlint/atlint/analyzer/model"

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "deprecatedapi", Doc: doc, Rules: []model.Rule{
	{ID: "ATL203", Severity: model.Warning, Default: true,
		Title:   "call to an Atlassian REST operation the spec marks deprecated or no longer lists",
		Summary: "call to an Atlassian REST operation the spec marks deprecated, or that only an older spec lists; names the replacement when the spec's own text does"},
}})
