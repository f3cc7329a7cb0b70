package credentialsfix

import (
	"fmt"
	"os"
)

func shadowed() {
	os := []string{"a"} // a local os hides the package
	fmt.Println(os, "{{atl apppw f3}}") // want `hard-coded Bitbucket app password`
}

func notShadowed() {
	fmt.Println(os.Args, "{{atl apppw f4}}") // want `hard-coded Bitbucket app password`
}
