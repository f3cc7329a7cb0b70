// Stub of github.com/ktrysmt/go-bitbucket (v0.10.0) for atlint fixtures:
// the constructors' signatures, checked against client.go of the module.
// Older versions return *Client alone; the rule matches by name.
package bitbucket

import "net/url"

const DEFAULT_BITBUCKET_API_BASE_URL = "https://api.bitbucket.org/2.0"

type Client struct {
	Repositories *Repositories
	Pagelen      int
}

type Repositories struct {
	PullRequests *PullRequests
}

type PullRequests struct{}

type PullRequestsOptions struct {
	Owner    string
	RepoSlug string
	Title    string
}

func (p *PullRequests) Create(po *PullRequestsOptions) (interface{}, error) { return nil, nil }

func NewOAuthClientCredentials(i, s string) (*Client, error)          { return nil, nil }
func NewOAuth(i, s string) (*Client, error)                           { return nil, nil }
func NewOAuthbearerToken(t string) (*Client, error)                   { return nil, nil }
func NewOAuthbearerTokenWithBaseUrlStr(t, u string) (*Client, error)  { return nil, nil }
func NewBasicAuth(u, p string) (*Client, error)                       { return nil, nil }
func NewBasicAuthWithBaseUrlStr(u, p, urlStr string) (*Client, error) { return nil, nil }
func NewBasicAuthWithCaCert(u, p string, c []byte) (*Client, error)   { return nil, nil }
func NewBasicAuthWithBaseUrlStrCaCert(u, p, urlStr string, c []byte) (*Client, error) {
	return nil, nil
}
func NewAPITokenAuth(email, token string) (*Client, error) { return nil, nil }
func NewAPITokenAuthWithBaseUrlStr(email, token, urlStr string) (*Client, error) {
	return nil, nil
}
func NewAPITokenAuthWithCaCert(email, token string, caCerts []byte) (*Client, error) {
	return nil, nil
}

func (c *Client) SetApiBaseURL(urlStr url.URL) {}
