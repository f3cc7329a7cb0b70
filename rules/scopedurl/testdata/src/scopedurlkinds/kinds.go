// Package scopedurlkinds: credentials a site rejects, told apart by value
// and by name. Tokens are placeholders expanded by atltest.
package scopedurlkinds

import (
	"net/http"
	"os"
)

const apiToken = "{{atl api k1}}"

// An API token as Bearer, by value.
func apiTokenBearer() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil) // want `ATL201 Atlassian API token sent as a Bearer token to https://mysite\.atlassian\.net: API tokens are sent with Basic auth \(email:token\), and scoped ones only through api\.atlassian\.com; use SetBasicAuth\(email, token\) and send the request to https://api\.atlassian\.com/ex/jira/\{cloudId\}/rest/api/3/myself; the cloud ID is at https://mysite\.atlassian\.net/_edge/tenant_info`
	req.Header.Set("Authorization", "Bearer "+apiToken)
}

// An API token as Bearer, by name.
func apiTokenBearerByName() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil) // want `Atlassian API token sent as a Bearer token`
	req.Header.Add("Authorization", "Bearer "+os.Getenv("JIRA_API_TOKEN"))
}

// A Data Center PAT, by value and by name.
func dcPAT() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/2/myself", nil) // want `ATL201 Data Center personal access token sent to https://mysite\.atlassian\.net: Data Center tokens work only on your own Data Center host`
	req.Header.Set("Authorization", "Bearer {{atl dcpat k2}}")

	pat := os.Getenv("JIRA_PAT")
	req2, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/2/myself", nil) // want `ATL201 Data Center personal access token sent to`
	req2.Header.Set("Authorization", "Bearer "+pat)

	var personalAccessToken string
	req3, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/2/myself", nil) // want `ATL201 Data Center personal access token sent to`
	req3.Header.Set("Authorization", "Bearer "+personalAccessToken)
}

// A Bitbucket Data Center token.
func bbdc() {
	tok := "{{atl bbdc k3}}"
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/2/myself", nil) // want `ATL201 Bitbucket Data Center HTTP access token sent to https://mysite\.atlassian\.net`
	req.Header.Set("Authorization", "Bearer "+tok)
}

// A service-account token sent as Bearer to a site: only the gateway takes it.
func serviceAccount() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil) // want `Bearer token sent to https://mysite\.atlassian\.net: sites reject Bearer tokens, only api\.atlassian\.com accepts them`
	req.Header.Set("Authorization", "Bearer {{atl service k4}}")
}

// A Basic header with an API token, written out.
func basicHeader() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil) // want `API token sent with Basic auth to https://mysite\.atlassian\.net`
	req.Header.Set("Authorization", "{{atl api k5 basic=me@example.com}}")
}

// Silent: the same tokens to the right hosts.
func silent(cloudID string) {
	req, _ := http.NewRequest("GET", "https://jira.example.com/rest/api/2/myself", nil)
	req.Header.Set("Authorization", "Bearer {{atl dcpat k6}}")
	req2, _ := http.NewRequest("GET", "https://api.atlassian.com/ex/jira/"+cloudID+"/rest/api/3/myself", nil)
	req2.Header.Set("Authorization", "Bearer {{atl service k7}}")
}
