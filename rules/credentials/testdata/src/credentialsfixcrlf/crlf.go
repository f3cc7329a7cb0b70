// Fixture of the ATL101 fix in a CRLF file: the added import keeps the
// file's line endings and gofmt's order ("os" between "fmt" and "strings").
package credentialsfixcrlf

import (
	"fmt"
	"strings"
)

var _ = strings.ToUpper

func f() {
	fmt.Println("{{atl api c1}}") // want `hard-coded Atlassian API token`
}
