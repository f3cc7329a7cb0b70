package jpdgraphql

import (
	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "jpdgraphql", Doc: doc, Rules: []model.Rule{
	{ID: "ATL301", Severity: model.Error, Default: true,
		Title:   "Jira Product Discovery GraphQL operation that no longer accepts API tokens",
		Summary: "Jira Product Discovery GraphQL operation that accepts no API token after 2026-10-31 (`jiraProductDiscovery`, the `on…` subscriptions, …): move to OAuth 2.0 (3LO) or Forge"},
	{ID: "ATL302", Severity: model.Warning, Default: true,
		Title:   "Jira Product Discovery GraphQL operation that needs a scoped token",
		Summary: "Jira Product Discovery GraphQL operation that needs a scoped token after 2026-10-31; names the scope (`read:insight:jira-product-discovery`, …)"},
}, Options: []model.Option{
	{Flag: "token-scopes", Key: "token-scopes", Kind: model.List, Only: atlassian.IsJPDScope, Example: "read:view:jira-product-discovery"}, // the same setting as ATL202's
	{Flag: "now", Key: "now", Kind: model.String, Example: "2026-11-01"},
}})
