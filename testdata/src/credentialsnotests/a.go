// Fixture of ATL101 with -credentials.tests=false: test files are skipped.
package credentialsnotests

var prod = "{{atl api t3}}" // want `hard-coded Atlassian API token`
