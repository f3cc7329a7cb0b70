// Stub of github.com/ctreminiom/go-atlassian/v2 for atlint fixtures: signatures only.
package common

import "net/http"

type HTTPClient interface {
	Do(request *http.Request) (*http.Response, error)
}
