// Stub of github.com/Khan/genqlient for atlint fixtures: signatures only.
package graphql

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

type Client interface {
	MakeRequest(
		ctx context.Context,
		req *Request,
		resp *Response,
	) error
}

type WebSocketClient interface {
	Start(ctx context.Context) (errChan chan error, err error)
	Close() error
	Subscribe(
		req *Request,
		interfaceChan interface{},
		forwardDataFunc ForwardDataFunction,
	) (string, error)
	Unsubscribe(subscriptionID string) error
}

type ForwardDataFunction func(interfaceChan interface{}, jsonRawMsg json.RawMessage) error

type client struct {
	httpClient Doer
	endpoint   string
	method     string
}

func (c *client) MakeRequest(ctx context.Context, req *Request, resp *Response) error { return nil }

func NewClient(endpoint string, httpClient Doer) Client { return &client{} }

func NewClientUsingGet(endpoint string, httpClient Doer) Client { return &client{} }

type webSocketClient struct{}

type WebSocketOption func(*webSocketClient)

func NewClientUsingWebSocket(endpoint string, wsDialer Dialer, opts ...WebSocketOption) WebSocketClient {
	return nil
}

func WithConnectionParams(connParams map[string]interface{}) WebSocketOption {
	return func(*webSocketClient) {}
}

func WithWebsocketHeader(header http.Header) WebSocketOption {
	return func(*webSocketClient) {}
}

type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

type Dialer interface {
	DialContext(ctx context.Context, urlStr string, requestHeader http.Header) (WSConn, error)
}

type WSConn interface {
	Close() error
	WriteMessage(messageType int, data []byte) error
	ReadMessage() (messageType int, p []byte, err error)
}

type Request struct {
	Query     string      `json:"query"`
	Variables interface{} `json:"variables,omitempty"`
	OpName    string      `json:"operationName"`
}

type BaseResponse[T any] struct {
	Data       T                      `json:"data"`
	Extensions map[string]interface{} `json:"extensions,omitempty"`
	Errors     gqlerror.List          `json:"errors,omitempty"`
}

type Response BaseResponse[any]
