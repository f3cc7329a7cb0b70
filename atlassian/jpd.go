package atlassian

import (
	"strings"
	"time"
)

// Jira Product Discovery (JPD) GraphQL operations that lost classic API
// token access (facts §3, from Atlassian's notice "Deprecation of classic API
// token access for Jira Product Discovery GraphQL queries": "A small number
// of GraphQL queries will stop accepting API Tokens after Oct 31, 2026").

// JPD token scopes, as named in Atlassian's notice.
const (
	ScopeWriteInsight  = "write:insight:jira-product-discovery"
	ScopeDeleteInsight = "delete:insight:jira-product-discovery"
	ScopeReadInsight   = "read:insight:jira-product-discovery"
	ScopeWriteView     = "write:view:jira-product-discovery"
	ScopeDeleteView    = "delete:view:jira-product-discovery" // maps to no listed operation
	ScopeReadView      = "read:view:jira-product-discovery"
	ScopeReadProject   = "read:project:jira-product-discovery"
)

// JPDScopes lists every JPD token scope, in the notice's order.
var JPDScopes = []string{
	ScopeReadInsight, ScopeWriteInsight, ScopeDeleteInsight,
	ScopeReadView, ScopeWriteView, ScopeDeleteView,
	ScopeReadProject,
}

// IsJPDScope reports whether s is a known JPD token scope (exact match).
func IsJPDScope(s string) bool {
	for _, x := range JPDScopes {
		if x == s {
			return true
		}
	}
	return false
}

// JPDCutoff is the last day classic API tokens work for the listed
// operations: they "stop accepting API Tokens after Oct 31, 2026", so the
// first day they fail is the day after. Dates are compared in UTC.
var JPDCutoff = time.Date(2026, time.October, 31, 0, 0, 0, 0, time.UTC)

// JPDCutoffPassed reports whether the cutoff has passed at now: true from
// 2026-11-01 (UTC) on, false up to and including 2026-10-31.
func JPDCutoffPassed(now time.Time) bool {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(JPDCutoff)
}

// A JPDOperation is a root field of the Atlassian GraphQL gateway that lost
// classic API token access.
type JPDOperation struct {
	Name string // the GraphQL root field, e.g. "polarisInsights"
	// Scope is the scope a fine-grained (scoped) API token needs for the
	// operation; "" when the operation accepts no API token at all (it needs
	// OAuth 2.0 (3LO) or Forge).
	Scope string
}

// NoTokenAccess reports whether the operation accepts no API token at all.
func (op JPDOperation) NoTokenAccess() bool { return op.Scope == "" }

// Subscription reports whether the operation is one of the on… subscriptions.
func (op JPDOperation) Subscription() bool {
	return len(op.Name) > 2 && strings.HasPrefix(op.Name, "on") && op.Name[2] >= 'A' && op.Name[2] <= 'Z'
}

// jpdTable is facts §3, row by row.
var jpdTable = []struct {
	scope string
	ops   []string
}{
	{ScopeWriteInsight, []string{"createPolarisInsight", "updatePolarisInsight", "copyPolarisInsights", "resolvePolarisObject"}},
	{ScopeDeleteInsight, []string{"deletePolarisInsight", "archivePolarisInsights", "unarchivePolarisInsights"}},
	{ScopeReadInsight, []string{"polarisInsights", "polarisInsight", "polarisInsightsWithErrors", "polarisLabels", "polarisSnippetPropertiesConfig", "insight"}},
	{ScopeWriteView, []string{"createPolarisView", "updatePolarisView", "updatePolarisViewArrangementInfo"}},
	{ScopeReadView, []string{"polarisView"}},
	{ScopeReadProject, []string{"polarisProject"}},
	{"", []string{
		"jiraProductDiscovery",
		"onViewCommentEvents",
		"onInsightCreated", "onInsightUpdated", "onInsightDeleted",
		"onIssueInsightCreated", "onIssueInsightUpdated", "onIssueInsightDeleted",
		"onPlayUpdated", "onPlayContributionCreated", "onPlayContributionUpdated", "onPlayContributionDeleted",
		"onViewCreated", "onViewUpdated", "onViewDeleted",
		"onViewSetCreated", "onViewSetUpdated", "onViewSetDeleted",
		"polarisGetEarliestOnboardedProjectForCloudId", "applyPolarisProjectTemplate", "refreshPolarisSnippets",
	}},
}

var (
	jpdOps    []JPDOperation
	jpdByName map[string]JPDOperation
)

func init() {
	jpdByName = make(map[string]JPDOperation)
	for _, row := range jpdTable {
		for _, name := range row.ops {
			op := JPDOperation{Name: name, Scope: row.scope}
			jpdOps = append(jpdOps, op)
			jpdByName[name] = op
		}
	}
}

// JPDOperations returns every listed operation, in table order.
func JPDOperations() []JPDOperation {
	return append([]JPDOperation(nil), jpdOps...)
}

// LookupJPDOperation returns the listed operation with the exact (case
// sensitive, as GraphQL is) field name.
func LookupJPDOperation(name string) (JPDOperation, bool) {
	op, ok := jpdByName[name]
	return op, ok
}

// jpdMarkers are substrings of which every listed operation name contains
// at least one (checked by a test).
var jpdMarkers = []string{"olaris", "nsight", "jiraProductDiscovery", "onView", "onPlay"}

// MayNameJPDOperation is a cheap gate: it reports false when s cannot
// contain the name of any listed operation, true when it might.
func MayNameJPDOperation(s string) bool {
	for _, m := range jpdMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
