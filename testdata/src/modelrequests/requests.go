// Package modelrequests is the fixture of model.Result.Requests: the probe
// reports, at each request, its method, library and callee, its candidate
// URL templates (origin | path) and the secrets of the credentials that
// reach it.
package modelrequests

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	jira "github.com/andygrunwald/go-jira"
	"github.com/andygrunwald/go-jira/v2/cloud"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
	v3v2 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

const site = "https://acme.atlassian.net"

var ctx = context.Background()

func constant() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/issue/KEY-1", nil) // want `request GET net/http NewRequest urls=\[https://acme.atlassian.net /rest/api/3/issue/KEY-1\] creds=\[Basic "tok"\]`
	req.SetBasicAuth("me@example.com", "tok")
}

// Non-constant parts are holes; a query string is not part of the path.
func holes(key string, n int) {
	u := fmt.Sprintf("%s/rest/api/2/issue/%s/comment?expand=%d", site, key, n)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil) // want `request POST net/http NewRequestWithContext urls=\[https://acme.atlassian.net /rest/api/2/issue/\{\}/comment\] creds=\[\]`
	_ = req
}

// A helper authenticates the request before the caller sends it.
func auth(r *http.Request) { r.SetBasicAuth("me@example.com", os.Getenv("JIRA_TOKEN")) }

func helper(body *strings.Reader) {
	req, _ := http.NewRequest(http.MethodPut, "https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue/X-1", body) // want `request PUT net/http NewRequest urls=\[https://api.atlassian.com /ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue/X-1\] creds=\[Basic os.Getenv\("JIRA_TOKEN"\)\]`
	auth(req)
	http.DefaultClient.Do(req)
}

// The base URL and key come from the callers.
func fetch(base, key string) {
	req, _ := http.NewRequest("DELETE", base+"/wiki/api/v2/pages/"+key, nil) // want `request DELETE net/http NewRequest urls=\[https://acme.atlassian.net /wiki/api/v2/pages/1\] creds=\[\]`
	_ = req
}

func callers() { fetch(site, "1") }

func unknown(raw string) {
	http.Get(raw) // want `request GET net/http Get urls=\[- -\] creds=\[\]`
}

func client(c *http.Client, tok string) {
	c.Post(site+"/rest/api/3/search/jql", "application/json", nil) // want `request POST net/http Client.Post urls=\[https://acme.atlassian.net /rest/api/3/search/jql\] creds=\[\]`
	u := url.URL{Scheme: "https", Host: "api.bitbucket.org", Path: "2.0/repositories/ws"}
	lit := &http.Request{Method: "patch", URL: &u} // want `request PATCH net/http Request urls=\[https://api.bitbucket.org /2.0/repositories/ws\] creds=\[Authorization header "Bearer " \+ tok\]`
	lit.Header.Set("Authorization", "Bearer "+tok)
	p, _ := url.JoinPath(site, "rest/api/3", "myself")
	later, _ := http.NewRequest("GET", p, nil) // want `request DELETE net/http NewRequest urls=\[https://acme.atlassian.net /rest/api/3/myself\] creds=\[\]`
	later.Method = http.MethodDelete
}

func libraries(issue *jira.Issue) {
	tp := jira.BasicAuthTransport{Username: "me", Password: "jt"}
	jc, _ := jira.NewClient(tp.Client(), site)
	r, _ := jc.NewRequest("POST", "rest/api/2/issue", issue) // want `request POST go-jira Client.NewRequest urls=\[https://acme.atlassian.net /rest/api/2/issue\] creds=\[Basic "jt"\]`
	jc.Do(r, nil)

	ac, _ := v3.New(nil, "https://api.atlassian.com/ex/jira/CLOUD")
	ac.Auth.SetBearerToken("at")
	ar, _ := ac.NewRequest(ctx, http.MethodGet, "rest/api/3/project/search", "", nil) // want `request GET go-atlassian Client.NewRequest urls=\[https://api.atlassian.com /ex/jira/CLOUD/rest/api/3/project/search\] creds=\[Bearer "at"\]`
	ac.Call(ar, nil)

	// Service methods: method and path from atlint's library tables,
	// joined to the client's base URL.
	jc.Issue.Create(issue)             // want `request POST go-jira IssueService.Create urls=\[https://acme.atlassian.net /rest/api/2/issue\] creds=\[Basic "jt"\]`
	ac.Issue.Get(ctx, "X-1", nil, nil) // want `request GET go-atlassian IssueADFService.Get urls=\[https://api.atlassian.com /ex/jira/CLOUD/rest/api/2/issue/\{\}, https://api.atlassian.com /ex/jira/CLOUD/rest/api/3/issue/\{\}\] creds=\[Bearer "at"\]`
}

// The v2 modules: go-jira's cloud client takes the base URL first.
func v2Modules() {
	tp := cloud.BasicAuthTransport{Username: "me", APIToken: "ct"}
	cc, _ := cloud.NewClient(site, tp.Client())
	cc.Issue.Get(ctx, "X-1", nil) // want `request GET go-jira IssueService.Get urls=\[https://acme.atlassian.net /rest/api/2/issue/\{\}\] creds=\[Basic "ct"\]`

	ac, _ := v3v2.New(nil, site)
	ac.Issue.Get(ctx, "X-1", nil, nil) // want `request GET go-atlassian IssueADFService.Get urls=\[https://acme.atlassian.net /rest/api/2/issue/\{\}, https://acme.atlassian.net /rest/api/3/issue/\{\}\] creds=\[\]`
}

// A client whose base URL is not known: the path follows a hole.
func unknownBase(c *jira.Client) {
	c.Issue.Delete("X-1") // want `request DELETE go-jira IssueService.Delete urls=\[- /rest/api/2/issue/\{\}\] creds=\[\]`
}

// A client wrapper: method and path come from each caller, and the
// request is evaluated once per call.
type wrapper struct {
	base string
	hc   *http.Client
}

func newWrapper() *wrapper { return &wrapper{base: site + "/", hc: http.DefaultClient} }

func (w *wrapper) call(method, path string) {
	req, _ := http.NewRequest(method, w.base+path, nil)
	w.hc.Do(req)
}

func useWrapper(key, dyn string) {
	w := newWrapper()
	w.call("GET", "rest/api/3/myself")              // want `request GET net/http NewRequest urls=\[https://acme.atlassian.net /rest/api/3/myself\] creds=\[\]`
	w.call(http.MethodPut, "rest/api/3/issue/"+key) // want `request PUT net/http NewRequest urls=\[https://acme.atlassian.net /rest/api/3/issue/\{\}\] creds=\[\]`
	w.call(dyn, "wiki/api/v2/pages")                // want `request - net/http NewRequest urls=\[https://acme.atlassian.net /wiki/api/v2/pages\] creds=\[\]`
}

// Not requests.
func near() {
	_ = strings.NewReader("x")
	_, _ = url.Parse(site)
}
