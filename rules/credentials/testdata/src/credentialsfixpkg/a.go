// Fixture of the ATL101 fix: a package-level os forces another import name.
package credentialsfixpkg

var os = "not the package"

var token = "{{atl api p1}}" // want `hard-coded Atlassian API token`
