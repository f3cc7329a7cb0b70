package deprecatedapi_test

import (
	"testing"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/deprecatedapi"
)

func TestDeprecated(t *testing.T) {
	rs := atltest.Run(t, t, atltest.Scenarios(t, "deprecatedapi"), deprecatedapi.Analyzer, nil, "deprecatedapi")
	if len(rs) != 1 || len(rs[0].Diagnostics) == 0 {
		t.Fatalf("fixture produced no diagnostics")
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		op   atlassian.Operation
		want string
	}{
		{atlassian.Operation{Product: "jira", Method: "GET", Path: "/rest/api/3/search", OperationID: "searchForIssuesUsingJql", Deprecated: true, Replacement: "GET /rest/api/3/search/jql"},
			"GET /rest/api/3/search (searchForIssuesUsingJql) is deprecated in Atlassian's jira spec: use GET /rest/api/3/search/jql"},
		{atlassian.Operation{Product: "bitbucket", Method: "GET", Path: "/2.0/repositories", Deprecated: true},
			"GET /2.0/repositories is deprecated in Atlassian's bitbucket spec: move to the operation its documentation names before it is removed"},
		{atlassian.Operation{Product: "confluence-v1-legacy", Method: "GET", Path: "/wiki/rest/api/space", OperationID: "getSpaces", Legacy: true},
			"GET /wiki/rest/api/space (getSpaces) is gone from Atlassian's current confluence-v1 spec (only an older one lists it): move to the operation its documentation names before it is removed"},
	}
	for _, tt := range tests {
		if got := deprecatedapi.Message(&tt.op); got != tt.want {
			t.Errorf("Message(%s) = %q, want %q", tt.op.String(), got, tt.want)
		}
	}
}
