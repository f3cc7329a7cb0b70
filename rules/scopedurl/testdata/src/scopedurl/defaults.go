package scopedurl

import (
	"flag"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// A struct tag default (envconfig, caarlos0/env).
type EnvConfig struct {
	BaseURL string `envconfig:"JIRA_URL" default:"https://tagsite.atlassian.net"`
	Token   string `env:"JIRA_API_TOKEN"`
}

func tagDefault(c EnvConfig) {
	req, _ := http.NewRequest("GET", c.BaseURL+"/rest/api/3/myself", nil) // want `to https://tagsite\.atlassian\.net: `
	req.SetBasicAuth("me@example.com", c.Token)
}

// A flag whose usage text names a site URL.
var wikiURL string

func init() {
	flag.StringVar(&wikiURL, "wiki", "", "Confluence site, e.g. https://your-domain.atlassian.net")
}

func flagUsage() {
	req, _ := http.NewRequest("GET", wikiURL+"/wiki/api/v2/pages", nil) // want `to a <site>\.atlassian\.net host .*ex/confluence/\{cloudId\}/wiki/api/v2/pages`
	req.SetBasicAuth("me@example.com", os.Getenv("CONFLUENCE_API_TOKEN"))
}

// A suffix check through url.Parse.
func parsedCheck(raw string) {
	u, err := url.Parse(raw)
	if err != nil || !strings.HasSuffix(u.Hostname(), ".atlassian.net") {
		return
	}
	req, _ := http.NewRequest("GET", raw+"/rest/api/3/myself", nil) // want `to a <site>\.atlassian\.net host`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Silent: a tag default on another host, a usage text without a site.
type OtherConfig struct {
	BaseURL string `default:"https://jira.example.com"`
}

var dcURL = flag.String("dc", "", "Jira Data Center base URL")

func silentDefaults(c OtherConfig) {
	req, _ := http.NewRequest("GET", c.BaseURL+"/rest/api/2/myself", nil)
	req.SetBasicAuth("me", os.Getenv("JIRA_PASSWORD"))
	req2, _ := http.NewRequest("GET", *dcURL+"/rest/api/2/myself", nil)
	req2.SetBasicAuth("me", os.Getenv("JIRA_PASSWORD"))
}
