// An LF file: "os" goes between "net/url" and "sort", above the comment
// that belongs to "sort".
package credentialsfixcrlf

import (
	"errors"
	"fmt" // printing
	// url for links
	"net/url"
	// sort for order
	"sort"

	jira "github.com/andygrunwald/go-jira"
)

var _ jira.Client
var _ = errors.New
var _ = url.Parse
var _ = sort.Strings

func l() {
	fmt.Println("{{atl api c5}}") // want `hard-coded Atlassian API token`
}
