package atltest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atlint/atlint/atlassian"
)

func TestTokenPassesCheckAndScan(t *testing.T) {
	for _, k := range atlassian.Kinds() {
		for _, seed := range []string{"a", "b", "fixture-42"} {
			tok := Token(k, seed)
			red := atlassian.Redact(tok)
			if !atlassian.Check(k, tok) {
				t.Errorf("Token(%v, %q) = %s fails Check", k, seed, red)
			}
			if Token(k, seed) != tok {
				t.Errorf("Token(%v, %q) is not deterministic", k, seed)
			}
			if Token(k, seed+"x") == tok {
				t.Errorf("Token(%v) ignores the seed", k)
			}
			scan := atlassian.Scan
			if k.NeedsContext() {
				scan = atlassian.ScanContext
				if ms := atlassian.Scan(tok); len(ms) != 0 {
					t.Errorf("Scan finds the prefix-free %v %s without context", k, red)
				}
			}
			ms := scan(" " + tok + " ")
			if len(ms) != 1 || ms[0].Kind != k || ms[0].Start != 1 || ms[0].End != 1+len(tok) || ms[0].Token != tok {
				t.Errorf("scan of %v %s: got %d matches", k, red, len(ms))
			}
			bad := Invalid(k, seed)
			if atlassian.Check(k, bad) || len(atlassian.ScanContext(bad)) != 0 {
				t.Errorf("Invalid(%v, %q) = %s passes", k, seed, atlassian.Redact(bad))
			}
		}
	}
	if n := len(Token(atlassian.APIToken, "x")); n != 192 {
		t.Errorf("API token length %d, want 192", n)
	}
}

func TestExpand(t *testing.T) {
	api := Token(atlassian.APIToken, "s1")
	for _, tc := range []struct{ in, want string }{
		{`x := "{{atl api s1}}"`, `x := "` + api + `"`},
		{`{{atl api s1 pct}}`, strings.Replace(api, "=", "%3D", 1)},
		{`{{atl api s1 pctl}}`, strings.Replace(api, "=", "%3d", 1)},
		{`{{atl api s1 esc}}`, strings.Replace(api, "=", `\=`, 1)},
		{`{{atl api s1 escq}}`, strings.Replace(api, "=", `\\=`, 1)},
		{`{{atl api s1 slice=0:12}}`, "ATATT3xFfGF0"},
		{`{{atl api s1 slice=12:}}`, api[12:]},
		{`{{atl api s1 redact}}`, atlassian.Redact(api)},
		{`{{atl api s1 basic=me@example.com}}`, Basic("me@example.com", api)},
		{`{{atl api s1 trunc}}`, api[:len(api)-1]},
		{`{{atl api s1 bad}}`, Invalid(atlassian.APIToken, "s1")},
		{`no placeholder {{ atl }}`, `no placeholder {{ atl }}`},
	} {
		got, err := Expand(tc.in)
		if err != nil {
			t.Errorf("Expand(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("Expand(%q) = %s, want %s", tc.in, atlassian.Redact(got), atlassian.Redact(tc.want))
		}
	}
	for _, in := range []string{"{{atl nope s1}}", "{{atl api}}", "{{atl api s1 frob}}", "{{atl api s1 slice=5:1}}", "{{atl legacy s1 pct}}"} {
		if _, err := Expand(in); err == nil {
			t.Errorf("Expand(%q) succeeded, want an error", in)
		}
	}
}

func TestTestData(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "src", "p"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "src", "p", "p.go"), []byte(`package p; const T = "{{atl apppw z}}"`), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := TestData(t, root, "p")
	data, err := os.ReadFile(filepath.Join(dir, "src", "p", "p.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `package p; const T = "` + Token(atlassian.AppPassword, "z") + `"`; string(data) != want {
		t.Errorf("expanded file differs")
	}
}

// Scenarios finds a scenario in the test's own testdata, in the top-level
// tree or in a rule package's testdata, always brings the library stubs,
// and fails on a name it cannot find.
func TestScenarios(t *testing.T) {
	dir := Scenarios(t, "pluginfilter", "credentials")
	for _, p := range []string{"src/pluginfilter", "src/credentials", "src/github.com/andygrunwald/go-jira", "src/golang.org", "src/gorm.io"} {
		if !isDir(filepath.Join(dir, filepath.FromSlash(p))) {
			t.Errorf("Scenarios did not bring %s", p)
		}
	}
	for _, bad := range []string{"credentialz", "", "../testdata", "github.com/andygrunwald"} {
		if _, err := scenario(bad); err == nil {
			t.Errorf("scenario(%q) succeeded, want an error", bad)
		}
	}
	ft := &fatalTB{TB: t}
	func() {
		defer func() { _ = recover() }()
		Scenarios(ft, "credentialz")
	}()
	if !ft.failed {
		t.Error("Scenarios(credentialz) did not fail the test")
	}
}

// fatalTB records a Fatalf and stops the caller as testing does.
type fatalTB struct {
	testing.TB
	failed bool
}

func (f *fatalTB) Fatalf(string, ...any) { f.failed = true; panic("fatal") }
