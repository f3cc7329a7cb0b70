package apppassword_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/apppassword"
)

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, atltest.Fixtures(), apppassword.New(), "apppassword")
}

func TestLibraries(t *testing.T) {
	analysistest.Run(t, atltest.Fixtures(), apppassword.New(), "apppasswordlibs")
}

// TestKinds runs on fixtures whose tokens atltest generates: the repository
// keeps no checksum-valid token.
func TestKinds(t *testing.T) {
	dir := atltest.TestData(t, atltest.Fixtures(), "apppasswordkinds", "github.com/ktrysmt/go-bitbucket")
	analysistest.Run(t, dir, apppassword.New(), "apppasswordkinds")
}

func TestBadInput(t *testing.T) {
	analysistest.Run(t, atltest.Fixtures(), apppassword.New(), "apppasswordbad")
}
