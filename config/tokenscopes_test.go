package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/analyzer"
)

// token-scopes is one setting for REST and GraphQL: ATL202 (tokenscopes)
// gets every scope, ATL302 (jpdgraphql) only the JPD ones, and the analyzers
// accept what they are given.
func TestTokenScopesSetting(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		want []analyzer.Setting
	}{
		{"token-scopes: [read:jira-work, read:page:confluence]\n", []analyzer.Setting{
			{Analyzer: "tokenscopes", Flag: "token-scopes", Value: "read:jira-work,read:page:confluence"},
		}},
		{"token-scopes: [read:jira-work, read:view:jira-product-discovery]\n", []analyzer.Setting{
			{Analyzer: "tokenscopes", Flag: "token-scopes", Value: "read:jira-work,read:view:jira-product-discovery"},
			{Analyzer: "jpdgraphql", Flag: "token-scopes", Value: "read:view:jira-product-discovery"},
		}},
	} {
		c, err := Parse([]byte(tt.yaml), ".atlint.yml")
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.yaml, err)
		}
		got := c.Settings()
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Settings(%q) (-want +got):\n%s", tt.yaml, diff)
		}
		if err := analyzer.Configure(analyzer.New(nil), got); err != nil {
			t.Errorf("Configure(%q): %v", tt.yaml, err)
		}
	}
}
