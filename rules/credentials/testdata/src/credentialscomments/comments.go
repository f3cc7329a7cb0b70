// Fixture of rule ATL101 in comments: the prefixed kinds are found by
// grammar and checksum, the prefix-free kinds only as the value of an
// Atlassian-named key. No fix is offered in a comment.
package credentialscomments

// Example: {{atl access m1}} // want `ATL101 hard-coded Bitbucket Cloud access token "ATCTT3xF…[^"]*" in a comment: revoke it and remove it from the comment; write a placeholder \(<your-api-token>\) in examples$`

// NewClient returns a client. Example token: {{atl api m2}} // want `Atlassian API token "ATATT3xF…[^"]*" in a comment`
func NewClient() {}

/* A block comment over lines:
   token {{atl api m3}} */ // want `Atlassian API token "ATATT3xF…[^"]*" in a comment`

// JIRA_API_TOKEN={{atl legacy m4}} // want `legacy Atlassian API token "[^"]*" in a comment`

//	export JIRA_TOKEN={{atl legacy m5}} // want `legacy Atlassian API token`

// jira_pat: {{atl dcpat m6}} // want `Data Center personal access token "[^"]*" in a comment`

// {"confluenceToken": "{{atl dcpat m6b}}"} // want `Data Center personal access token`

// Jira API token: {{atl legacy m6c}} // want `legacy Atlassian API token "[^"]*" in a comment`

// Confluence PAT = {{atl dcpat m6d}} // want `Data Center personal access token`

// password {{atl apppw m7}} // want `Bitbucket app password "ATBB[^"]*" in a comment: revoke it and remove it from the comment \(app passwords stopped working on 2026-07-28\)$`

// curl -H "Authorization: Basic {{atl api m8 b64=me@example.com}}" // want `Atlassian API token`

var x = 1 /* {{atl bbdc m9}} */ // want `Bitbucket Data Center HTTP access token`

// Silent: placeholders, bad checksums, identifiers, account and cloud IDs,
// prefix-free tokens without an Atlassian key.
//
// Example: ATATT3xFfGF0<your-token>
// Example: ATATT3xFfGF0... (192 characters)
// {{atl api n1 bad}}
// {{atl api n2 trunc}}
// {{atl apppw n3 bad}}
// account 5b10ac8d82e05b22cc7d4ef5, cloud ID a436116f-02ce-4520-8fbb-5e4e5e4e5e4e
// JIRA_API_TOKEN=5b10ac8d82e05b22cc7d4ef5
// JIRA_API_TOKEN=<your-api-token>
// JIRA_API_TOKEN=your-api-token-goes-here
// JIRA_API_TOKEN={{atl legacy n4 bad}}
// token: {{atl legacy n5}}
// GITHUB_TOKEN={{atl legacy n6}}
// {{atl legacy n7}}
// {{atl dcpat n8}}
// searchConfluenceUsingCql
// GitHub token: {{atl legacy n9}}
// Jira issue: {{atl legacy n10}}
// Jira
// token: {{atl legacy n11}}
var y = 2
