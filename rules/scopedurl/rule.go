package scopedurl

import "github.com/atlint/atlint/analyzer/model"

// Spec declares the analyzer: its rules, documentation and settings. The
// suite's catalog, atlint help, SARIF metadata, the .atlint.yml keys and
// the README rules table are made of it.
var Spec = model.Declare(model.Spec{Analyzer: "scopedurl", Doc: doc, Rules: []model.Rule{
	{ID: "ATL201", Severity: model.Error, Default: true,
		Title:   "token sent to a host that will reject it (scoped API token to <site>.atlassian.net and other auth/host mismatches)",
		Summary: "API token sent with Basic auth to `https://<site>.atlassian.net` (scoped tokens fail there; use `https://api.atlassian.com/ex/{jira,confluence}/{cloudId}`), and other credentials a site rejects: OAuth Bearer, API token as Bearer, Data Center PAT / `BBDC-`"},
	{ID: "ATL204", Severity: model.Warning, Default: true,
		Title:   "configurable base URL that the code's documentation or Cloud-only paths make a <site>.atlassian.net site, where scoped API tokens fail",
		Summary: "configurable base URL whose documentation (placeholder site, flag usage, help tags, Terraform descriptions) or Cloud-only paths with Basic auth say users will enter `https://<site>.atlassian.net`, where scoped API tokens fail: accept the gateway form or a cloud ID"},
}, Options: []model.Option{
	{Flag: "cloudid", Key: "cloud-ids", Kind: model.Map, Example: "mysite=1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"},
	{Flag: "hint"}, // set by the driver: the spelling of the cloud-ID option its messages use
}})
