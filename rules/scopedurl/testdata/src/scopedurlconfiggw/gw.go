// Package scopedurlconfiggw: a Cloud-only path sent to a configured base
// URL is fine when the code accepts a cloud ID (the gateway form).
package scopedurlconfiggw

import (
	"net/http"
	"os"
)

type Config struct {
	BaseURL string `yaml:"base_url"`
	CloudID string `yaml:"cloud_id"`
}

func base(c Config) string {
	if c.CloudID != "" {
		return "https://api.atlassian.com/ex/jira/" + c.CloudID
	}
	return c.BaseURL
}

func issue(c Config) {
	req, _ := http.NewRequest("GET", c.BaseURL+"/rest/api/3/issue/KEY-1", nil)
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	req2, _ := http.NewRequest("GET", os.Getenv("JIRA_URL")+"/rest/api/3/myself", nil)
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
