package credentialsfix

import "strings"

var indexed = "Bearer {{atl access f7}}"[7:] // want `hard-coded Bitbucket Cloud access token`

var compared = strings.TrimSpace("x") == "token={{atl api f8}}" // want `hard-coded Atlassian API token`

var suffix = "{{atl api f9}} trailing" // want `hard-coded Atlassian API token`
