// Package resty is a stub of github.com/go-resty/resty/v2 for atlint's
// fixtures: the client and request methods with their real signatures.
package resty

import "net/http"

type Client struct{ HostURL, BaseURL string }

type Request struct {
	URL    string
	Header http.Header
}

type Response struct{}

type RequestMiddleware func(*Client, *Request) error

func New() *Client                                               { return &Client{} }
func NewWithClient(hc *http.Client) *Client                      { return &Client{} }
func (c *Client) SetBaseURL(url string) *Client                  { return c }
func (c *Client) SetHostURL(url string) *Client                  { return c }
func (c *Client) SetBasicAuth(username, password string) *Client { return c }
func (c *Client) SetAuthToken(token string) *Client              { return c }
func (c *Client) SetHeader(header, value string) *Client         { return c }
func (c *Client) OnBeforeRequest(m RequestMiddleware) *Client    { return c }
func (c *Client) R() *Request                                    { return &Request{} }

func (r *Request) SetBasicAuth(username, password string) *Request { return r }
func (r *Request) SetAuthToken(token string) *Request              { return r }
func (r *Request) SetHeader(header, value string) *Request         { return r }
func (r *Request) SetBody(body interface{}) *Request               { return r }
func (r *Request) SetResult(res interface{}) *Request              { return r }
func (r *Request) Get(url string) (*Response, error)               { return nil, nil }
func (r *Request) Post(url string) (*Response, error)              { return nil, nil }
func (r *Request) Put(url string) (*Response, error)               { return nil, nil }
func (r *Request) Delete(url string) (*Response, error)            { return nil, nil }
func (r *Request) Execute(method, url string) (*Response, error)   { return nil, nil }
