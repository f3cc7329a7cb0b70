// Stub of github.com/hasura/go-graphql-client for atlint fixtures: signatures only.
package graphql

import (
	"context"
	"net/http"
	"time"
)

type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

type RequestModifier func(*http.Request)

type Client struct {
	url             string
	httpClient      Doer
	requestModifier RequestModifier
	debug           bool
}

type ClientOption func(c *Client)

func WithRetry(maxRetries int) ClientOption               { return func(c *Client) {} }
func WithRetryBaseDelay(delay time.Duration) ClientOption { return func(c *Client) {} }
func WithRetryExponentialRate(rate float64) ClientOption  { return func(c *Client) {} }
func WithRetryHTTPStatus(status []int) ClientOption       { return func(c *Client) {} }
func WithRetryOnGraphQLError(callback func(errs Errors) bool) ClientOption {
	return func(c *Client) {}
}

func NewClient(url string, httpClient Doer, options ...ClientOption) *Client { return nil }

func (c *Client) Query(ctx context.Context, q any, variables map[string]any, options ...Option) error {
	return nil
}

func (c *Client) NamedQuery(ctx context.Context, name string, q any, variables map[string]any, options ...Option) error {
	return nil
}

func (c *Client) Mutate(ctx context.Context, m any, variables map[string]any, options ...Option) error {
	return nil
}

func (c *Client) NamedMutate(ctx context.Context, name string, m any, variables map[string]any, options ...Option) error {
	return nil
}

func (c *Client) QueryRaw(ctx context.Context, q any, variables map[string]any, options ...Option) ([]byte, error) {
	return nil, nil
}

func (c *Client) MutateRaw(ctx context.Context, m any, variables map[string]any, options ...Option) ([]byte, error) {
	return nil, nil
}

func (c *Client) Exec(ctx context.Context, query string, v any, variables map[string]any, options ...Option) error {
	return nil
}

func (c *Client) ExecRaw(ctx context.Context, query string, variables map[string]any, options ...Option) ([]byte, error) {
	return nil, nil
}

func (c *Client) WithRequestModifier(f RequestModifier) *Client { return nil }

func (c *Client) WithDebug(debug bool) *Client { return nil }

type Errors []Error

type Error struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
	Locations  []struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	} `json:"locations"`
	Path []any `json:"path"`
	err  error
}

func (e Error) Error() string  { return e.Message }
func (e Errors) Error() string { return "" }
