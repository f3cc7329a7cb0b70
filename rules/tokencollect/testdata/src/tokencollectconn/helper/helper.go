// Package helper is the generic part of a data-integration framework: its
// connection structs name no product.
package helper

import (
	"net/http"
	"net/url"
)

// BaseConnection is the persisted part of every connection.
type BaseConnection struct {
	ID   uint64 `gorm:"primaryKey" json:"id"`
	Name string `gorm:"type:varchar(100);uniqueIndex" json:"name"`
}

// RestConnection is where a connection sends its requests.
type RestConnection struct {
	Endpoint string `json:"endpoint"`
	Proxy    string `json:"proxy"`
}

// BasicAuth is a username and password.
type BasicAuth struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// AccessToken is a token sent as Bearer.
type AccessToken struct {
	Token string `json:"token"`
}

// ApiResourceInput is what an API handler of the framework receives.
type ApiResourceInput struct {
	Params  map[string]string
	Query   url.Values
	Body    map[string]interface{}
	Request *http.Request
}

// Decode fills output from input (a map), like mapstructure.
func Decode(input interface{}, output interface{}, validate interface{}) error { return nil }
