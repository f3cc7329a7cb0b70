package tokencollect

import (
	_ "embed"

	"github.com/atlint/atlint/analyzer/model"
)

//go:embed doc.go
var doc string

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{
	Analyzer: "tokencollect",
	Doc:      doc,
	Rules: []model.Rule{{
		ID:       "ATL401",
		Title:    "app collects or stores users' Atlassian API tokens",
		Severity: model.Error,
		Default:  false,
		Summary:  "app that collects or stores users' Atlassian API tokens (enable in apps, plugins and services that act for other users)",
	}},
	Options: []model.Option{
		{Flag: "enable", Key: "collect-tokens", Kind: model.Bool},
		{Flag: "auto", Key: "collect-tokens", Kind: model.Bool, Word: "auto"},
	},
})
