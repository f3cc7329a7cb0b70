// Stub of github.com/shurcooL/graphql for atlint fixtures: signatures only.
package graphql

import (
	"context"
	"net/http"
)

type Client struct {
	url        string
	httpClient *http.Client
}

func NewClient(url string, httpClient *http.Client) *Client { return nil }

func (c *Client) Query(ctx context.Context, q any, variables map[string]any) error { return nil }

func (c *Client) Mutate(ctx context.Context, m any, variables map[string]any) error { return nil }
