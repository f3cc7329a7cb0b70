// Package scopedurllibs: go-jira and go-atlassian clients whose credentials
// reach a site URL.
package scopedurllibs

import (
	"net/http"
	"os"

	jira "github.com/andygrunwald/go-jira"
	jiracloud "github.com/andygrunwald/go-jira/v2/cloud"
	jiraonprem "github.com/andygrunwald/go-jira/v2/onpremise"
	confluence "github.com/ctreminiom/go-atlassian/confluence"
	agile "github.com/ctreminiom/go-atlassian/jira/agile"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
	confluence2 "github.com/ctreminiom/go-atlassian/v2/confluence"
	sm2 "github.com/ctreminiom/go-atlassian/v2/jira/sm"
	v2v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

// go-jira v1: NewClient(httpClient, baseURL).
func goJiraV1() {
	tp := jira.BasicAuthTransport{Username: "me@example.com", Password: os.Getenv("JIRA_API_TOKEN")}
	_, _ = jira.NewClient(tp.Client(), "https://mysite.atlassian.net/") // want `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net: .*send the request to https://api\.atlassian\.com/ex/jira/\{cloudId\}/;`
}

// go-jira v2 cloud: NewClient(baseURL, httpClient), the other way round.
func goJiraV2() {
	tp := &jiracloud.BasicAuthTransport{Username: "me@example.com", APIToken: os.Getenv("JIRA_API_TOKEN")}
	_, _ = jiracloud.NewClient("https://mysite.atlassian.net", tp.Client()) // want `API token sent with Basic auth to https://mysite\.atlassian\.net: .*ex/jira/\{cloudId\}…;`
}

// go-jira transport wrapped in an http.Client of our own.
func goJiraWrapped() {
	client := &http.Client{Transport: &jira.BasicAuthTransport{Username: "me@example.com", Password: os.Getenv("JIRA_API_TOKEN")}}
	_, _ = jira.NewClient(client, "https://wrapped.atlassian.net") // want `to https://wrapped\.atlassian\.net: `
}

// go-jira on-premise PAT sent to a Cloud site.
func goJiraPAT() {
	tp := jiraonprem.PATAuthTransport{Token: os.Getenv("JIRA_TOKEN")}
	_, _ = jiraonprem.NewClient("https://mysite.atlassian.net", tp.Client()) // want `ATL201 Data Center personal access token sent to https://mysite\.atlassian\.net: Data Center tokens work only on your own Data Center host, never on Atlassian Cloud; point the client at your Data Center host, or use an Atlassian API token with Basic auth and https://api\.atlassian\.com/ex/jira/\{cloudId\}…`
}

// go-jira Bearer (OAuth) to a site.
func goJiraBearer() {
	tp := jira.BearerAuthTransport{Token: os.Getenv("ATLASSIAN_OAUTH_TOKEN")}
	_, _ = jira.NewClient(tp.Client(), "https://mysite.atlassian.net") // want `ATL201 OAuth 2\.0 Bearer token sent to https://mysite\.atlassian\.net: sites reject Bearer tokens, only api\.atlassian\.com accepts them; send the request to https://api\.atlassian\.com/ex/jira/\{cloudId\}…; the token's cloud IDs are at https://api\.atlassian\.com/oauth/token/accessible-resources`
}

// go-atlassian v1: New(httpClient, site) then client.Auth.SetBasicAuth.
func goAtlassianV1() {
	client, err := v3.New(nil, "https://mysite.atlassian.net") // want `to https://mysite\.atlassian\.net: .*ex/jira/\{cloudId\}…;`
	if err != nil {
		return
	}
	client.Auth.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	ag, _ := agile.New(http.DefaultClient, "https://mysite.atlassian.net") // want `ex/jira/\{cloudId\}…;`
	ag.Auth.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	wiki, _ := confluence.New(nil, "https://mysite.atlassian.net") // want `ex/confluence/\{cloudId\}…;`
	wiki.Auth.SetBasicAuth("me@example.com", os.Getenv("CONFLUENCE_API_TOKEN"))
}

// go-atlassian v2 and a client kept in a struct field.
type service struct {
	jira *v2v3.Client
}

const siteURL = "https://acme.atlassian.net"

func newService() (*service, error) {
	c, err := v2v3.New(nil, siteURL) // want `to https://acme\.atlassian\.net: `
	if err != nil {
		return nil, err
	}
	return &service{jira: c}, nil
}

func (s *service) login() {
	s.jira.Auth.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func goAtlassianV2() {
	sm, _ := sm2.New(nil, "https://acme.atlassian.net") // want `ex/jira/\{cloudId\}…;`
	sm.Auth.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	wiki, _ := confluence2.New(nil, "https://acme.atlassian.net") // want `OAuth 2\.0 Bearer token sent to https://acme\.atlassian\.net: .*ex/confluence/\{cloudId\}…;`
	wiki.Auth.SetBearerToken(os.Getenv("ATLASSIAN_ACCESS_TOKEN"))
}

// go-jira's client.Authentication.SetBasicAuth authenticates the client.
func goJiraAuthentication() {
	client, _ := jira.NewClient(nil, "https://authsvc.atlassian.net") // want `ATL201 API token sent with Basic auth to https://authsvc\.atlassian\.net: `
	client.Authentication.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	onprem, _ := jiraonprem.NewClient("https://jira.example.com", nil)
	onprem.Authentication.SetBasicAuth("me", os.Getenv("JIRA_PASSWORD"))
}

// Silent: gateway URLs, Data Center hosts, no credentials.
func silent(cloudID string) {
	c, _ := v3.New(nil, "https://api.atlassian.com/ex/jira/"+cloudID)
	c.Auth.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	tp := jiraonprem.PATAuthTransport{Token: os.Getenv("JIRA_PAT")}
	_, _ = jiraonprem.NewClient("https://jira.example.com", tp.Client())

	_, _ = jira.NewClient(nil, "https://mysite.atlassian.net")

	w, _ := confluence2.New(nil, "https://api.atlassian.com/ex/confluence/"+cloudID)
	w.Auth.SetBearerToken(os.Getenv("ATLASSIAN_ACCESS_TOKEN"))
}
