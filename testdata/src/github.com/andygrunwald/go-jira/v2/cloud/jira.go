// Stub of github.com/andygrunwald/go-jira/v2/cloud for atlint fixtures: signatures only.
package cloud

import (
	"context"
	"io"
	"net/http"
)

type service struct {
	client *Client
}

func (c *Client) Client() *http.Client { return nil }

// NewClient: v2 takes baseURL FIRST, then a concrete *http.Client.
func NewClient(baseURL string, httpClient *http.Client) (*Client, error) { return nil, nil }

func (c *Client) NewRawRequest(ctx context.Context, method, urlStr string, body io.Reader) (*http.Request, error) {
	return nil, nil
}

func (c *Client) NewRequest(ctx context.Context, method, urlStr string, body interface{}) (*http.Request, error) {
	return nil, nil
}

func (c *Client) Do(req *http.Request, v interface{}) (*Response, error) { return nil, nil }

func CheckResponse(r *http.Response) error { return nil }

type Response struct {
	*http.Response

	StartAt    int
	MaxResults int
	Total      int

	IsLast        bool
	NextPageToken string
}

type IssueService service

type ProjectService service

type UpdateQueryOptions struct {
	NotifyUsers            bool `url:"notifyUsers,omitempty"`
	OverrideScreenSecurity bool `url:"overrideScreenSecurity,omitempty"`
	OverrideEditableFlag   bool `url:"overrideEditableFlag,omitempty"`
}

type GetQueryOptions struct {
	Fields        string `url:"fields,omitempty"`
	Expand        string `url:"expand,omitempty"`
	Properties    string `url:"properties,omitempty"`
	FieldsByKeys  bool   `url:"fieldsByKeys,omitempty"`
	UpdateHistory bool   `url:"updateHistory,omitempty"`
	ProjectKeys   string `url:"projectKeys,omitempty"`
}

type Issue struct {
	Expand string       `json:"expand,omitempty" structs:"expand,omitempty"`
	ID     string       `json:"id,omitempty" structs:"id,omitempty"`
	Self   string       `json:"self,omitempty" structs:"self,omitempty"`
	Key    string       `json:"key,omitempty" structs:"key,omitempty"`
	Fields *IssueFields `json:"fields,omitempty" structs:"fields,omitempty"`
}

// IssueFields: subset of the real fields.
type IssueFields struct {
	Type        IssueType `json:"issuetype,omitempty" structs:"issuetype,omitempty"`
	Project     Project   `json:"project,omitempty" structs:"project,omitempty"`
	Description string    `json:"description,omitempty" structs:"description,omitempty"`
	Summary     string    `json:"summary,omitempty" structs:"summary,omitempty"`
	Labels      []string  `json:"labels,omitempty" structs:"labels,omitempty"`
}

type IssueType struct {
	Self        string `json:"self,omitempty" structs:"self,omitempty"`
	ID          string `json:"id,omitempty" structs:"id,omitempty"`
	Description string `json:"description,omitempty" structs:"description,omitempty"`
	IconURL     string `json:"iconUrl,omitempty" structs:"iconUrl,omitempty"`
	Name        string `json:"name,omitempty" structs:"name,omitempty"`
	Subtask     bool   `json:"subtask,omitempty" structs:"subtask,omitempty"`
	AvatarID    int    `json:"avatarId,omitempty" structs:"avatarId,omitempty"`
}

// Project: subset of the real fields.
type Project struct {
	Expand      string `json:"expand,omitempty" structs:"expand,omitempty"`
	Self        string `json:"self,omitempty" structs:"self,omitempty"`
	ID          string `json:"id,omitempty" structs:"id,omitempty"`
	Key         string `json:"key,omitempty" structs:"key,omitempty"`
	Description string `json:"description,omitempty" structs:"description,omitempty"`
	Name        string `json:"name,omitempty" structs:"name,omitempty"`
}

func (s *IssueService) Get(ctx context.Context, issueID string, options *GetQueryOptions) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) Create(ctx context.Context, issue *Issue) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) Update(ctx context.Context, issue *Issue, opts *UpdateQueryOptions) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) Delete(ctx context.Context, issueID string) (*Response, error) {
	return nil, nil
}

// JWTAuthTransport exists in both cloud and onpremise.
type JWTAuthTransport struct {
	Secret []byte
	Issuer string

	Transport http.RoundTripper
}

func (t *JWTAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
func (t *JWTAuthTransport) Client() *http.Client                                { return nil }
