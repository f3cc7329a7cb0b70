// Fixture of the ATL101 fix: how the os import is added or reused.
package credentialsfix

var noImports = "{{atl api f1}}" // want `hard-coded Atlassian API token`
