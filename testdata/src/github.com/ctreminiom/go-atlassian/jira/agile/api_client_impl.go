// Stub of github.com/ctreminiom/go-atlassian for atlint fixtures: signatures only.
package agile

import (
	"context"
	"net/http"
	"net/url"

	"github.com/ctreminiom/go-atlassian/jira/agile/internal"
	model "github.com/ctreminiom/go-atlassian/pkg/infra/models"
	"github.com/ctreminiom/go-atlassian/service/common"
)

func New(httpClient common.HttpClient, site string) (*Client, error) {
	return nil, nil
}

type Client struct {
	HTTP   common.HttpClient
	Auth   common.Authentication
	Site   *url.URL
	Board  *internal.BoardService
	Sprint *internal.SprintService
}

func (c *Client) NewRequest(ctx context.Context, method, urlStr, type_ string, body interface{}) (*http.Request, error) {
	return nil, nil
}

func (c *Client) Call(request *http.Request, structure interface{}) (*model.ResponseScheme, error) {
	return nil, nil
}
