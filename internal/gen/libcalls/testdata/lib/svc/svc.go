// Package svc is a synthetic client library for the generator's test.
package svc

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const apiBase = "rest/api/2"

type Client struct{}

func (c *Client) NewRequest(ctx context.Context, method, u string, body interface{}) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, u, nil)
}

type IssueService struct {
	client *Client
	impl   issueConnector
}

type issueConnector interface {
	Watchers(ctx context.Context, key string) error
}

type issueImpl struct {
	c       *Client
	version string
}

func NewIssueService(c *Client, version string) *IssueService {
	return &IssueService{client: c, impl: &issueImpl{c: c, version: version}}
}

// Get sends one request built with Sprintf and a constant.
func (s *IssueService) Get(ctx context.Context, key string) error {
	u := fmt.Sprintf(apiBase+"/issue/%s?fields=%s", key, "x")
	_, err := s.client.NewRequest(ctx, http.MethodGet, u, nil)
	return err
}

// GetNoContext delegates to a method of its receiver.
func (s *IssueService) GetNoContext(key string) error {
	return s.Get(context.Background(), key)
}

// Update chooses the method and the path by branch.
func (s *IssueService) Update(ctx context.Context, key string, notify bool) error {
	method := "PUT"
	var b strings.Builder
	b.WriteString("rest/api/2/issue/")
	b.WriteString(url.PathEscape(key))
	if notify {
		method = "POST"
		b.WriteString("/notify")
	}
	_, err := s.client.NewRequest(ctx, method, b.String(), nil)
	return err
}

// Search builds its URL with url.URL and a helper returning it.
func (s *IssueService) Search(ctx context.Context, jql string) error {
	u := url.URL{Path: "rest/api/2/search"}
	full, err := addQuery(u.String(), jql)
	if err != nil {
		return err
	}
	_, err = s.client.NewRequest(ctx, "POST", full, nil)
	return err
}

// Watchers goes through the implementation assigned in NewIssueService.
func (s *IssueService) Watchers(ctx context.Context, key string) error {
	return s.impl.Watchers(ctx, key)
}

// Raw sends to a URL the generator cannot tell.
func (s *IssueService) Raw(ctx context.Context, u string) error {
	_, err := s.client.NewRequest(ctx, "GET", u, nil)
	return err
}

// Local sends nothing.
func (s *IssueService) Local() string { return "x" }

func (s *IssueService) unexported(ctx context.Context) error {
	_, err := s.client.NewRequest(ctx, "GET", "rest/api/2/myself", nil)
	return err
}

func (i *issueImpl) Watchers(ctx context.Context, key string) error {
	_, err := i.c.NewRequest(ctx, http.MethodDelete, fmt.Sprintf("rest/api/%v/issue/%v/watchers", i.version, key), nil)
	return err
}

func addQuery(s, jql string) (string, error) {
	if jql == "" {
		return s, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", err
	}
	u.RawQuery = url.Values{"jql": {jql}}.Encode()
	return u.String(), nil
}
