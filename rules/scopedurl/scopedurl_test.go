package scopedurl_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/rules/scopedurl"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, testdata, scopedurl.New(), "scopedurl")
}
