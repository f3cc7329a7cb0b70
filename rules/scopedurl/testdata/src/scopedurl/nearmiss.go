package scopedurl

import (
	"net/http"
	"os"
	"strings"
)

// Silent: the gateway form already.
func gateway(cloudID string) {
	req, _ := http.NewRequest("GET", "https://api.atlassian.com/ex/jira/"+cloudID+"/rest/api/3/myself", nil)
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Silent: OAuth against api.atlassian.com.
func oauth() {
	req, _ := http.NewRequest("GET", "https://api.atlassian.com/oauth/token/accessible-resources", nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("ATLASSIAN_OAUTH_TOKEN"))
}

// Silent: Basic auth to other hosts (prometheus-style), Bitbucket, Data Center.
func otherHosts() {
	req, _ := http.NewRequest("GET", "https://prometheus.example.com/api/v1/query", nil)
	req.SetBasicAuth("admin", os.Getenv("PROM_PASSWORD"))

	req2, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/repositories/ws", nil)
	req2.SetBasicAuth("me", os.Getenv("BITBUCKET_APP_PASSWORD"))

	req3, _ := http.NewRequest("GET", "https://jira.example.com/rest/api/2/myself", nil)
	req3.Header.Set("Authorization", "Bearer "+os.Getenv("JIRA_PAT"))

	req4, _ := http.NewRequest("GET", "https://mysite.atlassian.net.example.com/rest/api/3/myself", nil)
	req4.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Silent: a site URL but no credentials on that request (another request
// has them).
func noAuth() {
	_, _ = http.Get("https://mysite.atlassian.net/status")
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/serverInfo", nil)
	_, _ = http.DefaultClient.Do(req)
	other, _ := http.NewRequest("GET", "https://jira.example.com/rest/api/2/myself", nil)
	other.SetBasicAuth("me", os.Getenv("JIRA_PASSWORD"))
}

// Silent: a URL from configuration with no constraint.
type Settings struct{ BaseURL string }

func fromConfig(s Settings) {
	req, _ := http.NewRequest("GET", s.BaseURL+"/rest/api/3/myself", nil)
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	req2, _ := http.NewRequest("GET", os.Getenv("JIRA_URL")+"/rest/api/3/myself", nil)
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Silent: a suffix check on another variable does not constrain this one.
func unrelatedCheck(host, other string) {
	if strings.HasSuffix(other, ".atlassian.net") {
		return
	}
	req, _ := http.NewRequest("GET", "https://"+host+"/rest/api/3/myself", nil)
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Silent: the Authorization scheme is not visible.
func opaqueHeader(v string) {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil)
	req.Header.Set("Authorization", v)
}

// Silent: site names in strings that are not URLs of a request.
func docs() string {
	return "see https://mysite.atlassian.net/wiki for help"
}
