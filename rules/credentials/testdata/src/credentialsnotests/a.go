// Fixture of ATL101 with -credentials.tests=false: test files are skipped.
package credentialsnotests

var prod = "{{atl api t3}}" // want `hard-coded Atlassian API token`

// A comment of non-test code is scanned: {{atl access t6}} // want `hard-coded Bitbucket Cloud access token "[^"]*" in a comment`
