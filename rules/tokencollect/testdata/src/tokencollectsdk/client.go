// Package tokencollectsdk is a Jira client library: the caller supplies
// the token. It is no app (no storage; a webhook handler alone does not make
// one), so -tokencollect.enable=auto stays silent on it.
package tokencollectsdk

import (
	"encoding/json"
	"net/http"
)

// Client calls Jira with Basic auth.
type Client struct {
	BaseURL  string
	Email    string
	APIToken string
	hc       *http.Client
}

// New returns a client.
func New(baseURL, email, token string) *Client {
	return &Client{BaseURL: baseURL, Email: email, APIToken: token, hc: http.DefaultClient}
}

// NewRequest builds an authenticated request.
func (c *Client) NewRequest(method, path string) (*http.Request, error) {
	req, err := http.NewRequest(method, c.BaseURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.Email, c.APIToken)
	return req, nil
}

// Event is a webhook event.
type Event struct {
	WebhookEvent string `json:"webhookEvent"`
}

// HandleWebhook decodes a webhook event.
func (c *Client) HandleWebhook(w http.ResponseWriter, r *http.Request) (*Event, error) {
	var e Event
	err := json.NewDecoder(r.Body).Decode(&e)
	return &e, err
}
