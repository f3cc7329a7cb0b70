// Package tokenscopes is the ATL202 fixture. The tests run it with a
// classic token (read:jira-work) and with a granular token (the nine
// granular read scopes of GET /rest/api/3/issue/{issueIdOrKey}): under
// both the issue read is satisfied and the writes are not.
package tokenscopes

import (
	"fmt"
	"net/http"
	"strings"
)

const (
	site    = "https://acme.atlassian.net"
	gateway = "https://api.atlassian.com/ex/confluence/11111111-2222-3333-4444-555555555555"
)

func readIssue(key string) {
	req, _ := http.NewRequest(http.MethodGet, site+"/rest/api/3/issue/"+key, nil) // near miss: satisfied by either token
	http.DefaultClient.Do(req)
}

func createIssue(body *strings.Reader) {
	req, _ := http.NewRequest(http.MethodPost, site+"/rest/api/2/issue", body) // want `^ATL202 POST /rest/api/3/issue \(createIssue\) needs scopes the token lacks: add .*write:issue:jira \(granular\) or write:jira-work \(classic\)$`
	http.DefaultClient.Do(req)
}

func page(c *http.Client, id int) {
	c.Get(fmt.Sprintf("%s/wiki/api/v2/pages/%d", gateway, id)) // want `^ATL202 GET /wiki/api/v2/pages/\{id\} \(getPageById\) needs scopes the token lacks: add read:page:confluence \(granular\)$`
}

// Not resolvable, or not Atlassian: silent.
func unknown(u, method string) {
	http.Get(u)
	http.NewRequest(method, site+"/rest/api/3/issue", nil)
	http.Post("https://example.com/rest/api/3/issue", "application/json", nil)
	http.Get(site + "/rest/api/3/no-such-operation")
}

// A wrapper: each call is checked with its own method and path, and
// reported where it is made.
type client struct{ base string }

func (c *client) do(method, path string) {
	req, _ := http.NewRequest(method, c.base+path, nil)
	http.DefaultClient.Do(req)
}

func wrapped(c *client) {
	c.do("GET", "/rest/api/3/issue/X-1")    // near miss: satisfied by either token
	c.do("DELETE", "/rest/api/3/issue/X-1") // want `^ATL202 DELETE /rest/api/3/issue/\{issueIdOrKey\} \(deleteIssue\) needs scopes the token lacks: add delete:issue:jira \(granular\) or write:jira-work \(classic\)$`
}
