package credentials

import "github.com/atlint/atlint/analyzer/model"

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "credentials", Doc: doc, Rules: []model.Rule{
	{ID: "ATL101", Severity: model.Error, Default: true,
		Title:   "hard-coded Atlassian credential",
		Summary: "hard-coded Atlassian credential, by grammar and checksum: Cloud API tokens (`ATATT3…`), Bitbucket access tokens (`ATCTT3…`), service-account tokens (`ATSTT3…`), app passwords (`ATBB…`), `BBDC-` tokens; legacy 24-character tokens and Data Center PATs where the context names Atlassian or sends them as credentials; fix: `os.Getenv(\"ATLASSIAN_API_TOKEN\")`"},
}, Options: []model.Option{
	{Flag: "tests", Key: "tests", Kind: model.Bool, Example: "false"},
}})
