// Package config holds the fixture's token settings.
package config

// ReadOnlyToken is configured as a read-only source (config.ReadOnlyToken).
var ReadOnlyToken = "not-a-real-token"

// ReadWriteToken is not.
var ReadWriteToken = "not-a-real-token-either"

// Settings is configured as Settings.ROToken.
type Settings struct {
	BaseURL string
	ROToken string
	RWToken string
}
