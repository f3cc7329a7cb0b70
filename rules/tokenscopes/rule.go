package tokenscopes

import "github.com/atlint/atlint/analyzer/model"

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "tokenscopes", Doc: doc, Rules: []model.Rule{
	{ID: "ATL202", Severity: model.Error, Default: true, Silent: "silent until `token-scopes` is set",
		Title:   "call whose REST operation needs a scope the declared token scopes lack",
		Summary: "call whose REST operation needs a scope the declared token scopes lack; names the operation, the missing scopes and the granular/classic set that would satisfy it (`atlint scopes` prints the least set)"},
}, Options: []model.Option{
	{Flag: "token-scopes", Key: "token-scopes", Kind: model.List, Example: "read:jira-work"},
}})
