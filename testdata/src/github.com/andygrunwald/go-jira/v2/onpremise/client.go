// Stub of github.com/andygrunwald/go-jira/v2/onpremise for atlint fixtures: signatures only.
package onpremise

import (
	"context"
	"net/http"
	"net/url"
	"sync"
)

type Client struct {
	clientMu sync.Mutex
	client   *http.Client

	BaseURL   *url.URL
	UserAgent string

	session *Session

	common service

	Authentication *AuthenticationService
	Issue          *IssueService
	Project        *ProjectService
}

type AuthenticationService struct {
	client *Client
}

type Session struct {
	Self    string `json:"self,omitempty"`
	Name    string `json:"name,omitempty"`
	Session struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"session,omitempty"`
	Cookies []*http.Cookie
}

func (s *AuthenticationService) AcquireSessionCookie(ctx context.Context, username, password string) (bool, error) {
	return false, nil
}

func (s *AuthenticationService) SetBasicAuth(username, password string) {}

func (s *AuthenticationService) Authenticated() bool { return false }

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
