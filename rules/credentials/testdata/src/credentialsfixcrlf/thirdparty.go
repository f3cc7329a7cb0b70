package credentialsfixcrlf

import (
	jira "github.com/andygrunwald/go-jira"
)

var _ jira.Client

var k = "{{atl api c4}}" // want `hard-coded Atlassian API token`
