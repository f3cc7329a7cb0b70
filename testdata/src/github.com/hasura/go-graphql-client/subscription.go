// Stub of github.com/hasura/go-graphql-client for atlint fixtures: signatures only.
package graphql

import (
	"context"
	"net/http"
	"time"
)

type SubscriptionClient struct {
	url string
}

// WebsocketOptions: subset of the real fields (CompressionMode etc. omitted).
type WebsocketOptions struct {
	HTTPClient           *http.Client
	HTTPHeader           http.Header
	Host                 string
	CompressionThreshold int
	ReadTimeout          time.Duration
	WriteTimeout         time.Duration
	Subprotocols         []string
}

func NewSubscriptionClient(url string) *SubscriptionClient { return nil }

func (sc *SubscriptionClient) GetURL() string { return "" }

func (sc *SubscriptionClient) WithWebSocketOptions(options WebsocketOptions) *SubscriptionClient {
	return sc
}

func (sc *SubscriptionClient) WithConnectionParams(params map[string]any) *SubscriptionClient {
	return sc
}

func (sc *SubscriptionClient) WithConnectionParamsFn(fn func() map[string]any) *SubscriptionClient {
	return sc
}

func (sc *SubscriptionClient) WithTimeout(timeout time.Duration) *SubscriptionClient { return sc }

func (sc *SubscriptionClient) WithLog(logger func(args ...any)) *SubscriptionClient { return sc }

func (sc *SubscriptionClient) OnError(onError func(sc *SubscriptionClient, err error) error) *SubscriptionClient {
	return sc
}

func (sc *SubscriptionClient) Subscribe(v any, variables map[string]any, handler func(message []byte, err error) error, options ...Option) (string, error) {
	return "", nil
}

func (sc *SubscriptionClient) NamedSubscribe(name string, v any, variables map[string]any, handler func(message []byte, err error) error, options ...Option) (string, error) {
	return "", nil
}

func (sc *SubscriptionClient) SubscribeRaw(query string, variables map[string]any, handler func(message []byte, err error) error) (string, error) {
	return "", nil
}

func (sc *SubscriptionClient) Exec(query string, variables map[string]any, handler func(message []byte, err error) error) (string, error) {
	return "", nil
}

func (sc *SubscriptionClient) Unsubscribe(id string) error { return nil }

func (sc *SubscriptionClient) Run() error { return nil }

func (sc *SubscriptionClient) RunWithContext(ctx context.Context) error { return nil }

func (sc *SubscriptionClient) Close() error { return nil }
