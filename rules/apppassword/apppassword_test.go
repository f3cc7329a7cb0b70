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
