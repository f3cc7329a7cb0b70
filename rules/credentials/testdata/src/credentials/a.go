// Fixture of rule ATL101 (credentials): tokens in literals, constants,
// concatenations, struct and map literals. The token placeholders are
// replaced with generated fake tokens by the test (package atltest).
package credentials

import "fmt"

var apiToken = "{{atl api a1}}" // want `ATL101 hard-coded Atlassian API token "{{atl api a1 redact quote}}": revoke it and read it from the environment \(ATLASSIAN_API_TOKEN\) or a secret manager$`

var accessToken = "{{atl access a2}}" // want `hard-coded Bitbucket Cloud access token "ATCTT3xF…`

var serviceToken = `{{atl service a3}}` // want `hard-coded Atlassian service-account API token .*\(ATLASSIAN_SERVICE_ACCOUNT_TOKEN\)`

var appPassword = "{{atl apppw a4}}" // want `hard-coded Bitbucket app password "ATBB[^"]*": app passwords stopped working on 2026-07-28; revoke it and use a scoped API token, sent with the Atlassian account email as the username, read from the environment \(BITBUCKET_API_TOKEN\) or a secret manager$`

var bbdcToken = "{{atl bbdc a5}}" // want `hard-coded Bitbucket Data Center HTTP access token "BBDC-`

// Named constants are reported where the literal is written, not at uses.
const head = "{{atl api a6 slice=0:40}}"

var joined = head + "{{atl api a6 slice=40:}}" // want `hard-coded Atlassian API token`

const wholeConst = "{{atl api a7}}" // want `hard-coded Atlassian API token .*: revoke it .*; a constant cannot call os.Getenv: make it a var or read the environment where it is used`

var useConst = wholeConst // silent: reported at the constant

var split = "{{atl apppw a8 slice=0:10}}" + "{{atl apppw a8 slice=10:}}" // want `hard-coded Bitbucket app password`

type settings struct {
	Token string
	Name  string
}

var inStruct = settings{Token: "{{atl api a9}}", Name: "x"} // want `hard-coded Atlassian API token`

var inMap = map[string]string{
	"token": "{{atl access a10}}", // want `hard-coded Bitbucket Cloud access token`
}

var inSlice = []string{"{{atl api a11}}"} // want `hard-coded Atlassian API token`

func argument() {
	fmt.Println("{{atl service a12}}") // want `hard-coded Atlassian service-account API token`
}

func returned() string {
	return "{{atl api a13}}" // want `hard-coded Atlassian API token`
}

// Embedded tokens: the range is the token inside the literal.
var bearer = "Bearer {{atl access a14}}" // want `hard-coded Bitbucket Cloud access token`

var cloneURL = "https://x-token-auth:{{atl access a15}}@bitbucket.org/ws/repo.git" // want `hard-coded Bitbucket Cloud access token`

var twoTokens = "{{atl api a16}} {{atl api a17}}" // want `hard-coded Atlassian API token` `hard-coded Atlassian API token`

// Escaped forms: no fix, the value needs rewriting by hand.
var escaped = `{{atl api a18 esc}}` // want `hard-coded Atlassian API token`

var percent = "https://example.com/?token={{atl api a19 pct}}" // want `hard-coded Atlassian API token`

var basic = "{{atl api a20 basic=me@example.com}}" // want `hard-coded Atlassian API token "{{atl api a20 redact quote}}"`

var escapedQ = "{{atl api a27 escq}}" // want `hard-coded Atlassian API token`

var goEscapes = "{{atl apppw a21 slice=0:6}}\x{{atl apppw a21 slice=6:7 hex}}{{atl apppw a21 slice=7:}}" // want `hard-coded Bitbucket app password`

// Prefix-free kinds with an Atlassian name.
var jiraToken = "{{atl legacy a22}}" // want `hard-coded legacy Atlassian API token .*\(ATLASSIAN_API_TOKEN\)`

var confluencePAT = "{{atl dcpat a23}}" // want `hard-coded Data Center personal access token .*\(CONFLUENCE_PAT\)`

type JiraConfig struct{ Secret string }

var viaType = JiraConfig{Secret: "{{atl dcpat a24}}"} // want `hard-coded Data Center personal access token .*\(JIRA_PAT\)`

var viaKey = map[string]string{"bitbucket_pat": "{{atl dcpat a25}}"} // want `\(BITBUCKET_DC_TOKEN\)`

func jiraSecret() string {
	return "{{atl legacy a26}}" // want `hard-coded legacy Atlassian API token`
}

// Near-misses: all silent.
var (
	notAToken1 = "{{atl api n1 bad}}"
	notAToken2 = "{{atl api n2 trunc}}"
	notAToken3 = "{{atl api n3 long}}"
	notAToken4 = "{{atl apppw n4 bad}}"
	notAToken5 = "{{atl bbdc n5 bad}}"
	notAToken6 = `{{atl api n6 escq}}` // the value has \\=, not \=
	legacyBare = "{{atl legacy n7}}"    // prefix-free, no context
	patBare    = "{{atl dcpat n8}}"     // prefix-free, no context
	jiraBadPAT = "{{atl dcpat n9 bad}}"
	jiraBadOld = "{{atl legacy n10 bad}}"
	envName    = "JIRA_API_TOKEN"
	header     = "X-Atlassian-Token"
	noCheck    = "no-check"
	jiraTmpl   = "${ATLASSIAN_API_TOKEN}"
	jiraPlace  = "<your-api-token>"
	jiraXs     = "ATATT3xFfGF0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=XXXXXXXX"
	jiraCloud  = "a436116f-02ce-4520-8fbb-7301462a1674"
	jiraAcct   = "5b10ac8d82e05b22cc7d4ef5"
	jiraMethod = "searchConfluenceUsingCql"
	prefixOnly = "ATATT3xFfGF0"
	jiraBasic  = "{{atl api n11 bad basic=me@example.com}}"
)

//atlint:ignore ATL101 fake token kept to exercise the client, revoked
var ignored = "{{atl api i1}}"
