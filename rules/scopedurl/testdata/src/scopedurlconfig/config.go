// Package scopedurlconfig: site URLs that come from configuration, found
// where real code keeps the evidence.
package scopedurlconfig

import (
	"cmp"
	"fmt"
	"net/http"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/urfave/cli/v2"
)

// The code writes the site domain and fills in the name: a site URL.
type Config struct {
	Site  string
	Email string
	Token string
}

func sprintfHost(c Config) {
	req, _ := http.NewRequest("GET", fmt.Sprintf("https://%s.atlassian.net/rest/api/3/search", c.Site), nil) // want `ATL201 API token sent with Basic auth to https://<site>\.atlassian\.net: scoped API tokens fail there .*send the request to https://api\.atlassian\.com/ex/jira/\{cloudId\}/rest/api/3/search; the cloud ID of a site is at https://<site>\.atlassian\.net/_edge/tenant_info$`
	req.SetBasicAuth(c.Email, c.Token)
}

func concatHost(name string) {
	req, _ := http.NewRequest("GET", "https://"+name+".atlassian.net/wiki/api/v2/pages", nil) // want `to https://<site>\.atlassian\.net: .*ex/confluence/\{cloudId\}/wiki/api/v2/pages;`
	req.SetBasicAuth("me@example.com", os.Getenv("CONFLUENCE_API_TOKEN"))
}

// A placeholder default: documentation evidence, its own message.
func placeholderDefault() {
	base := cmp.Or(os.Getenv("CONFLUENCE_URL"), "https://<your-domain>.atlassian.net/wiki/rest/api")
	req, _ := http.NewRequest("GET", base+"/content", nil) // want `ATL204 API token sent with Basic auth to a <site>\.atlassian\.net host \(placeholder https://<your-domain>\.atlassian\.net\): the documented base URL is a site URL, where scoped API tokens fail with 401/404 errors that look like missing permissions; accept https://api\.atlassian\.com/ex/confluence/\{cloudId\}/wiki/rest/api/content or a cloud ID option; the cloud ID of a site is at https://<site>\.atlassian\.net/_edge/tenant_info$`
	req.SetBasicAuth("me@example.com", os.Getenv("CONFLUENCE_API_TOKEN"))
}

// A placeholder that is a valid site name is still a placeholder.
type Defaults struct {
	JiraURL string `envconfig:"JIRA_URL" default:"https://your-domain.atlassian.net"`
}

func tagPlaceholder(d Defaults) {
	req, _ := http.NewRequest("GET", d.JiraURL+"/rest/api/2/myself", nil) // want `ATL204 API token sent with Basic auth to a <site>\.atlassian\.net host \(placeholder https://your-domain\.atlassian\.net\): the documented base URL is a site URL`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// cobra/pflag usage text.
type options struct{ url, user, token string }

func newCommand() *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{Use: "sync", RunE: func(*cobra.Command, []string) error { return o.run() }}
	cmd.Flags().StringVar(&o.url, "url", "", "Jira URL, e.g. https://<your-domain>.atlassian.net")
	cmd.Flags().StringVarP(&o.user, "user", "u", "", "user e-mail")
	return cmd
}

func (o *options) run() error {
	req, err := http.NewRequest("GET", o.url+"/rest/api/2/issue/KEY-1", nil) // want `ATL204 API token sent with Basic auth to a <site>\.atlassian\.net host \(the usage text of flag -url names a site\): the documented base URL is a site URL, .*accept https://api\.atlassian\.com/ex/jira/\{cloudId\}/rest/api/2/issue/KEY-1 or a cloud ID option`
	if err != nil {
		return err
	}
	req.SetBasicAuth(o.user, o.token)
	return nil
}

var wiki = pflag.StringP("wiki", "w", "", "Confluence site (yourcompany.atlassian.net)")

func wikiPages() {
	req, _ := http.NewRequest("GET", "https://"+*wiki+"/wiki/rest/api/content", nil) // want `\(the usage text of flag -wiki names a site\)`
	req.SetBasicAuth("me@example.com", os.Getenv("CONFLUENCE_API_TOKEN"))
}

// kong and envconfig tags, and a doc comment on a config field.
type CLI struct {
	Server string `help:"Jira Cloud site, https://{site}.atlassian.net" env:"JIRA_SERVER"`
	Wiki   string `envconfig:"WIKI_URL" desc:"Confluence URL like https://acme.atlassian.net/wiki"`

	// Board is your Jira Cloud site, e.g. https://your-domain.atlassian.net.
	Board string `yaml:"board"`
}

func (c CLI) issues() {
	req, _ := http.NewRequest("GET", c.Server+"/rest/api/2/search", nil) // want `\(the help tag of field Server names a site\)`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	req2, _ := http.NewRequest("GET", c.Wiki+"/rest/api/content", nil) // want `\(the desc tag of field Wiki names a site\)`
	req2.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	req3, _ := http.NewRequest("GET", c.Board+"/rest/agile/1.0/board", nil) // want `\(the doc comment of field Board names a site\): .*ex/jira/\{cloudId\}/rest/agile/1\.0/board or a cloud ID option`
	req3.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// urfave/cli: the flag's usage text and its destination.
var jiraHost string

var app = &cli.App{
	Flags: []cli.Flag{&cli.StringFlag{Name: "jira-host", Usage: "your site: <name>.atlassian.net", Destination: &jiraHost}},
}

func hostRequest() {
	req, _ := http.NewRequest("GET", "https://"+jiraHost+"/rest/api/2/myself", nil) // want `\(the usage text of flag --jira-host names a site\)`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// A Cloud-only path with Basic auth to a configured base URL: users will
// enter their site.
func cloudOnly() {
	base := os.Getenv("JIRA_BASE_URL")
	req, _ := http.NewRequest("POST", base+"/rest/api/3/issue", nil) // want `ATL204 API token sent with Basic auth to a <site>\.atlassian\.net host \(the path /rest/api/3 exists only on Atlassian Cloud\): the documented base URL is a site URL`
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// Silent: a Data Center path, a generic client, Bearer tokens with no
// evidence, fields whose docs name no site.
type Generic struct {
	// URL of the Prometheus server, e.g. https://prometheus.example.com.
	URL string `yaml:"url"`
}

func silent(g Generic) {
	req, _ := http.NewRequest("GET", os.Getenv("JIRA_URL")+"/rest/api/2/issue/KEY-1", nil)
	req.SetBasicAuth("me", os.Getenv("JIRA_PASSWORD"))

	req2, _ := http.NewRequest("GET", g.URL+"/api/v1/query", nil)
	req2.SetBasicAuth("admin", os.Getenv("PROM_PASSWORD"))

	req3, _ := http.NewRequest("GET", os.Getenv("JIRA_URL")+"/rest/api/3/myself", nil)
	req3.Header.Set("Authorization", "Bearer "+os.Getenv("JIRA_PAT"))

	req4, _ := http.NewRequest("GET", "https://"+g.URL+".example.com/rest/api/3/myself", nil)
	req4.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
