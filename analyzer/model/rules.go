package model

import "strings"

// Severity is how serious a rule's findings are by default.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// A Rule is one stable rule ID. An analyzer may report several IDs
// (jpdgraphql reports ATL301 and ATL302).
type Rule struct {
	ID       string   // stable ID, e.g. "ATL101"
	Analyzer string   // name of the analyzer that reports it (the vet flag)
	Title    string   // short description, lower case
	Severity Severity // default severity
	Default  bool     // enabled by default
}

// Rules is the catalog of every rule atlint knows, in ID order.
var Rules = []Rule{
	{ID: "ATL001", Analyzer: "ignores", Title: "//atlint:ignore directive that is malformed or suppresses nothing", Severity: Warning, Default: true},
	{ID: "ATL101", Analyzer: "credentials", Title: "hard-coded Atlassian credential", Severity: Error, Default: true},
	{ID: "ATL102", Analyzer: "apppassword", Title: "Bitbucket Cloud app password, which stopped working on 2026-07-28", Severity: Error, Default: true},
	{ID: "ATL201", Analyzer: "scopedurl", Title: "token sent to a host that will reject it (scoped API token to <site>.atlassian.net and other auth/host mismatches)", Severity: Error, Default: true},
	{ID: "ATL202", Analyzer: "tokenscopes", Title: "call whose REST operation needs a scope the declared token scopes lack", Severity: Error, Default: true},
	{ID: "ATL203", Analyzer: "deprecatedapi", Title: "call to an Atlassian REST operation the spec marks deprecated or no longer lists", Severity: Warning, Default: true},
	{ID: "ATL204", Analyzer: "scopedurl", Title: "configurable base URL that the code's documentation or Cloud-only paths make a <site>.atlassian.net site, where scoped API tokens fail", Severity: Warning, Default: true},
	{ID: "ATL301", Analyzer: "jpdgraphql", Title: "Jira Product Discovery GraphQL operation that no longer accepts API tokens", Severity: Error, Default: true},
	{ID: "ATL302", Analyzer: "jpdgraphql", Title: "Jira Product Discovery GraphQL operation that needs a scoped token", Severity: Warning, Default: true},
	{ID: "ATL401", Analyzer: "tokencollect", Title: "app collects or stores users' Atlassian API tokens", Severity: Error, Default: false},
	{ID: "ATL501", Analyzer: "readonlytoken", Title: "read-only Data Center token used for a write request", Severity: Error, Default: true},
}

// RuleByID returns the rule with the given ID (case-insensitive).
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return Rule{}, false
}

// RulesOf returns the rules reported by the named analyzer.
func RulesOf(analyzer string) []Rule {
	var rs []Rule
	for _, r := range Rules {
		if r.Analyzer == analyzer {
			rs = append(rs, r)
		}
	}
	return rs
}

// DocURL is the documentation address of a rule: its page docs/rules/ATLnnn.md
// in the repository (a test checks that every rule has one).
func DocURL(id string) string {
	return "https://github.com/atlint/atlint/blob/main/docs/rules/" + strings.ToUpper(id) + ".md"
}
