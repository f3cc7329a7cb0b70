package atlassian

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestJPDTableCounts(t *testing.T) {
	byScope := map[string][]string{}
	for _, op := range JPDOperations() {
		byScope[op.Scope] = append(byScope[op.Scope], op.Name)
	}
	want := map[string]int{
		ScopeWriteInsight:  4,
		ScopeDeleteInsight: 3,
		ScopeReadInsight:   6,
		ScopeWriteView:     3,
		ScopeReadView:      1,
		ScopeReadProject:   1,
		"":                 21,
	}
	got := map[string]int{}
	for s, ops := range byScope {
		got[s] = len(ops)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("operations per scope (-want +got):\n%s", d)
	}
	if _, ok := byScope[ScopeDeleteView]; ok {
		t.Errorf("%s maps to no listed operation, got %v", ScopeDeleteView, byScope[ScopeDeleteView])
	}
}

func TestLookupJPDOperation(t *testing.T) {
	for _, tc := range []struct {
		name      string
		ok        bool
		scope     string
		noToken   bool
		subscript bool
	}{
		{"polarisInsights", true, ScopeReadInsight, false, false},
		{"insight", true, ScopeReadInsight, false, false},
		{"createPolarisInsight", true, ScopeWriteInsight, false, false},
		{"archivePolarisInsights", true, ScopeDeleteInsight, false, false},
		{"updatePolarisViewArrangementInfo", true, ScopeWriteView, false, false},
		{"polarisView", true, ScopeReadView, false, false},
		{"polarisProject", true, ScopeReadProject, false, false},
		{"jiraProductDiscovery", true, "", true, false},
		{"onViewSetDeleted", true, "", true, true},
		{"onIssueInsightCreated", true, "", true, true},
		{"refreshPolarisSnippets", true, "", true, false},
		{"PolarisInsights", false, "", false, false}, // GraphQL names are case sensitive
		{"polarisInsightsX", false, "", false, false},
		{"insights", false, "", false, false},
		{"teams", false, "", false, false},
		{"", false, "", false, false},
	} {
		op, ok := LookupJPDOperation(tc.name)
		if ok != tc.ok {
			t.Errorf("LookupJPDOperation(%q) ok = %v, want %v", tc.name, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if op.Scope != tc.scope || op.NoTokenAccess() != tc.noToken || op.Subscription() != tc.subscript {
			t.Errorf("LookupJPDOperation(%q) = %+v (noToken %v, subscription %v), want scope %q noToken %v subscription %v",
				tc.name, op, op.NoTokenAccess(), op.Subscription(), tc.scope, tc.noToken, tc.subscript)
		}
	}
}

func TestJPDScopesAreKnown(t *testing.T) {
	for _, op := range JPDOperations() {
		if op.Scope != "" && !IsJPDScope(op.Scope) {
			t.Errorf("%s needs unknown scope %q", op.Name, op.Scope)
		}
	}
	for _, s := range []string{"read:jira-work", "read:insight:jira-product-discovery ", "READ:INSIGHT:JIRA-PRODUCT-DISCOVERY", ""} {
		if IsJPDScope(s) {
			t.Errorf("IsJPDScope(%q) = true", s)
		}
	}
	if len(JPDScopes) != 7 {
		t.Errorf("got %d scopes, want the 7 of the notice", len(JPDScopes))
	}
}

func TestMayNameJPDOperationCoversEveryOperation(t *testing.T) {
	for _, op := range JPDOperations() {
		if !MayNameJPDOperation(op.Name) {
			t.Errorf("the gate misses %s", op.Name)
		}
	}
	for _, s := range []string{"query { teams { id } }", "{ compass { component } }", "ATATT3xFfGF0", ""} {
		if MayNameJPDOperation(s) {
			t.Errorf("MayNameJPDOperation(%q) = true, want false", s)
		}
	}
}

func TestJPDCutoffPassed(t *testing.T) {
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 10, 31, 23, 59, 59, 0, time.UTC), false},
		{time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), true},
		// 2026-11-01 01:00 in UTC+2 is still 2026-10-31 in UTC.
		{time.Date(2026, 11, 1, 1, 0, 0, 0, time.FixedZone("UTC+2", 2*3600)), false},
	} {
		if got := JPDCutoffPassed(tc.now); got != tc.want {
			t.Errorf("JPDCutoffPassed(%s) = %v, want %v", tc.now, got, tc.want)
		}
	}
}

func TestJPDOperationsIsACopy(t *testing.T) {
	ops := JPDOperations()
	ops[0].Scope = "tampered"
	if op, _ := LookupJPDOperation(ops[0].Name); strings.Contains(op.Scope, "tampered") || JPDOperations()[0].Scope == "tampered" {
		t.Error("JPDOperations exposes the table")
	}
}
