// Package scopedurlcallback is a client whose base URL comes from its
// caller, with Basic auth built by hand, chosen by an .atlassian.net check
// (issue 15 §2): in a request callback stored in a field, and directly from
// fields the constructor fills in.
package scopedurlcallback

import (
	"encoding/base64"
	"net/http"
	"strings"
)

type Client struct {
	BaseURL      string
	hc           *http.Client
	modify       func(*http.Request)
	login, token string
}

func New(base, login, token string) *Client {
	c := &Client{BaseURL: base, hc: http.DefaultClient, login: login, token: token}
	if strings.HasSuffix(base, ".atlassian.net") {
		c.modify = func(r *http.Request) {
			r.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(login+":"+token)))
		}
	}
	return c
}

// Get authenticates through the callback.
func (c *Client) Get(path string) (*http.Response, error) {
	req, err := http.NewRequest("GET", c.BaseURL+path, nil) // want `^ATL201 API token sent with Basic auth to a <site>\.atlassian\.net host \(the code expects one\)`
	if err != nil {
		return nil, err
	}
	if c.modify != nil {
		c.modify(req)
	}
	return c.hc.Do(req)
}

// Post builds the header itself from the fields New filled in.
func (c *Client) Post(path string) (*http.Response, error) {
	req, err := http.NewRequest("POST", c.BaseURL+path, nil) // want `^ATL201 API token sent with Basic auth to a <site>\.atlassian\.net host \(the code expects one\)`
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(c.login+":"+c.token)))
	return c.hc.Do(req)
}

// Generic is the same client without a site check: any host, silent.
type Generic struct {
	BaseURL string
	modify  func(*http.Request)
}

func NewGeneric(base, login, token string) *Generic {
	g := &Generic{BaseURL: base}
	g.modify = func(r *http.Request) {
		r.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(login+":"+token)))
	}
	return g
}

func (g *Generic) Get(path string) {
	req, _ := http.NewRequest("GET", g.BaseURL+path, nil)
	g.modify(req)
	http.DefaultClient.Do(req)
}

// Other checks for another domain: silent.
type Other struct {
	BaseURL string
	modify  func(*http.Request)
}

func NewOther(base, login, token string) *Other {
	o := &Other{BaseURL: base}
	if strings.HasSuffix(base, ".example.com") {
		o.modify = func(r *http.Request) {
			r.SetBasicAuth(login, token)
		}
	}
	return o
}

func (o *Other) Get(path string) {
	req, _ := http.NewRequest("GET", o.BaseURL+path, nil)
	if o.modify != nil {
		o.modify(req)
	}
	http.DefaultClient.Do(req)
}

// A callback called with another request than the one sent: the request
// sent gets no credentials from it. Silent.
func (c *Client) Probe(path string) {
	scratch, _ := http.NewRequest("HEAD", "https://example.com/", nil)
	c.modify(scratch)
	req, _ := http.NewRequest("GET", "https://example.com"+path, nil)
	http.DefaultClient.Do(req)
}
