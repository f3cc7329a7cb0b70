// Stub of github.com/andygrunwald/go-jira (v1) for atlint fixtures: signatures only.
package jira

import "context"

type IssueService struct {
	client *Client
}

type ProjectService struct {
	client *Client
}

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

func (s *IssueService) GetWithContext(ctx context.Context, issueID string, options *GetQueryOptions) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) Get(issueID string, options *GetQueryOptions) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) CreateWithContext(ctx context.Context, issue *Issue) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) Create(issue *Issue) (*Issue, *Response, error) { return nil, nil, nil }

func (s *IssueService) UpdateWithOptionsWithContext(ctx context.Context, issue *Issue, opts *UpdateQueryOptions) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) UpdateWithOptions(issue *Issue, opts *UpdateQueryOptions) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) UpdateWithContext(ctx context.Context, issue *Issue) (*Issue, *Response, error) {
	return nil, nil, nil
}

func (s *IssueService) Update(issue *Issue) (*Issue, *Response, error) { return nil, nil, nil }

func (s *IssueService) DeleteWithContext(ctx context.Context, issueID string) (*Response, error) {
	return nil, nil
}

func (s *IssueService) Delete(issueID string) (*Response, error) { return nil, nil }
