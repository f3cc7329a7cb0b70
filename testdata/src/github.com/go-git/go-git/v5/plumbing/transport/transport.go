// Stub of github.com/go-git/go-git/v5/plumbing/transport for atlint fixtures.
package transport

type AuthMethod interface {
	Name() string
	String() string
}
