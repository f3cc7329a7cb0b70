// Stub of github.com/go-git/go-git/v5 (v5.19) for atlint fixtures:
// the option types and clone functions, checked against options.go and
// repository.go of the module.
package git

import "github.com/go-git/go-git/v5/plumbing/transport"

type CloneOptions struct {
	URL  string
	Auth transport.AuthMethod
}

type PullOptions struct {
	RemoteName string
	RemoteURL  string
	Auth       transport.AuthMethod
}

type PushOptions struct {
	RemoteName string
	RemoteURL  string
	Auth       transport.AuthMethod
}

type Repository struct{}

type Worktree struct{}

func PlainClone(path string, isBare bool, o *CloneOptions) (*Repository, error) { return nil, nil }

func (r *Repository) Push(o *PushOptions) error { return nil }

func (r *Repository) Worktree() (*Worktree, error) { return nil, nil }

func (w *Worktree) Pull(o *PullOptions) error { return nil }
