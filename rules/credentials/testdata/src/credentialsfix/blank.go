package credentialsfix

import (
	_ "os"
)

var blank = "{{atl bbdc f6}}" // want `hard-coded Bitbucket Data Center HTTP access token`
