package jpdgraphql_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/jpdgraphql"
)

func testdata(t testing.TB, scenarios ...string) string { return atltest.Scenarios(t, scenarios...) }

// broken lists the fixtures that do not type-check on purpose.
var broken = []string{"jpdgraphqlbad", "jpdgraphqljson"}

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
			// An untagged struct field is the name, upper-camel-cased.
			if len(at) >= len(op) && op != "" && strings.EqualFold(at[:len(op)], op) {
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
// the argument; a name whose first byte is written as an escape points at
// the escape.
func allowedElsewhere(msg, at string) bool {
	return strings.HasPrefix(at, "opName") || strings.Contains(msg, "(field ") || strings.HasPrefix(at, `\u0070olarisInsights`)
}

// TestScenarios runs every scenario of the default options (with a fixed
// date) in one load: literals, struct queries, the OAuth exemption,
// embedded .graphql files, GraphQL documents inside JSON request bodies
// (positives point at the name inside the literal, near misses and
// malformed bodies stay silent) and bad input.
func TestScenarios(t *testing.T) {
	res := runEmbed(t, newAnalyzer(t, "now", "2026-06-01"), "jpdgraphql", "jpdgraphqlstructs", "jpdgraphqloauth",
		"jpdgraphqlembed", "jpdgraphqljson", "jpdgraphqlbad")
	checkPositions(t, res)
}

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

var graphqlWant = regexp.MustCompile("# want `([^`]*)`")

// runEmbed runs the analyzer on scenarios whose findings may point into
// .graphql/.gql files, which analysistest does not read expectations from:
// Go files' "// want" comments are checked by analysistest, and the
// "# want `re`" comments of GraphQL files here.
func runEmbed(t *testing.T, a *analysis.Analyzer, scenarios ...string) []*analysistest.Result {
	t.Helper()
	rec := &recorder{}
	dir := testdata(t, scenarios...)
	res := atltest.Run(t, rec, dir, a, broken, scenarios...)
	type key struct {
		file string
		line int
	}
	want := map[key][]*regexp.Regexp{}
	for _, scenario := range scenarios {
		_ = filepath.WalkDir(filepath.Join(dir, "src", scenario), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".graphql") || strings.HasSuffix(p, ".gql")) {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(b), "\n") {
				if m := graphqlWant.FindStringSubmatch(line); m != nil {
					want[key{p, i + 1}] = append(want[key{p, i + 1}], regexp.MustCompile(m[1]))
				}
			}
			return nil
		})
	}
	for _, e := range rec.errs {
		if !strings.Contains(e, "unexpected diagnostic") || !(strings.Contains(e, ".graphql:") || strings.Contains(e, ".gql:")) {
			t.Error(e)
		}
	}
	for _, r := range res {
		for _, d := range r.Diagnostics {
			posn := r.Pass.Fset.Position(d.Pos)
			if strings.HasSuffix(posn.Filename, ".go") {
				continue // checked by analysistest
			}
			k := key{posn.Filename, posn.Line}
			matched := false
			for i, rx := range want[k] {
				if rx.MatchString(d.Message) {
					want[k] = append(want[k][:i], want[k][i+1:]...)
					matched = true
					break
				}
			}
			if !matched {
				t.Errorf("%s: unexpected diagnostic: %s", posn, d.Message)
			}
		}
	}
	for k, rxs := range want {
		for _, rx := range rxs {
			t.Errorf("%s:%d: no diagnostic was reported matching %#q", k.file, k.line, rx)
		}
	}
	return res
}

func TestScopesAfterCutoff(t *testing.T) {
	a := newAnalyzer(t, "now", "2026-11-23", "token-scopes", "read:insight:jira-product-discovery, write:view:jira-product-discovery")
	atltest.Run(t, t, testdata(t, "jpdgraphqlscopes"), a, nil, "jpdgraphqlscopes")
}

func TestFlags(t *testing.T) {
	a := jpdgraphql.New()
	for _, bad := range []struct{ flag, value string }{
		{"token-scopes", "read:insight:jira-product-discoveryy"},
		{"token-scopes", "read:jira-work"},
		{"token-scopes", "READ:INSIGHT:JIRA-PRODUCT-DISCOVERY"},
		{"now", "31/10/2026"},
		{"now", "2026-13-01"},
	} {
		if err := a.Flags.Set(bad.flag, bad.value); err == nil {
			t.Errorf("-%s=%s accepted", bad.flag, bad.value)
		}
	}
	for _, good := range []struct{ flag, value, want string }{
		{"token-scopes", "delete:view:jira-product-discovery,read:project:jira-product-discovery", "delete:view:jira-product-discovery,read:project:jira-product-discovery"},
		{"token-scopes", "", ""},
		{"now", "2026-10-31", "2026-10-31"},
		{"now", "2026-11-01T01:00:00+02:00", "2026-11-01"},
		{"now", "", ""},
	} {
		if err := a.Flags.Set(good.flag, good.value); err != nil {
			t.Errorf("-%s=%s: %v", good.flag, good.value, err)
		}
		if got := a.Flags.Lookup(good.flag).Value.String(); got != good.want {
			t.Errorf("-%s=%s reads back %q, want %q", good.flag, good.value, got, good.want)
		}
	}
	// Fresh analyzers do not share options.
	b := jpdgraphql.New()
	if err := a.Flags.Set("now", "2027-01-01"); err != nil {
		t.Fatal(err)
	}
	if got := b.Flags.Lookup("now").Value.String(); got != "" {
		t.Errorf("a fresh analyzer sees another's -now=%s", got)
	}
}

// The cutoff day itself still says "stops working after".
func TestCutoffDay(t *testing.T) {
	wants := map[*analysis.Analyzer]string{
		newAnalyzer(t, "now", "2026-10-31"): "stops working after 2026-10-31",
		newAnalyzer(t, "now", "2026-11-01"): "stopped working on 2026-11-01",
	}
	var as []*analysis.Analyzer
	for a := range wants {
		as = append(as, a)
	}
	for a, acts := range atltest.Analyze(t, testdata(t, "jpdgraphqlscopes"), as, nil, "jpdgraphqlscopes") {
		date, want := a.Flags.Lookup("now").Value.String(), wants[a]
		n := 0
		for _, act := range acts {
			for _, d := range act.Diagnostics {
				n++
				if !strings.Contains(d.Message, want) {
					t.Errorf("-now=%s: %q does not say %q", date, d.Message, want)
				}
			}
		}
		if n != 4 {
			t.Errorf("-now=%s: %d findings, want 4 (no scopes declared)", date, n)
		}
	}
}
