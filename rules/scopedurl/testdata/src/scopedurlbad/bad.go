// Package scopedurlbad: code that does not type-check, malformed URLs and
// cycles must neither crash the rule nor produce noise.
package scopedurlbad

import (
	"net/http"
	"os"
)

func typeErrors() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil) // want `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net`
	req.SetBasicAuth("me@example.com", undefinedToken)

	req2, _ := http.NewRequest("GET", undefinedBase+"/rest/api/3/myself", nil)
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	req3 := undefinedFunc("https://mysite.atlassian.net/rest/api/3/myself")
	req3.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Malformed URLs are not sites.
func malformed() {
	for _, u := range []string{
		"https://my site.atlassian.net/rest/api/3/myself",
		"https://mysite.atlassian.net:port/rest/api/3/myself",
		"mysite.atlassian.net/rest/api/3/myself",
		"ftp://mysite.atlassian.net/rest/api/3/myself",
		"https://a.b.atlassian.net/rest/api/3/myself",
		"https://[::1]/rest/api/3/myself",
		"https://\x00mysite.atlassian.net/",
	} {
		req, _ := http.NewRequest("GET", u, nil)
		req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	}
	req, _ := http.NewRequest("GET", "https://my\u00e9site.atlassian.net/rest/api/3/myself", nil)
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Cycles between variables and recursive helpers terminate.
func cycles(n int) {
	a := "x"
	b := a
	a = b
	req, _ := http.NewRequest("GET", a+b, nil)
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	req2, _ := http.NewRequest("GET", rec(n), nil)
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func rec(n int) string {
	if n == 0 {
		return "https://jira.example.com"
	}
	return rec(n-1) + "/x"
}
