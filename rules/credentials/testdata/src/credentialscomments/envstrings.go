package credentialscomments

import "fmt"

// Prefix-free tokens in env-style strings: the key before '=' or ':' is
// their context.
var env = []string{"JIRA_API_TOKEN={{atl legacy s1}}"} // want `legacy Atlassian API token "[^"]*": revoke it and read it from the environment \(JIRA_API_TOKEN\)`

func script() {
	fmt.Println("export JIRA_TOKEN={{atl legacy s2}} && jira issue list") // want `legacy Atlassian API token`
}

var yaml = "url: https://acme.atlassian.net\nconfluence_token: {{atl legacy s3}}\n" // want `legacy Atlassian API token .*\(ATLASSIAN_API_TOKEN\)`

var flags = []string{"--jira-pat={{atl dcpat s4}}"} // want `Data Center personal access token .*\(JIRA_PAT\)`

// Silent.
var (
	github      = []string{"GITHUB_TOKEN={{atl legacy s5}}"}
	placeholder = "JIRA_API_TOKEN=<your-api-token>"
	badSum      = "JIRA_API_TOKEN={{atl legacy s6 bad}}"
	account     = "JIRA_ACCOUNT_ID=5b10ac8d82e05b22cc7d4ef5"
	noKey       = "token {{atl legacy s7}} for jira"
)
