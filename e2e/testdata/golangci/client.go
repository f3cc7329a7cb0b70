// Package fixture is a small module that talks to Jira Cloud, for the
// golangci-lint end-to-end test.
package fixture

import (
	"net/http"
	"os"
)

// myself builds a request to the Jira REST API with a hard-coded token.
func myself() (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, "https://example.atlassian.net/rest/api/3/myself", nil) // marker:url
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth("me@example.com", "{{atl api golangci-hardcoded}}") // marker:hardcoded
	return req, nil
}

// suppressed is the same call, silenced with golangci-lint's directive.
func suppressed(req *http.Request) {
	req.SetBasicAuth("me@example.com", "{{atl api golangci-nolint}}") //nolint:atlint // fixture: silenced on purpose
}

// fromEnv reads the credentials from the environment: silent.
func fromEnv(req *http.Request) {
	req.SetBasicAuth(os.Getenv("JIRA_EMAIL"), os.Getenv("ATLASSIAN_API_TOKEN"))
}

//atlint:ignore ATL101 the token moved to the environment (marker:stale)
var site = "https://example.atlassian.net"
