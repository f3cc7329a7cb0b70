// Fixture of ATL101 in test code.
package credentialstests

var prod = "{{atl api t1}}" // want `hard-coded Atlassian API token "[^"]+": revoke`
