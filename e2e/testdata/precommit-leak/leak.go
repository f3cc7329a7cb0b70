package hooked

import "net/http"

// AuthorizeBadly hard-codes an API token: the hook must stop the commit.
func AuthorizeBadly(req *http.Request) {
	req.SetBasicAuth("me@example.com", "{{atl api precommit-leak}}")
}
