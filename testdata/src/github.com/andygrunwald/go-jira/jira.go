// Stub of github.com/andygrunwald/go-jira (v1) for atlint fixtures: signatures only.
package jira

import (
	"context"
	"io"
	"net/http"
	"net/url"
)

// httpClient is the unexported interface NewClient accepts (mirrors the real one).
type httpClient interface {
	Do(request *http.Request) (response *http.Response, err error)
}

type Client struct {
	client  httpClient
	baseURL *url.URL

	Authentication *AuthenticationService
	Issue          *IssueService
	Project        *ProjectService
}

func NewClient(httpClient httpClient, baseURL string) (*Client, error) { return nil, nil }

func (c *Client) NewRawRequestWithContext(ctx context.Context, method, urlStr string, body io.Reader) (*http.Request, error) {
	return nil, nil
}

func (c *Client) NewRawRequest(method, urlStr string, body io.Reader) (*http.Request, error) {
	return nil, nil
}

func (c *Client) NewRequestWithContext(ctx context.Context, method, urlStr string, body interface{}) (*http.Request, error) {
	return nil, nil
}

func (c *Client) NewRequest(method, urlStr string, body interface{}) (*http.Request, error) {
	return nil, nil
}

func (c *Client) Do(req *http.Request, v interface{}) (*Response, error) { return nil, nil }

func (c *Client) GetBaseURL() url.URL { return url.URL{} }

type Response struct {
	*http.Response

	StartAt    int
	MaxResults int
	Total      int

	IsLast        bool
	NextPageToken string
}

func CheckResponse(r *http.Response) error { return nil }

type BasicAuthTransport struct {
	Username string
	Password string

	Transport http.RoundTripper
}

func (t *BasicAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
func (t *BasicAuthTransport) Client() *http.Client                                { return nil }

type BearerAuthTransport struct {
	Token string

	Transport http.RoundTripper
}

func (t *BearerAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
func (t *BearerAuthTransport) Client() *http.Client                                { return nil }

type PATAuthTransport struct {
	Token string

	Transport http.RoundTripper
}

func (t *PATAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
func (t *PATAuthTransport) Client() *http.Client                                { return nil }

type CookieAuthTransport struct {
	Username string
	Password string
	AuthURL  string

	SessionObject []*http.Cookie

	Transport http.RoundTripper
}

func (t *CookieAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
func (t *CookieAuthTransport) Client() *http.Client                                { return nil }

type JWTAuthTransport struct {
	Secret []byte
	Issuer string

	Transport http.RoundTripper
}

func (t *JWTAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
func (t *JWTAuthTransport) Client() *http.Client                                { return nil }
