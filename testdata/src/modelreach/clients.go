package modelreach

import (
	"net/http"
	"net/url"

	jira "github.com/andygrunwald/go-jira"
	cloud "github.com/andygrunwald/go-jira/v2/cloud"
	"github.com/andygrunwald/go-jira/v2/onpremise"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
	v3v2 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

// A go-jira transport's Client(), used with Get, Head, Post, PostForm and
// Do (whose request has no auth of its own).
func transportClient() {
	tp := jira.BasicAuthTransport{Username: "me", Password: "tp"}
	client := tp.Client()
	client.Get("https://a.example/get")                           // want `reach "tp" -> net/http net/http url="https://a.example/get" method="GET" mexpr=-`
	client.Head("https://a.example/head")                         // want `reach "tp" -> net/http net/http url="https://a.example/head" method="HEAD"`
	client.Post("https://a.example/post", "", nil)                // want `reach "tp" -> net/http net/http url="https://a.example/post" method="POST"`
	client.PostForm("https://a.example/form", nil)                // want `reach "tp" -> net/http net/http url="https://a.example/form" method="POST"`
	req, _ := http.NewRequest("GET", "https://a.example/do", nil) // want `reach "tp" -> net/http net/http url="https://a.example/do" method="GET" mexpr="GET"`
	client.Do(req)
	client.CloseIdleConnections()
}

// A transport as the Transport of an http.Client literal, through a
// variable, a pointer and a struct field.
type service struct {
	hc *http.Client
}

func transportField() {
	tp := &jira.PATAuthTransport{Token: "pat"}
	s := service{hc: &http.Client{Transport: tp}}
	s.hc.Get("https://a.example/field") // want `reach "pat" -> net/http net/http url="https://a.example/field"`
}

// A transport's client handed to go-jira's NewClient (v1: client, URL; v2:
// URL, client) or go-atlassian's New.
func libraryClients() {
	tp := jira.BasicAuthTransport{Username: "me", Password: "v1"}
	jira.NewClient(tp.Client(), "https://a.example/v1") // want `reach "v1" -> go-jira github.com/andygrunwald/go-jira url="https://a.example/v1" method="" mexpr=-`

	ctp := cloud.BasicAuthTransport{Username: "me", APIToken: "v2"}
	cloud.NewClient("https://a.example/v2", ctp.Client()) // want `reach "v2" -> go-jira github.com/andygrunwald/go-jira/v2/cloud url="https://a.example/v2"`

	otp := onpremise.BearerAuthTransport{Token: "onprem"}
	hc := &http.Client{Transport: &otp}
	onpremise.NewClient("https://a.example/onprem", hc) // want `reach "onprem" -> go-jira github.com/andygrunwald/go-jira/v2/onpremise url="https://a.example/onprem"`

	atp := jira.BasicAuthTransport{Username: "me", Password: "atl"}
	v3.New(atp.Client(), "https://a.example/atl") // want `reach "atl" -> go-atlassian github.com/ctreminiom/go-atlassian/jira/v3 url="https://a.example/atl"`
}

// A RoundTripper of the package that authenticates the request: its
// clients, made from a literal or new(T), are what it reaches.
type authRT struct {
	base  http.RoundTripper
	token string
}

func (t *authRT) RoundTrip(r *http.Request) (*http.Response, error) {
	r2 := r.Clone(r.Context())
	r2.Header.Set("Authorization", "Bearer "+t.token)
	return t.base.RoundTrip(r2)
}

type cloneRT struct{ base http.RoundTripper }

func (t cloneRT) RoundTrip(r *http.Request) (*http.Response, error) {
	r.SetBasicAuth("me", "rt2")
	return t.base.RoundTrip(r)
}

func roundTrippers() {
	c := &http.Client{Transport: &authRT{base: http.DefaultTransport}}
	c.Get("https://a.example/rt") // want `reach "Bearer " \+ t.token -> net/http net/http url="https://a.example/rt"`

	rt := new(authRT)
	rt.token = "x"
	c2 := http.Client{Transport: rt}
	c2.Post("https://a.example/rtnew", "", nil) // want `reach "Bearer " \+ t.token -> net/http net/http url="https://a.example/rtnew" method="POST"`

	c3 := http.Client{Transport: cloneRT{}}
	c3.Head("https://a.example/rt2") // want `reach "rt2" -> net/http net/http url="https://a.example/rt2"`
}

// go-jira's client.Authentication.SetBasicAuth and go-atlassian's
// client.Auth.Set*: the client's base URL.
func librarySinks(tok string, site *url.URL) {
	jc, _ := jira.NewClient(nil, "https://a.example/jc") // want `reach "jc" -> go-jira github.com/andygrunwald/go-jira url="https://a.example/jc"`
	jc.Authentication.SetBasicAuth("me", "jc")

	oc, _ := onpremise.NewClient("https://a.example/oc", nil) // want `reach "oc" -> go-jira github.com/andygrunwald/go-jira/v2/onpremise url="https://a.example/oc"`
	oc.Authentication.SetBasicAuth("me", "oc")

	ac, _ := v3.New(nil, "https://a.example/ac") // want `reach "ac" -> go-atlassian github.com/ctreminiom/go-atlassian/jira/v3 url="https://a.example/ac"` `reach tok -> go-atlassian`
	ac.Auth.SetBasicAuth("me", "ac")
	ac.Auth.SetBearerToken(tok)

	a2, _ := v3v2.New(http.DefaultClient, "https://a.example/a2", v3v2.WithOAuth(nil)) // want `reach "a2" -> go-atlassian github.com/ctreminiom/go-atlassian/v2/jira/v3 url="https://a.example/a2"`
	a2.Auth.SetBearerToken("a2")
}

// The library client through a struct field and a helper's result.
type jiraSvc struct{ c *v3.Client }

func newAtl(site string) *v3.Client {
	c, _ := v3.New(nil, site) // want `reach "svc" -> go-atlassian github.com/ctreminiom/go-atlassian/jira/v3 url=site`
	return c
}

func libraryThrough() {
	s := jiraSvc{c: newAtl("https://a.example/svc")}
	s.c.Auth.SetBasicAuth("me", "svc")
}
