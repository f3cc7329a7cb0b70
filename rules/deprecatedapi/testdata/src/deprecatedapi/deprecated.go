// Package deprecatedapi is the ATL203 fixture.
package deprecatedapi

import (
	"net/http"
	"net/url"
	"strings"
)

const site = "https://acme.atlassian.net"

func search(jql string) {
	http.Get(site + "/rest/api/3/search?jql=" + url.QueryEscape(jql))                // want `^ATL203 GET /rest/api/3/search \(searchForIssuesUsingJql\) is deprecated in Atlassian's jira spec: `
	http.Post(site+"/rest/api/2/search", "application/json", strings.NewReader(jql)) // want `^ATL203 POST /rest/api/3/search \(searchForIssuesUsingJqlPost\) is deprecated in Atlassian's jira spec: `
	http.Get(site + "/rest/api/3/search/jql?jql=" + url.QueryEscape(jql))            // near miss: the replacement
}

// The spec's text names the replacement of this one.
func projects() {
	http.Get(site + "/rest/api/3/project")        // want `^ATL203 GET /rest/api/3/project \(getAllProjects\) is deprecated in Atlassian's jira spec: use GET /rest/api/3/project/search$`
	http.Get(site + "/rest/api/3/project/search") // near miss: the replacement
}

func workflows() {
	http.Get("https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/workflow") // want `^ATL203 GET /rest/api/3/workflow \(getAllWorkflows\) is deprecated in Atlassian's jira spec: `
}

func confluence(id string) {
	req, _ := http.NewRequest("GET", site+"/wiki/rest/api/content/"+id, nil) // want `^ATL203 GET /wiki/rest/api/content/\{id\} \(getContentById\) is gone from Atlassian's current confluence-v1 spec \(only an older one lists it\): `
	_ = req
	http.Get(site + "/wiki/api/v2/pages/" + id) // near miss
}

// Not constant, not Atlassian: silent.
func other(u string) {
	http.Get(u)
	http.Get("https://example.com/rest/api/3/search")
}
