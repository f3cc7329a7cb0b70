package driver

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
)

// TestNoAnalyzerUsesFacts: the driver analyses each package on its own,
// with its dependencies read from export data, and caches the findings of
// a package alone: it neither computes nor propagates facts. A rule (or an
// analyzer it requires) that declared FactTypes would silently see no
// facts from its dependencies; this test makes that a failure, so that
// facts support is added to the driver first (load dependencies from
// source, key the cache on facts) if a rule ever needs them.
func TestNoAnalyzerUsesFacts(t *testing.T) {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			t.Errorf("analyzer %s declares FactTypes %T: the standalone driver does not support facts", a.Name, a.FactTypes)
		}
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, suite := range [][]*analysis.Analyzer{analyzer.All(), analyzer.New(nil)} {
		for _, a := range suite {
			visit(a)
		}
	}
	if len(seen) < len(analyzer.All())+1 {
		t.Fatalf("visited %d analyzers: the suite lost its rules or the model", len(seen))
	}
}
