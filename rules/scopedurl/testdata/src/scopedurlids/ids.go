// Package scopedurlids pins the rule IDs of ATL201's two kinds of evidence:
// the code itself checks for a site (ATL201, an error), or only the
// documentation of a configurable base URL names one (ATL204, a warning).
package scopedurlids

import (
	"flag"
	"net/http"
	"os"
	"strings"
)

var jiraURL = flag.String("jira-url", "", "your Jira site, such as https://mycompany.atlassian.net")

func documented() {
	req, _ := http.NewRequest("GET", *jiraURL+"/rest/api/3/myself", nil) // want `^ATL204 API token sent with Basic auth to a <site>\.atlassian\.net host \(the usage text of flag -jira-url names a site\): the documented base URL is a site URL`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	http.DefaultClient.Do(req)
}

func checked(host string) {
	if !strings.HasSuffix(host, ".atlassian.net") {
		return
	}
	req, _ := http.NewRequest("GET", "https://"+host+"/rest/api/3/myself", nil) // want `^ATL201 API token sent with Basic auth to a <site>\.atlassian\.net host \(the code expects one\)`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	http.DefaultClient.Do(req)
}
