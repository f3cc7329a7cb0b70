// Stub of github.com/go-git/go-git/v5/plumbing/transport/http for atlint
// fixtures: the auth methods, checked against common.go of the module.
package http

type BasicAuth struct {
	Username, Password string
}

func (a *BasicAuth) Name() string   { return "http-basic-auth" }
func (a *BasicAuth) String() string { return "http-basic-auth - " + a.Username + ":*******" }

type TokenAuth struct {
	Token string
}

func (a *TokenAuth) Name() string   { return "http-token-auth" }
func (a *TokenAuth) String() string { return "http-token-auth - *******" }
