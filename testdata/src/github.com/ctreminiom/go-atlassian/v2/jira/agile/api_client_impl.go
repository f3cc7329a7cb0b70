// Stub of github.com/ctreminiom/go-atlassian/v2 for atlint fixtures: signatures only.
package agile

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/ctreminiom/go-atlassian/v2/jira/agile/internal"
	model "github.com/ctreminiom/go-atlassian/v2/pkg/infra/models"
	"github.com/ctreminiom/go-atlassian/v2/service/common"
)

type ClientOption func(*Client) error

func WithOAuth(config *common.OAuth2Config) ClientOption {
	return func(c *Client) error { return fmt.Errorf("stub") }
}

func WithAutoRenewalToken(token *common.OAuth2Token) ClientOption {
	return func(c *Client) error { return fmt.Errorf("stub") }
}

func WithOAuthWithAutoRenewal(config *common.OAuth2Config, token *common.OAuth2Token) ClientOption {
	return func(c *Client) error { return fmt.Errorf("stub") }
}

func New(httpClient common.HTTPClient, site string, options ...ClientOption) (*Client, error) {
	return nil, nil
}

type Client struct {
	HTTP   common.HTTPClient
	Auth   common.Authentication
	OAuth  common.OAuth2Service
	Site   *url.URL
	Board  *internal.BoardService
	Sprint *internal.SprintService
}

func (c *Client) NewRequest(ctx context.Context, method, urlStr, contentType string, body interface{}) (*http.Request, error) {
	return nil, nil
}

func (c *Client) Call(request *http.Request, structure interface{}) (*model.ResponseScheme, error) {
	return nil, nil
}

func (c *Client) Do(request *http.Request) (*http.Response, error) {
	return nil, nil
}
