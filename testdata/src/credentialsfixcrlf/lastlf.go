// An LF file: "os" sorts after every standard-library path and goes at
// the end of their group, before the blank line and the other group.
package credentialsfixcrlf

import (
	"errors"
	"fmt" // printing

	jira "github.com/andygrunwald/go-jira"
)

var _ jira.Client
var _ = errors.New

func l() {
	fmt.Println("{{atl api c5}}") // want `hard-coded Atlassian API token`
}
