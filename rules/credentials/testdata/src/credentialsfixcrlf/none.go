package credentialsfixcrlf

var h = "{{atl api c3}}" // want `hard-coded Atlassian API token`
