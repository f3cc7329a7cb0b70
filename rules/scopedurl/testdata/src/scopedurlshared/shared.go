// Package scopedurlshared: a fix rewrites a site literal only when every use
// of it is the URL of a reported API request. Run with -scopedurl.cloudid
// for mysite, two, three and four; five has no cloud ID.
package scopedurlshared

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

// Shared: the constant also builds links for people.
const siteURL = "https://mysite.atlassian.net"

func issue(key string) {
	req, _ := http.NewRequest("GET", siteURL+"/rest/api/3/issue/"+key, nil) // want `ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue/…; no fix: the site URL at shared.go:14 also builds a string that is not an API request \(shared.go:22\), so give the API requests a base URL of their own$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func browseLink(key string) string {
	return siteURL + "/browse/" + key
}

// Not shared: every use is an API request (through a variable and a
// helper); comparisons and suffix checks do not count.
const apiBase = "https://two.atlassian.net"

func myself() {
	req, _ := http.NewRequest("GET", apiBase+"/rest/api/3/myself", nil) // want `ex/jira/22222222-3333-4444-5555-666666666666/rest/api/3/myself$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func projects() {
	u := apiBase + "/rest/api/3/project"
	get(u)
	if strings.HasSuffix(apiBase, ".atlassian.net") && apiBase != "" {
		return
	}
}

func get(u string) {
	req, _ := http.NewRequest("GET", u, nil) // want `ex/jira/22222222-3333-4444-5555-666666666666/rest/api/3/project$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Not shared: a default for a value from the environment.
func envDefault() {
	base := os.Getenv("JIRA_URL")
	if base == "" {
		base = "https://three.atlassian.net"
	}
	req, _ := http.NewRequest("GET", base+"/rest/api/3/myself", nil) // want `ex/jira/33333333-4444-5555-6666-777777777777/rest/api/3/myself$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Shared through a struct field: the same value goes into a message.
type config struct{ Site string }

var defaults = config{Site: "https://four.atlassian.net"}

func viaField(key string) {
	req, _ := http.NewRequest("GET", defaults.Site+"/rest/api/3/issue/"+key, nil) // want `no fix: the site URL at shared.go:60 also builds a string that is not an API request \(shared.go:68\)`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func mention(key string) {
	fmt.Printf("see %s/browse/%s\n", defaults.Site, key)
}

// Shared, and no cloud ID: the message does not promise a fix.
const five = "https://five.atlassian.net"

func fiveLink(key string) string { return five + "/browse/" + key }

func fiveIssue() {
	req, _ := http.NewRequest("GET", five+"/rest/api/3/myself", nil) // want `the cloud ID is at https://five\.atlassian\.net/_edge/tenant_info; no fix: the site URL at shared.go:72 also builds a string that is not an API request \(shared.go:74\)`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
