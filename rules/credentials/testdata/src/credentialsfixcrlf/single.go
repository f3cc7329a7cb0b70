package credentialsfixcrlf

import "fmt"

func g() {
	fmt.Println("{{atl api c2}}") // want `hard-coded Atlassian API token`
}
