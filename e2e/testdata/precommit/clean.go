// Package hooked is the module the pre-commit end-to-end test commits to.
package hooked

import (
	"net/http"
	"os"
)

// Authorize reads the Jira credentials from the environment: atlint is
// silent here.
func Authorize(req *http.Request) {
	req.SetBasicAuth(os.Getenv("JIRA_EMAIL"), os.Getenv("ATLASSIAN_API_TOKEN"))
}
