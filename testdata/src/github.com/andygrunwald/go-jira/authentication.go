// Stub of github.com/andygrunwald/go-jira (v1) for atlint fixtures: signatures only.
package jira

import (
	"context"
	"net/http"
)

type AuthenticationService struct {
	client *Client
}

type Session struct {
	Self    string `json:"self,omitempty"`
	Name    string `json:"name,omitempty"`
	Session struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"session,omitempty"`
	Cookies []*http.Cookie
}

func (s *AuthenticationService) AcquireSessionCookieWithContext(ctx context.Context, username, password string) (bool, error) {
	return false, nil
}

func (s *AuthenticationService) AcquireSessionCookie(username, password string) (bool, error) {
	return false, nil
}

func (s *AuthenticationService) SetBasicAuth(username, password string) {}

func (s *AuthenticationService) Authenticated() bool { return false }
