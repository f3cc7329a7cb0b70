package readonlytoken

import "github.com/atlint/atlint/analyzer/model"

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "readonlytoken", Doc: doc, Rules: []model.Rule{
	{ID: "ATL501", Severity: model.Error, Default: true, Silent: "silent until configured",
		Title:   "read-only Data Center token used for a write request",
		Summary: "read-only Data Center token used for a POST/PUT/PATCH/DELETE"},
}, Options: []model.Option{
	{Flag: "source", Key: "read-only-tokens", Kind: model.List, Example: "JIRA_RO_TOKEN"},
}})
