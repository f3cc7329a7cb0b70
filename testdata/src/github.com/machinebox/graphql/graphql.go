// Stub of github.com/machinebox/graphql for atlint fixtures: signatures only.
package graphql

import (
	"context"
	"io"
	"net/http"
)

type Client struct {
	endpoint         string
	httpClient       *http.Client
	useMultipartForm bool
	closeReq         bool

	Log func(s string)
}

func NewClient(endpoint string, opts ...ClientOption) *Client { return nil }

func (c *Client) Run(ctx context.Context, req *Request, resp interface{}) error { return nil }

type ClientOption func(*Client)

func WithHTTPClient(httpclient *http.Client) ClientOption { return func(*Client) {} }

func UseMultipartForm() ClientOption { return func(*Client) {} }

func ImmediatelyCloseReqBody() ClientOption { return func(*Client) {} }

type Request struct {
	q     string
	vars  map[string]interface{}
	files []File

	Header http.Header
}

func NewRequest(q string) *Request { return nil }

func (req *Request) Var(key string, value interface{}) {}

func (req *Request) Vars() map[string]interface{} { return nil }

func (req *Request) Files() []File { return nil }

func (req *Request) Query() string { return "" }

func (req *Request) File(fieldname, filename string, r io.Reader) {}

type File struct {
	Field string
	Name  string
	R     io.Reader
}
