package plugin

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/config"
	"github.com/atlint/atlint/rules/jpdgraphql"
)

func TestRelocate(t *testing.T) {
	fset := token.NewFileSet()
	goSrc := "package p\n\n//go:embed q/x.graphql\nvar s string\n"
	gf := fset.AddFile("/m/p/p.go", -1, len(goSrc))
	gf.SetLinesForContent([]byte(goSrc))
	//atlint:ignore ATL302 a GraphQL document for the position test, never sent
	gqlSrc := "query {\n  polarisInsights { id }\n}\n"
	qf := fset.AddFile("/m/p/q/x.graphql", -1, len(gqlSrc))
	qf.SetLinesForContent([]byte(gqlSrc))
	other := fset.AddFile("/elsewhere/y.graphql", -1, len(gqlSrc))
	other.SetLinesForContent([]byte(gqlSrc))

	embed := analysis.RelatedInformation{Pos: gf.Pos(11), End: gf.Pos(33), Message: "the file is embedded here"}
	note := analysis.RelatedInformation{Pos: qf.Pos(0), Message: "a note in the same file"}
	fix := []analysis.SuggestedFix{{Message: "edit", TextEdits: []analysis.TextEdit{{Pos: qf.Pos(10), End: qf.Pos(25)}}}}
	inGQL := qf.Pos(10)

	type pos struct {
		File      string
		Line, Col int
	}
	at := func(p token.Pos) pos {
		ps := fset.Position(p)
		return pos{ps.Filename, ps.Line, ps.Column}
	}
	for _, tc := range []struct {
		name    string
		in      analysis.Diagnostic
		msg     string
		at      pos
		related int
		fixes   int
	}{
		{"moved to the directive",
			analysis.Diagnostic{Pos: inGQL, End: inGQL + 15, Message: "ATL302 m", Related: []analysis.RelatedInformation{note, embed}, SuggestedFixes: fix},
			"ATL302 m (at q/x.graphql:2:3)", pos{"/m/p/p.go", 3, 1}, 1, 0},
		{"outside the Go file's directory",
			analysis.Diagnostic{Pos: other.Pos(10), Message: "ATL302 m", Related: []analysis.RelatedInformation{embed}},
			"ATL302 m (at /elsewhere/y.graphql:2:3)", pos{"/m/p/p.go", 3, 1}, 0, 0},
		{"in a Go file already",
			analysis.Diagnostic{Pos: gf.Pos(40), Message: "ATL101 m", Related: []analysis.RelatedInformation{note}, SuggestedFixes: fix},
			"ATL101 m", pos{"/m/p/p.go", 4, 7}, 1, 1},
		{"no Go position to move to",
			analysis.Diagnostic{Pos: inGQL, Message: "ATL302 m", Related: []analysis.RelatedInformation{note}},
			"ATL302 m", pos{"/m/p/q/x.graphql", 2, 3}, 1, 0},
		{"no position",
			analysis.Diagnostic{Pos: token.NoPos, Message: "ATL302 m", Related: []analysis.RelatedInformation{embed}},
			"ATL302 m", pos{"", 0, 0}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(tc.in.Related)
			d := relocate(fset, tc.in)
			if d.Message != tc.msg {
				t.Errorf("message %q, want %q", d.Message, tc.msg)
			}
			if diff := cmp.Diff(tc.at, at(d.Pos)); diff != "" {
				t.Errorf("position (-want +got):\n%s", diff)
			}
			if len(d.Related) != tc.related || len(d.SuggestedFixes) != tc.fixes {
				t.Errorf("%d related, %d fixes; want %d, %d", len(d.Related), len(d.SuggestedFixes), tc.related, tc.fixes)
			}
			if len(tc.in.Related) != before || (before > 0 && tc.in.Related[0] != note && tc.in.Related[0] != embed) {
				t.Errorf("the caller's Related slice was modified")
			}
		})
	}
}

// Under the plugin, no jpdgraphql finding stays in a .graphql/.gql file:
// each is at the //go:embed directive that embeds the file and ends with
// the file's position.
func TestEmbeddedFindingsRelocated(t *testing.T) {
	cfg, err := config.FromMap(nil)
	if err != nil {
		t.Fatal(err)
	}
	a := jpdgraphql.New()
	if err := a.Flags.Set("now", "2026-06-01"); err != nil {
		t.Fatal(err)
	}
	(&Plugin{cfg: cfg}).filter(a)
	// analysistest checks the Go files' // want comments, which do not
	// expect findings at the directives: its complaints are not the point
	// (load errors still fail the test).
	res := atltest.Run(t, atltest.Quiet, atltest.Scenarios(t, "jpdgraphqlembed"), a, nil, "jpdgraphqlembed")
	moved := 0
	for _, r := range res {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			if filepath.Ext(p.Filename) != ".go" {
				t.Errorf("%s: finding left in a file golangci-lint drops: %s", p, d.Message)
				continue
			}
			i := strings.LastIndex(d.Message, " (at ")
			if i < 0 {
				continue // a finding in a Go literal
			}
			moved++
			line := lineAt(t, p.Filename, p.Line)
			if !strings.HasPrefix(line, "//go:embed ") {
				t.Errorf("%s: moved to %q, not to a //go:embed directive", p, line)
			}
			file, _, _ := strings.Cut(strings.TrimSuffix(d.Message[i+len(" (at "):], ")"), ":")
			if _, err := os.Stat(filepath.Join(filepath.Dir(p.Filename), file)); err != nil {
				t.Errorf("%s: message names %s: %v", p, file, err)
			}
			if len(d.Related) != 0 {
				t.Errorf("%s: related information left: golangci-lint reports it as issues of its own", p)
			}
		}
	}
	t.Logf("%d findings moved to a directive", moved)
	if moved < 4 {
		t.Errorf("%d findings moved to a directive, want at least 4 (the fixture embeds several listed operations)", moved)
	}
}

func lineAt(t *testing.T, file string, n int) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if n < 1 || n > len(lines) {
		t.Fatalf("%s has no line %d", file, n)
	}
	return lines[n-1]
}
