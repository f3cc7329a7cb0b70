// Package scopedurlfix: fixes with -scopedurl.cloudid mysite=…, two=…, legacy.jira.com=….
package scopedurlfix

import (
	"fmt"
	"net/http"
	"net/url"
	"os"

	jira "github.com/andygrunwald/go-jira"
)

func literal() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/issue/KEY-1", nil) // want `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net: .*send the request to https://api\.atlassian\.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue/KEY-1$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func rawLiteral() {
	req, _ := http.NewRequest("GET", `https://MySite.atlassian.net/wiki/api/v2/pages`, nil) // want `ex/confluence/11111111-2222-3333-4444-555555555555/wiki/api/v2/pages$`
	req.SetBasicAuth("me@example.com", os.Getenv("CONFLUENCE_API_TOKEN"))
}

func escapes() {
	req, _ := http.NewRequest("GET", "https:\x2f/mysite.atlassian.net\u002frest/agile/1.0/board", nil) // want `ex/jira/11111111-2222-3333-4444-555555555555/rest/agile/1\.0/board$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

const base = "https://mysite.atlassian.net"

func constant(key string) {
	req, _ := http.NewRequest("GET", base+"/rest/api/3/issue/"+key, nil) // want `ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue/…$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	req2, _ := http.NewRequest("GET", base+"/rest/api/3/myself", nil) // want `ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/myself$`
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

func oauth() {
	req, _ := http.NewRequest("GET", "https://legacy.jira.com/rest/api/3/myself", nil) // want `OAuth 2\.0 Bearer token sent to https://legacy\.jira\.com: .*ex/jira/99999999-aaaa-bbbb-cccc-dddddddddddd/rest/api/3/myself$`
	req.Header.Set("Authorization", "Bearer "+os.Getenv("ATLASSIAN_OAUTH_TOKEN"))
}

func goJira() {
	tp := jira.BasicAuthTransport{Username: "me@example.com", Password: os.Getenv("JIRA_API_TOKEN")}
	_, _ = jira.NewClient(tp.Client(), "https://mysite.atlassian.net/") // want `ex/jira/11111111-2222-3333-4444-555555555555/$`
}

// No fix: one literal serves Jira and Confluence requests.
const shared = "https://two.atlassian.net"

func mixed() {
	req, _ := http.NewRequest("GET", shared+"/rest/api/3/myself", nil) // want `ex/jira/22222222-3333-4444-5555-666666666666/rest/api/3/myself$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	req2, _ := http.NewRequest("GET", shared+"/wiki/api/v2/spaces", nil) // want `ex/confluence/22222222-3333-4444-5555-666666666666/wiki/api/v2/spaces$`
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// No fix: no cloud ID for the site.
func unknownSite() {
	req, _ := http.NewRequest("GET", "https://unknown.atlassian.net/rest/api/3/myself", nil) // want `the cloud ID is at https://unknown\.atlassian\.net/_edge/tenant_info \(pass -scopedurl\.cloudid unknown=ID for a fix\)$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// No fix: the origin is not one literal.
func notOneLiteral() {
	u := url.URL{Scheme: "https", Host: "mysite.atlassian.net", Path: "/rest/api/3/myself"}
	req, _ := http.NewRequest("GET", u.String(), nil) // want `ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/myself$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))

	req2, _ := http.NewRequest("GET", fmt.Sprintf("https://%s.atlassian.net/rest/api/3/myself", "mysite"), nil) // want `ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/myself$`
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// No fix: the product is unknown.
func unknownProduct() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/auth/1/session", nil) // want `send the request to https://api\.atlassian\.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/auth/1/session \(Jira; Confluence: https://api\.atlassian\.com/ex/confluence/11111111-2222-3333-4444-555555555555/rest/auth/1/session\)$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
