package credentials_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/credentials"
)

var root = filepath.Join("..", "..", "testdata")

// stubs are the library stubs the fixtures import.
var stubs = []string{"github.com/andygrunwald", "github.com/ctreminiom"}

func testdata(t *testing.T, scenarios ...string) string {
	return atltest.TestData(t, root, append(scenarios, stubs...)...)
}

// checkNoSecret fails when a diagnostic shows a whole token.
func checkNoSecret(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if ms := atlassian.ScanContext(d.Message); len(ms) > 0 {
				t.Errorf("diagnostic shows a whole %v: %s", ms[0].Kind, atlassian.Redact(d.Message))
			}
			if !strings.HasPrefix(d.Message, "ATL101 ") || d.Category != "ATL101" {
				t.Errorf("diagnostic without its rule ID: %.40s", d.Message)
			}
		}
	}
	if n == 0 {
		t.Errorf("no diagnostics at all")
	}
}

func TestCredentials(t *testing.T) {
	dir := testdata(t, "credentials")
	checkNoSecret(t, analysistest.RunWithSuggestedFixes(t, dir, credentials.New(), "credentials"))
}
