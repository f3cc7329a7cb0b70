package jpdgraphql

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/atlassian/atltest"
)

func TestEmbedPatterns(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
		ok   bool
	}{
		{"//go:embed a.graphql", []string{"a.graphql"}, true},
		{"//go:embed a.graphql  q/*.gql\tall:dir", []string{"a.graphql", "q/*.gql", "all:dir"}, true},
		{"//go:embed \"spaced name.graphql\" `raw name.gql`", []string{"spaced name.graphql", "raw name.gql"}, true},
		{"//go:embed \"unterminated", nil, false},
		{"//go:embed", nil, false},
		{"//go:embedded x", nil, false},
		{"// go:embed x", nil, false},
	} {
		got, ok := embedPatterns(tc.in)
		if ok != tc.ok || !cmp.Equal(got, tc.want) {
			t.Errorf("embedPatterns(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestResolveEmbed(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.graphql", "b.GQL", "c.txt", "q/d.graphql", "q/_e.graphql", "q/.f.gql", "q/sub/g.gql", "q/_sub/h.graphql"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{ x }"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	for _, tc := range []struct {
		pats []string
		want []string
	}{
		{[]string{"a.graphql"}, []string{"a.graphql"}},
		{[]string{"*"}, []string{"a.graphql", "b.GQL", "q/d.graphql", "q/sub/g.gql"}},
		{[]string{"q"}, []string{"q/d.graphql", "q/sub/g.gql"}},
		{[]string{"all:q"}, []string{"q/.f.gql", "q/_e.graphql", "q/_sub/h.graphql", "q/d.graphql", "q/sub/g.gql"}},
		{[]string{"c.txt", "missing.graphql", "../x.graphql", "/etc/passwd", "[bad"}, nil},
		{[]string{"a.graphql", "*.graphql"}, []string{"a.graphql"}},
	} {
		if d := cmp.Diff(tc.want, rel(resolveEmbed(dir, tc.pats))); d != "" {
			t.Errorf("resolveEmbed(%q) (-want +got):\n%s", tc.pats, d)
		}
	}
}

func TestReadEmbedded(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "q.graphql")
	if err := os.WriteFile(p, []byte("{ insight { id } }"), 0o644); err != nil {
		t.Fatal(err)
	}
	refuse := func(string) ([]byte, error) { return nil, errors.New("not among OtherFiles") }
	accept := func(string) ([]byte, error) { return []byte("from driver"), nil }
	if got := string(readEmbedded(accept, p)); got != "from driver" {
		t.Errorf("driver's ReadFile not used: %q", got)
	}
	if got := string(readEmbedded(refuse, p)); !strings.Contains(got, "insight") {
		t.Errorf("no fallback to disk when ReadFile refuses: %q", got)
	}
	if got := string(readEmbedded(nil, p)); !strings.Contains(got, "insight") {
		t.Errorf("no fallback to disk when ReadFile is nil: %q", got)
	}
	if got := readEmbedded(nil, filepath.Join(dir, "missing.graphql")); got != nil {
		t.Errorf("missing file read as %q", got)
	}
}

// Under a sandbox where nothing can be read (nogo), embedded files are
// skipped silently and the rest still works.
func TestEmbedSandbox(t *testing.T) {
	old := readFromDisk
	readFromDisk = func(string) ([]byte, error) { return nil, os.ErrPermission }
	defer func() { readFromDisk = old }()
	a := New()
	if err := a.Flags.Set("now", "2026-06-01"); err != nil {
		t.Fatal(err)
	}
	for _, r := range atltest.Run(t, t, atltest.Scenarios(t, "jpdgraphqlembed"), a, nil, "jpdgraphqlembed") {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: unexpected finding without file access: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}
