package apppassword

import "github.com/atlint/atlint/analyzer/model"

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "apppassword", Doc: doc, Rules: []model.Rule{
	{ID: "ATL102", Severity: model.Error, Default: true,
		Title:   "Bitbucket Cloud app password, which stopped working on 2026-07-28",
		Summary: "Bitbucket Cloud app password (a value named `BITBUCKET_APP_PASSWORD`/`AppPassword`/`app_password`/`--app-password`, or an `ATBB…` literal) sent with Basic auth to `api.bitbucket.org`/`bitbucket.org` (net/http, go-bitbucket, go-git, git-over-HTTPS URLs): app passwords stopped working on 2026-07-28; use a scoped API token with the Atlassian account email as user (git: the Bitbucket username or `x-bitbucket-api-token-auth`); names the scopes the call needs when it resolves"},
}})
