// Package scopedurlsample reads its Jira base URL from a config file whose
// sample, beside the code, tells users to enter a site (issue 15 §2).
package scopedurlsample

import "net/http"

type Config struct {
	JiraURL  string `yaml:"jira_url"`
	Email    string `yaml:"email"`
	Token    string `yaml:"api_token"`
	OtherURL string `yaml:"other_url"`
	Gateway  string `yaml:"gateway_url"`
}

func (c *Config) Myself() {
	req, _ := http.NewRequest("GET", c.JiraURL+"/rest/api/2/myself", nil) // want `^ATL204 API token sent with Basic auth to a <site>\.atlassian\.net host \(the sample config config\.example\.yaml sets jira_url to https://<your-domain>\.atlassian\.net\): the documented base URL is a site URL`
	req.SetBasicAuth(c.Email, c.Token)
	http.DefaultClient.Do(req)
}

// The sample sets other_url to another host: silent.
func (c *Config) Other() {
	req, _ := http.NewRequest("GET", c.OtherURL+"/rest/api/2/myself", nil)
	req.SetBasicAuth(c.Email, c.Token)
	http.DefaultClient.Do(req)
}

// The sample does not set gateway_url: silent.
func (c *Config) Gateway2() {
	req, _ := http.NewRequest("GET", c.Gateway+"/rest/api/2/myself", nil)
	req.SetBasicAuth(c.Email, c.Token)
	http.DefaultClient.Do(req)
}
