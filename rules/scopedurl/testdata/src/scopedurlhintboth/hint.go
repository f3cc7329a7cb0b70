// Package scopedurlhintboth: run with -scopedurl.hint=both: the message
// names the flag and the setting.
package scopedurlhintboth

import (
	"net/http"
	"os"
)

func myself() {
	req, _ := http.NewRequest("GET", "https://legacy.jira.com/rest/api/3/myself", nil) // want `the cloud ID is at https://legacy\.jira\.com/_edge/tenant_info \(pass -scopedurl\.cloudid legacy\.jira\.com=ID or set cloud-ids: \{legacy\.jira\.com: ID\} in the atlint settings for a fix\)$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
