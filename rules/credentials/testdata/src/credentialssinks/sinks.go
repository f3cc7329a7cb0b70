// Fixture of rule ATL101: prefix-free credentials (legacy 24-character API
// tokens, bare Data Center PATs) are reported when they reach an auth sink,
// whatever their names.
package credentialssinks

import (
	"net/http"

	jira "github.com/andygrunwald/go-jira"
	"github.com/andygrunwald/go-jira/v2/cloud"
	"github.com/andygrunwald/go-jira/v2/onpremise"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
)

func basic(req *http.Request) {
	req.SetBasicAuth("me@example.com", "{{atl legacy s1}}") // want `hard-coded legacy Atlassian API token`
}

func header(req *http.Request) {
	req.Header.Set("Authorization", "Bearer {{atl dcpat s2}}") // want `hard-coded Data Center personal access token .*\(JIRA_PAT\)`
}

const secret = "{{atl dcpat s3}}" // want `hard-coded Data Center personal access token .*a constant cannot call os.Getenv`

func viaConst(req *http.Request) {
	req.Header.Add("Authorization", "Bearer "+secret) // reported at the constant
}

func viaVar(req *http.Request) {
	tok := "{{atl legacy s4}}" // want `hard-coded legacy Atlassian API token`
	req.SetBasicAuth("me@example.com", tok)
}

type creds struct{ User, Pass string }

func viaField(req *http.Request) {
	c := creds{User: "me", Pass: "{{atl legacy s5}}"} // want `hard-coded legacy Atlassian API token`
	req.SetBasicAuth(c.User, c.Pass)
}

func goJira() {
	_ = jira.BasicAuthTransport{Username: "me", Password: "{{atl legacy s6}}"} // want `hard-coded legacy Atlassian API token`
	_ = jira.PATAuthTransport{Token: "{{atl dcpat s7}}"}                       // want `hard-coded Data Center personal access token`
	_ = jira.BearerAuthTransport{Token: "{{atl dcpat s8}}"}                    // want `hard-coded Data Center personal access token`
	_ = cloud.BasicAuthTransport{Username: "me", APIToken: "{{atl legacy s9}}"} // want `hard-coded legacy Atlassian API token`
	_ = onpremise.PATAuthTransport{Token: "{{atl dcpat s10}}"}                  // want `hard-coded Data Center personal access token`
}

func goAtlassian() {
	c, _ := v3.New(nil, "https://acme.atlassian.net")
	c.Auth.SetBasicAuth("me@example.com", "{{atl legacy s11}}") // want `hard-coded legacy Atlassian API token`
	c.Auth.SetBearerToken("{{atl dcpat s12}}")                  // want `hard-coded Data Center personal access token`
}

// Silent: the same shapes with no context, and look-alikes in sinks.
func silent(req *http.Request) {
	other := "{{atl legacy q1}}"
	_ = other
	req.SetBasicAuth("{{atl legacy q2}}", "x")     // the user name is not a secret
	req.Header.Set("X-Request-Id", "{{atl dcpat q3}}") // not Authorization
	req.SetBasicAuth("me", "{{atl legacy q4 bad}}")
	req.Header.Set("Authorization", "Bearer {{atl dcpat q5 bad}}")
	req.Header.Set("X-Atlassian-Token", "no-check")
}
