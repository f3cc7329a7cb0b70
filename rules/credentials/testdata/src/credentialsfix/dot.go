package credentialsfix

import . "os"

var _ = Args

var dotted = "{{atl service f5}}" // want `hard-coded Atlassian service-account API token`
