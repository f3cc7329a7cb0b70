// Package keyring is a stub of github.com/zalando/go-keyring (signatures as
// in its keyring.go).
package keyring

import "errors"

// ErrNotFound is returned when the secret is not in the keyring.
var ErrNotFound = errors.New("secret not found in keyring")

// Set password in keyring for user.
func Set(service, user, password string) error { return nil }

// Get password from keyring given service and user name.
func Get(service, user string) (string, error) { return "", nil }

// Delete secret from keyring.
func Delete(service, user string) error { return nil }
