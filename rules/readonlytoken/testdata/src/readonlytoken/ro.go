// Package readonlytoken uses read-only Data Center tokens for reads and,
// wrongly, for writes.
package readonlytoken

import (
	"context"
	"net/http"
	"os"
	"strings"

	jira "github.com/andygrunwald/go-jira"
	"github.com/andygrunwald/go-jira/v2/onpremise"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"

	"readonlytoken/config"
)

const base = "https://jira.example.com"

func netHTTP(ctx context.Context, body *strings.Reader) {
	tok := os.Getenv("JIRA_RO_TOKEN")
	req, _ := http.NewRequest(http.MethodPost, base+"/rest/api/2/issue", body) // want `ATL501 read-only token from \$JIRA_RO_TOKEN is used for a POST request: read-only Data Center tokens allow only GET and HEAD; use a read/write token for writes`
	req.Header.Set("Authorization", "Bearer "+tok)

	del, _ := http.NewRequestWithContext(ctx, "DELETE", base+"/rest/api/2/issue/X-1", nil) // want `ATL501 read-only token from \$JIRA_RO_TOKEN is used for a DELETE request`
	del.SetBasicAuth("bot", tok)

	get, _ := http.NewRequest(http.MethodGet, base+"/rest/api/2/issue/X-1", nil) // near miss: a read
	get.Header.Set("Authorization", "Bearer "+tok)
	head, _ := http.NewRequest("HEAD", base, nil) // near miss
	head.Header.Set("Authorization", "Bearer "+tok)
	dflt, _ := http.NewRequest("", base, nil) // near miss: "" is GET
	dflt.Header.Set("Authorization", "Bearer "+tok)

	rw, _ := http.NewRequest(http.MethodPut, base+"/rest/api/2/issue/X-1", body) // near miss: a read/write token
	rw.Header.Set("Authorization", "Bearer "+os.Getenv("JIRA_RW_TOKEN"))

	var cfg config.Settings
	lit := &http.Request{Method: http.MethodPatch} // want `ATL501 read-only token from Settings.ROToken is used for a PATCH request`
	lit.Header.Set("Authorization", "Bearer "+cfg.ROToken)
	rwLit := &http.Request{Method: http.MethodPatch} // near miss: another field
	rwLit.Header.Set("Authorization", "Bearer "+cfg.RWToken)

	later, _ := http.NewRequest(http.MethodGet, base, nil)
	later.Method = "PUT" // want `ATL501 read-only token from config.ReadOnlyToken is used for a PUT request`
	later.Header.Add("authorization", "Bearer "+config.ReadOnlyToken)

	m := methodFromSomewhere()
	dyn, _ := http.NewRequest(m, base, nil) // near miss: method not constant
	dyn.Header.Set("Authorization", "Bearer "+tok)
}

func methodFromSomewhere() string { return "GET" }

func goJira(issue *jira.Issue) {
	tp := jira.PATAuthTransport{Token: os.Getenv("JIRA_RO_TOKEN")}
	c, _ := jira.NewClient(tp.Client(), base)
	c.Issue.Get("X-1", nil)                                    // near miss: a read
	c.Issue.Create(issue)                                      // want `ATL501 read-only token from \$JIRA_RO_TOKEN is used for Issue.Create, a POST request`
	c.Issue.UpdateWithOptions(issue, nil)                      // want `ATL501 .* is used for Issue.UpdateWithOptions, a PUT request`
	c.Issue.DeleteWithContext(context.TODO(), "X-1")           // want `ATL501 .* is used for Issue.DeleteWithContext, a DELETE request`
	req, _ := c.NewRequest("POST", "/rest/api/2/issue", issue) // want `ATL501 .* is used for a POST request`
	_, _ = c.Do(req, nil)

	hc := tp.Client()
	hc.Post(base+"/rest/api/2/issue", "application/json", nil) // want `ATL501 .* is used for a POST request`
	hc.Get(base + "/rest/api/2/issue/X-1")                     // near miss

	rwtp := jira.BasicAuthTransport{Username: "bot", Password: config.ReadWriteToken}
	rwc, _ := jira.NewClient(rwtp.Client(), base)
	rwc.Issue.Create(issue) // near miss: read/write token
}

func onPrem(ctx context.Context) {
	tp := &onpremise.BearerAuthTransport{Token: config.ReadOnlyToken}
	client := &http.Client{Transport: tp}
	req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, base+"/rest/api/2/issue/X-1", nil) // want `ATL501 read-only token from config.ReadOnlyToken is used for a DELETE request`
	client.Do(req)
	get, _ := http.NewRequestWithContext(ctx, http.MethodGet, base, nil)
	client.Do(get) // near miss
}

func goAtlassian(ctx context.Context, s *config.Settings) {
	c, _ := v3.New(nil, s.BaseURL)
	c.Auth.SetBasicAuth("bot", s.ROToken)
	c.Issue.Get(ctx, "X-1", nil, nil) // near miss
	c.Issue.Delete(ctx, "X-1", false) // want `ATL501 read-only token from Settings.ROToken is used for IssueADF.Delete, a DELETE request`
	c.Issue.Create(ctx, nil, nil)     // want `ATL501 .* is used for IssueADF.Create, a POST request`

	other, _ := v3.New(nil, s.BaseURL)
	other.Auth.SetBasicAuth("bot", s.RWToken)
	other.Issue.Delete(ctx, "X-1", false) // near miss
}
