// Package scopedurlgraphql: the site GraphQL gateway takes no scoped token;
// the platform URL https://api.atlassian.com/graphql needs no cloud ID, so
// the fix needs no -scopedurl.cloudid.
package scopedurlgraphql

import (
	"net/http"
	"os"
	"strings"
)

func basic() {
	req, _ := http.NewRequest("POST", "https://mysite.atlassian.net/gateway/api/graphql", strings.NewReader(`{"query":"{ me { user { name } } }"}`)) // want `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net: scoped API tokens fail there with 401/404 errors that look like missing permissions, and classic tokens are being retired; send the request to https://api\.atlassian\.com/graphql$`
	req.SetBasicAuth("me@example.com", os.Getenv("ATLASSIAN_API_TOKEN"))
}

func bearer() {
	req, _ := http.NewRequest("POST", "https://other.atlassian.net/gateway/api/graphql?op=x", nil) // want `ATL201 OAuth 2\.0 Bearer token sent to https://other\.atlassian\.net: .*send the request to https://api\.atlassian\.com/graphql\?op=x$`
	req.Header.Set("Authorization", "Bearer "+os.Getenv("ATLASSIAN_OAUTH_TOKEN"))
}

// No fix: the origin and the gateway path are two literals (the site
// constant may serve other requests).
const site = "https://mysite.atlassian.net"

func split() {
	req, _ := http.NewRequest("POST", site+"/gateway/api/graphql", nil) // want `send the request to https://api\.atlassian\.com/graphql$`
	req.SetBasicAuth("me@example.com", os.Getenv("ATLASSIAN_API_TOKEN"))
}

// The host comes from configuration but the code requires a site.
func constrained(host string) {
	if !strings.HasSuffix(host, ".atlassian.net") {
		return
	}
	req, _ := http.NewRequest("POST", "https://"+host+"/gateway/api/graphql", nil) // want `to a <site>\.atlassian\.net host \(the code expects one\): .*send the request to https://api\.atlassian\.com/graphql$`
	req.SetBasicAuth("me@example.com", os.Getenv("ATLASSIAN_API_TOKEN"))
}

// Near misses: the platform URL already; another gateway path keeps the
// /ex/ suggestion; a longer path element is not the GraphQL gateway.
func nearMisses() {
	req, _ := http.NewRequest("POST", "https://api.atlassian.com/graphql", nil)
	req.SetBasicAuth("me@example.com", os.Getenv("ATLASSIAN_API_TOKEN"))

	req2, _ := http.NewRequest("POST", "https://mysite.atlassian.net/gateway/api/compass/v1/metrics", nil) // want `send the request to https://api\.atlassian\.com/ex/jira/\{cloudId\}/gateway/api/compass/v1/metrics \(Jira; `
	req2.SetBasicAuth("me@example.com", os.Getenv("ATLASSIAN_API_TOKEN"))

	req3, _ := http.NewRequest("POST", "https://mysite.atlassian.net/gateway/api/graphqlx", nil) // want `ex/jira/\{cloudId\}/gateway/api/graphqlx \(Jira; `
	req3.SetBasicAuth("me@example.com", os.Getenv("ATLASSIAN_API_TOKEN"))
}
