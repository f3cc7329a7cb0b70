// Stub of github.com/ctreminiom/go-atlassian for atlint fixtures: signatures only.
package common

import "net/http"

type HttpClient interface {
	Do(request *http.Request) (*http.Response, error)
}
