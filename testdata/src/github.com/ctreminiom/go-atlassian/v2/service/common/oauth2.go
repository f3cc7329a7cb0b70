// Stub of github.com/ctreminiom/go-atlassian/v2 for atlint fixtures: signatures only.
package common

import (
	"context"
	"net/url"
)

type OAuth2Config struct {
	ClientID     string
	ClientSecret string
	RedirectURI  string
	Scopes       []string
}

type OAuth2Service interface {
	GetAuthorizationURL(scopes []string, state string) (*url.URL, error)
	ExchangeAuthorizationCode(ctx context.Context, code string) (*OAuth2Token, error)
	RefreshAccessToken(ctx context.Context, refreshToken string) (*OAuth2Token, error)
	GetAccessibleResources(ctx context.Context, accessToken string) ([]*AccessibleResource, error)
}

type OAuth2Token struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope"`
}

type AccessibleResource struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Name      string   `json:"name"`
	Scopes    []string `json:"scopes"`
	AvatarURL string   `json:"avatarUrl"`
}
