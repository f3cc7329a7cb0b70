// Stub of github.com/andygrunwald/go-jira/v2/cloud for atlint fixtures: signatures only.
package cloud

import (
	"net/http"
	"net/url"
	"sync"
)

// Client: cloud has no Authentication service field.
type Client struct {
	clientMu sync.Mutex
	client   *http.Client

	BaseURL   *url.URL
	UserAgent string

	common service

	Issue   *IssueService
	Project *ProjectService
}

// BasicAuthTransport (cloud): the secret field is APIToken, not Password.
type BasicAuthTransport struct {
	Username string
	APIToken string

	Transport http.RoundTripper
}

func (t *BasicAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
func (t *BasicAuthTransport) Client() *http.Client                                { return nil }
