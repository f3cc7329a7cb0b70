// Package scopedurltests: evidence that only tests supply produces no
// finding outside the tests. Modelled on an SDK request builder whose site
// is caller-supplied, and a token-verification helper.
package scopedurltests

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
)

// An SDK client: the site comes from the caller.
type Client struct {
	HTTP *http.Client
	Site *url.URL
	Auth *AuthService
}

type AuthService struct {
	token string
}

func (a *AuthService) SetBearerToken(token string) { a.token = token }

func New(httpClient *http.Client, site string) (*Client, error) {
	u, err := url.Parse(site)
	if err != nil {
		return nil, err
	}
	return &Client{HTTP: httpClient, Site: u, Auth: &AuthService{}}, nil
}

// NewRequest is silent: only the package's tests give it a site URL.
func (c *Client) NewRequest(ctx context.Context, method, urlStr string, body io.Reader) (*http.Request, error) {
	rel, err := url.Parse(urlStr)
	if err != nil {
		return nil, err
	}
	u := c.Site.ResolveReference(rel)
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, err
	}
	if c.Auth.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Auth.token)
	}
	return req, nil
}

// VerifyToken is silent: only its test passes "example.atlassian.net".
func VerifyToken(ctx context.Context, site, email, token string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", "https://"+site+"/rest/api/3/myself", nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(email, token)
	_, err = http.DefaultClient.Do(req)
	return err
}

// Ping is silent: only a test checks the host against .atlassian.net.
type Config struct{ Host string }

func (c Config) Ping() error {
	req, err := http.NewRequest("GET", "https://"+c.Host+"/rest/api/3/serverInfo", nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	return nil
}

// Still reported: the evidence is in the code itself.
func Default() *http.Request {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil) // want `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net: `
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	return req
}

// Still reported: a default in the code, with a test passing another site.
func WithDefault(site string) error {
	base := site
	if base == "" {
		base = "https://dflt.atlassian.net"
	}
	req, err := http.NewRequest("GET", base+"/rest/api/3/myself", nil) // want `to https://dflt\.atlassian\.net: `
	if err != nil {
		return err
	}
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	return nil
}
