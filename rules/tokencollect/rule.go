package tokencollect

import "github.com/atlint/atlint/analyzer/model"

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "tokencollect", Doc: doc, Rules: []model.Rule{
	{ID: "ATL401", Severity: model.Error, Default: false,
		Title:   "app collects or stores users' Atlassian API tokens",
		Summary: "app that collects or stores users' Atlassian API tokens (enable in apps, plugins and services that act for other users)"},
}, Options: []model.Option{
	{Flag: "enable", Key: "collect-tokens", Kind: model.Bool, Example: "true"},
	{Flag: "auto", Key: "collect-tokens", Kind: model.Bool, Word: "auto", Example: "auto"},
}})
