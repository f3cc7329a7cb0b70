package credentialsfix

import stdlibos "os"

var _ = stdlibos.Args

var aliased = "{{atl access f2}}" // want `hard-coded Bitbucket Cloud access token`
