// Package scopesfixture is the fixture of atlint scopes: Jira calls made
// with net/http, go-jira and go-atlassian, a Confluence call through the
// gateway, a JPD GraphQL query, and calls atlint cannot resolve.
package scopesfixture

import (
	"context"
	"net/http"
	"strings"

	jira "github.com/andygrunwald/go-jira"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
)

const (
	site    = "https://acme.atlassian.net"
	gateway = "https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/"
	wiki    = "https://api.atlassian.com/ex/confluence/11111111-2222-3333-4444-555555555555"
)

func netHTTP(c *http.Client, key string, body *strings.Reader) {
	req, _ := http.NewRequest(http.MethodGet, site+"/rest/api/3/issue/"+key, nil)
	c.Do(req)
	c.Post(gateway+"rest/api/2/issue", "application/json", body)
	c.Get(wiki + "/wiki/api/v2/pages/" + key)
}

func goJira(issue *jira.Issue) {
	tp := jira.BasicAuthTransport{Username: "me@example.com", Password: "from-the-environment"}
	jc, _ := jira.NewClient(tp.Client(), site)
	jc.Issue.Get("X-1", nil)
}

func goAtlassian(ctx context.Context) {
	ac, _ := v3.New(nil, site)
	ac.Issue.Delete(ctx, "X-1", false)
}

const insights = `query { polarisInsights(project: "p") { id } }`

func unresolved(c *http.Client, u, tok string) {
	c.Get(site + "/rest/api/3/no-such-thing")
	req, _ := http.NewRequest("GET", u, nil)
	req.SetBasicAuth("me@example.com", tok)
	c.Do(req)
	http.Get("https://example.com/not/atlassian")
}
