package jpdgraphql_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// GraphQL documents inside JSON request bodies: positives point at the
// name inside the literal, near misses and malformed bodies stay silent.
func TestJSONBodies(t *testing.T) {
	res := analysistest.Run(t, testdata(), newAnalyzer(t, "now", "2026-06-01"), "jpdgraphqljson")
	checkPositions(t, res)
}
