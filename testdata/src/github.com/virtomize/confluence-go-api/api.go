// Package goconfluence is a stub of github.com/virtomize/confluence-go-api
// for atlint's fixtures.
package goconfluence

import (
	"net/http"
	"net/url"
)

type API struct {
	endPoint        *url.URL
	Client          *http.Client
	username, token string
}

// NewAPI implements API constructor
func NewAPI(location string, username string, token string) (*API, error) {
	u, err := url.ParseRequestURI(location)
	if err != nil {
		return nil, err
	}
	return &API{endPoint: u, username: username, token: token}, nil
}

type Content struct{ ID string }

func (a *API) GetContentByID(id string, query interface{}) (*Content, error) { return nil, nil }
