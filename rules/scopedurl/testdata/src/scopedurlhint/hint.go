// Package scopedurlhint: run with -scopedurl.hint=setting, as the
// golangci-lint plugin does: the message names the cloud-ids: setting.
package scopedurlhint

import (
	"net/http"
	"os"
)

func myself() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil) // want `the cloud ID is at https://mysite\.atlassian\.net/_edge/tenant_info \(set cloud-ids: \{mysite: ID\} in the atlint settings for a fix\)$`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
