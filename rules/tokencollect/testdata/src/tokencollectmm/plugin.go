// Command tokencollectmm is a Mattermost plugin: an administrator types an
// Atlassian API token into the System Console, and users paste theirs,
// kept in the plugin's key-value store.
package main

import (
	"encoding/json"
	"net/http"

	"github.com/mattermost/mattermost/server/public/plugin"
)

type configuration struct {
	JiraURL       string
	AdminEmail    string
	AdminAPIToken string // want `ATL401 plugin setting configuration.AdminAPIToken \(a secret setting in plugin.json\) collects an Atlassian API token that an administrator types into the console: apps must not ask for or store API tokens; use OAuth 2.0 \(3LO\) or Forge`
	WebhookSecret string
	EncryptionKey string
}

// Plugin is the plugin.
type Plugin struct {
	plugin.MattermostPlugin
	configuration *configuration
}

// OnConfigurationChange loads the settings.
func (p *Plugin) OnConfigurationChange() error {
	cfg := new(configuration)
	if err := p.API.LoadPluginConfiguration(cfg); err != nil {
		return err
	}
	p.configuration = cfg
	return nil
}

func (p *Plugin) getConfiguration() *configuration { return p.configuration }

// adminRequest sends the administrator's token as Basic auth to Jira.
func (p *Plugin) adminRequest(path string) (*http.Request, error) {
	cfg := p.getConfiguration()
	req, err := http.NewRequest(http.MethodGet, cfg.JiraURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(cfg.AdminEmail, cfg.AdminAPIToken) // want `ATL401 Atlassian API token from field configuration.AdminAPIToken is used for Basic auth`
	return req, nil
}

type connectRequest struct {
	JiraURL  string `json:"jira_url"`
	APIToken string `json:"api_token"`
}

// ServeHTTP lets users connect their Jira account by pasting a token.
func (p *Plugin) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	userID := r.Header.Get("Mattermost-User-Id")
	var body connectRequest
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		return
	}
	p.API.KVSet("token_"+userID, []byte(body.APIToken)) // want `ATL401 Atlassian API token from request field connectRequest.APIToken is stored with the plugin key-value store \(KVSet\)`
	data, _ := json.Marshal(body)
	p.API.KVSetWithExpiry("conn_"+userID, data, 3600) // want `ATL401 Atlassian API token from the request is stored with the plugin key-value store \(KVSetWithExpiry\)`

	// Near misses: the user ID, and an OAuth 2.0 token (what apps should keep).
	p.API.KVSet("last_seen_"+userID, []byte(userID))
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(r.Body).Decode(&tok); err == nil {
		p.API.KVSet("oauth_"+userID, []byte(tok.AccessToken))
	}
}

func main() { plugin.ClientMain(&Plugin{}) }
