package readonlytoken

import (
	"net/http"
	"os"
	"strings"

	"readonlytoken/config"
)

// A helper authenticates the request; the caller sends it.
func authRO(r *http.Request) { r.SetBasicAuth("bot", config.ReadOnlyToken) }

func helperCaller(body *strings.Reader) {
	req, _ := http.NewRequest(http.MethodPost, base+"/rest/api/2/issue", body) // want `ATL501 read-only token from config.ReadOnlyToken is used for a POST request`
	authRO(req)
	http.DefaultClient.Do(req)

	get, _ := http.NewRequest(http.MethodGet, base+"/rest/api/2/issue/X-1", nil) // near miss: a read
	authRO(get)
	http.DefaultClient.Do(get)
}

// The helper gets the token from its callers: each request gets the token
// its own call passes.
func authWith(r *http.Request, tok string) { r.SetBasicAuth("bot", tok) }

func tokenCallers() {
	ro, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/2/issue/X-1", nil) // want `ATL501 read-only token from \$JIRA_RO_TOKEN is used for a DELETE request`
	authWith(ro, os.Getenv("JIRA_RO_TOKEN"))

	rw, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/2/issue/X-2", nil) // near miss: this call passes a read/write token
	authWith(rw, os.Getenv("JIRA_RW_TOKEN"))
}
