// Package scopedurl: net/http requests whose credentials reach a site URL.
package scopedurl

import (
	"cmp"
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const site = "https://mysite.atlassian.net"

const issuePath = "/rest/api/3/issue/"

// Constant URL, SetBasicAuth on the request value.
func constantURL() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/issue/KEY-1", nil) // want `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net: scoped API tokens fail there with 401/404 errors that look like missing permissions, and classic tokens are being retired; send the request to https://api\.atlassian\.com/ex/jira/\{cloudId\}/rest/api/3/issue/KEY-1; the cloud ID is at https://mysite\.atlassian\.net/_edge/tenant_info \(pass -scopedurl\.cloudid mysite=ID for a fix\)`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	_, _ = http.DefaultClient.Do(req)
}

// Concatenation of a constant site with a dynamic key; the request is
// assigned on and authenticated later.
func concatenation(ctx context.Context, key string) {
	u := site + issuePath + key
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u, nil) // want `send the request to https://api\.atlassian\.com/ex/jira/\{cloudId\}/rest/api/3/issue/…`
	if err != nil {
		return
	}
	r2 := req
	r2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Sprintf with the site as an argument; Confluence path.
func sprintf(id string) {
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/wiki/api/v2/pages/%s", site, id), nil) // want `to https://mysite\.atlassian\.net: .*send the request to https://api\.atlassian\.com/ex/confluence/\{cloudId\}/wiki/api/v2/pages/…`
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("me@example.com:"+os.Getenv("CONFLUENCE_TOKEN"))))
}

// Sprintf with the site name pasted into the host.
func sprintfHost(name string) {
	_ = name
	req, _ := http.NewRequest("GET", fmt.Sprintf("https://%s.atlassian.net/rest/agile/1.0/board", "acme"), nil) // want `to https://acme\.atlassian\.net: .*ex/jira/\{cloudId\}/rest/agile/1\.0/board;`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// url.URL literal and url.JoinPath.
func urlStruct() {
	u := &url.URL{Scheme: "https", Host: "legacy.jira.com", Path: "/rest/servicedeskapi/request"}
	req, _ := http.NewRequest("POST", u.String(), nil) // want `to https://legacy\.jira\.com: .*ex/jira/\{cloudId\}/rest/servicedeskapi/request;`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	p, _ := url.JoinPath("https://mysite.atlassian.net/", "rest/api/3", "myself")
	req2, _ := http.NewRequest("GET", p, nil) // want `ex/jira/\{cloudId\}/rest/api/3/myself;`
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// url.Parse and (*url.URL).JoinPath.
func urlParse() {
	base, err := url.Parse(site)
	if err != nil {
		return
	}
	req, _ := http.NewRequest("GET", base.JoinPath("rest", "api", "3", "search").String(), nil) // want `ex/jira/\{cloudId\}/rest/api/3/search;`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// A default value for a URL from the environment.
func defaultValue() {
	base := os.Getenv("JIRA_URL")
	if base == "" {
		base = "https://mysite.atlassian.net"
	}
	req, _ := http.NewRequest("GET", base+"/rest/api/3/myself", nil) // want `to https://mysite\.atlassian\.net: `
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	other := cmp.Or(os.Getenv("JIRA_URL"), "https://other.atlassian.net")
	req2, _ := http.NewRequest("GET", other+"/rest/api/2/myself", nil) // want `to https://other\.atlassian\.net: `
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// A flag with a site default.
var jiraURL = flag.String("jira-url", "https://flagsite.atlassian.net", "Jira site")

func flagDefault() {
	req, _ := http.NewRequest("GET", *jiraURL+"/rest/api/3/myself", nil) // want `to https://flagsite\.atlassian\.net: `
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// The host comes from configuration, but the code requires a site.
type Config struct {
	Host  string
	Email string
	Token string
}

func (c Config) Validate() error {
	if !strings.HasSuffix(c.Host, ".atlassian.net") {
		return fmt.Errorf("not a Jira Cloud site: %s", c.Host)
	}
	return nil
}

func constrained(c Config) {
	req, _ := http.NewRequest("GET", "https://"+c.Host+"/rest/api/3/myself", nil) // want `to a <site>\.atlassian\.net host \(the code expects one\): .*; the cloud ID of a site is at https://<site>\.atlassian\.net/_edge/tenant_info`
	req.SetBasicAuth(c.Email, c.Token)
}

// A helper function that builds the request and one that authenticates it.
func newRequest(method, path string) (*http.Request, error) {
	return http.NewRequest(method, site+path, nil) // want `to https://mysite\.atlassian\.net: `
}

func authenticate(r *http.Request) {
	r.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func helpers() {
	req, _ := newRequest("DELETE", "/rest/api/3/issue/KEY-1")
	authenticate(req.WithContext(context.Background()))
}

// A RoundTripper that sets Basic auth, used through an http.Client.
type basicAuth struct {
	user, token string
	next        http.RoundTripper
}

func (t *basicAuth) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.SetBasicAuth(t.user, t.token)
	return t.next.RoundTrip(r)
}

func roundTripper() {
	client := &http.Client{Transport: &basicAuth{"me@example.com", os.Getenv("JIRA_API_TOKEN"), http.DefaultTransport}}
	_, _ = client.Get("https://rtsite.atlassian.net/rest/api/3/myself") // want `to https://rtsite\.atlassian\.net: `
	req, _ := http.NewRequest("GET", "https://rtsite.atlassian.net/rest/api/3/project", nil) // want `to https://rtsite\.atlassian\.net: `
	_, _ = client.Do(req)
}
