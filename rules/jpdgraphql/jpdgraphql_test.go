package jpdgraphql_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/rules/jpdgraphql"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// newAnalyzer returns a fresh analyzer with flags set.
func newAnalyzer(t *testing.T, flags ...string) *analysis.Analyzer {
	t.Helper()
	a := jpdgraphql.New()
	for i := 0; i+1 < len(flags); i += 2 {
		if err := a.Flags.Set(flags[i], flags[i+1]); err != nil {
			t.Fatalf("-%s=%s: %v", flags[i], flags[i+1], err)
		}
	}
	return a
}

// checkPositions asserts that every finding points exactly at the name of
// the operation its message names (in a literal, tag or .graphql file), or
// at a constant's name or argument expression that stands for it.
func checkPositions(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Pass.Fset.Position(d.Pos)
			content, err := os.ReadFile(posn.Filename)
			if err != nil {
				t.Errorf("%s: %v", posn, err)
				continue
			}
			op := opOf(d.Message)
			at := string(content[posn.Offset:min(len(content), posn.Offset+len(op)+20)])
			endPosn := r.Pass.Fset.Position(d.End)
			if strings.HasPrefix(at, op) {
				if endPosn.Offset-posn.Offset != len(op) {
					t.Errorf("%s: range of %s has length %d", posn, op, endPosn.Offset-posn.Offset)
				}
				continue
			}
			if allowedElsewhere(d.Message, at) {
				continue
			}
			t.Errorf("%s: finding for %s points at %q", posn, op, at)
		}
	}
}

func opOf(msg string) string {
	const marker = "GraphQL operation "
	i := strings.Index(msg, marker)
	if i < 0 {
		return ""
	}
	rest := msg[i+len(marker):]
	return rest[:strings.IndexAny(rest, " ")]
}

// allowedElsewhere: findings for a name held in another constant point at
// that constant; findings for a struct declared in another package point at
// the argument.
func allowedElsewhere(msg, at string) bool {
	return strings.HasPrefix(at, "opName") || strings.Contains(msg, "(field ")
}

func TestLiterals(t *testing.T) {
	res := analysistest.Run(t, testdata(), newAnalyzer(t, "now", "2026-06-01"), "jpdgraphql")
	checkPositions(t, res)
}
