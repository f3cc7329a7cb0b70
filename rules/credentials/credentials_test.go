package credentials_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/rules/credentials"
)

func testdata(t *testing.T, scenarios ...string) string { return atltest.Scenarios(t, scenarios...) }

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

// of returns the results of the packages of the scenarios.
func of(results []*analysistest.Result, scenarios ...string) []*analysistest.Result {
	var out []*analysistest.Result
	for _, r := range results {
		if slices.Contains(scenarios, r.Action.Package.PkgPath) {
			out = append(out, r)
		}
	}
	return out
}

// fixScenarios run with the default options and have .golden files for
// every file with a fix: one load for all of them.
var fixScenarios = []string{"credentials", "credentialssinks", "credentialsfix", "credentialsfixpkg", "credentialsfixcrlf", "credentialscomments"}

func TestDefaultsWithFixes(t *testing.T) {
	t.Parallel()
	dir := testdata(t, fixScenarios...)
	results := atltest.RunWithSuggestedFixes(t, t, dir, credentials.New(), nil, fixScenarios...)
	for _, group := range [][]string{{"credentials"}, {"credentialssinks"}, {"credentialsfix", "credentialsfixpkg"}, {"credentialsfixcrlf"}, {"credentialscomments"}} {
		checkNoSecret(t, of(results, group...))
	}
	appPasswordFix(t, of(results, "credentials"))
	fixKeepsLineEndingsAndImportOrder(t, dir, of(results, "credentialsfixcrlf"))
	comments(t, of(results, "credentialscomments"))
}

// An app password's fix reads its replacement, a scoped API token, and says
// that the username changes too.
func appPasswordFix(t *testing.T, results []*analysistest.Result) {
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "app password") || len(d.SuggestedFixes) == 0 {
				continue
			}
			n++
			const want = "Read a scoped API token from BITBUCKET_API_TOKEN (the username must become the Atlassian account email)"
			if got := d.SuggestedFixes[0].Message; got != want {
				t.Errorf("app password fix %q, want %q", got, want)
			}
		}
	}
	if n == 0 {
		t.Errorf("no app password finding with a fix")
	}
}

// TestDefaults runs the default options on the scenarios without golden
// files: test code, and bad input (code that does not type-check, odd
// escapes, a generated file and a literal of 1 MB).
func TestDefaults(t *testing.T) {
	t.Parallel()
	dir := testdata(t, "credentialstests", "credentialsbad")
	// A 1 MB literal of hostile near-misses with one real token in the middle.
	var b strings.Builder
	b.WriteString("package credentialsbad\n\nvar huge = \"")
	chunk := "ATATT3xFfGF0" + strings.Repeat("ab-_", 50) + "%3D" + "ATBBxyz BBDC-Basic QUFB https://a:b@c "
	for b.Len() < 512<<10 {
		b.WriteString(chunk)
	}
	b.WriteString("{{atl api huge1}}")
	for b.Len() < 1<<20 {
		b.WriteString(chunk)
	}
	b.WriteString("\" // want `hard-coded Atlassian API token`\n")
	atltest.WriteFile(t, filepath.Join(dir, "src", "credentialsbad", "huge.go"), b.String())

	results := atltest.Run(t, t, dir, credentials.New(), []string{"credentialsbad"}, "credentialstests", "credentialsbad")
	checkNoSecret(t, of(results, "credentialstests"))
	bad := of(results, "credentialsbad")
	checkNoSecret(t, bad)
	for _, r := range bad {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			if filepath.Base(pos.Filename) == "gen.go" && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a generated file", pos)
			}
			if filepath.Base(pos.Filename) == "broken.go" && len(d.SuggestedFixes) == 0 && pos.Line < 12 {
				t.Errorf("%s: no fix in a file with type errors", pos)
			}
		}
	}
}

func TestTestsOff(t *testing.T) {
	t.Parallel()
	dir := testdata(t, "credentialsnotests")
	a := credentials.New()
	if err := a.Flags.Set("tests", "false"); err != nil {
		t.Fatal(err)
	}
	atltest.Run(t, t, dir, a, nil, "credentialsnotests")
	// The flag belongs to that analyzer only.
	if got := credentials.New().Flags.Lookup("tests").Value.String(); got != "true" {
		t.Errorf("a fresh analyzer has -tests=%s, want true", got)
	}
}

// TestRepositoryHasNoTokens keeps the repository clean for secret scanners:
// fixtures hold placeholders, never checksum-valid tokens.
func TestRepositoryHasNoTokens(t *testing.T) {
	t.Parallel()
	err := filepath.WalkDir(filepath.Join("..", ".."), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if info, err := d.Info(); err != nil || !d.Type().IsRegular() || info.Size() > 8<<20 {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		for _, m := range atlassian.Scan(string(data)) {
			t.Errorf("%s: checksum-valid %v %s in the repository: use an atltest placeholder", path, m.Kind, atlassian.Redact(m.Token))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fixKeepsLineEndingsAndImportOrder applies the fixes byte for byte and
// compares the result with the golden files exactly: analysistest formats
// both sides before comparing, which hides CRLF line endings and the order
// of imports.
func fixKeepsLineEndingsAndImportOrder(t *testing.T, dir string, results []*analysistest.Result) {
	edits := map[string][]analysis.TextEdit{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					name := r.Pass.Fset.File(e.Pos).Name()
					edits[name] = append(edits[name], e)
				}
			}
		}
		goldens, _ := filepath.Glob(filepath.Join(dir, "src", "credentialsfixcrlf", "*.go.golden"))
		if len(goldens) < 5 {
			t.Fatalf("found %d golden files, want 5", len(goldens))
		}
		for _, g := range goldens {
			name := strings.TrimSuffix(g, ".golden")
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			es := edits[name]
			if len(es) == 0 {
				t.Errorf("%s: no fix", filepath.Base(name))
				continue
			}
			slices.SortStableFunc(es, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
			tf := r.Pass.Fset.File(es[0].Pos)
			got := slices.Clone(src)
			for _, e := range es {
				start, end := tf.Offset(e.Pos), tf.Offset(e.End)
				got = slices.Concat(got[:start], e.NewText, got[end:])
			}
			if !bytes.Equal(got, want) {
				gl, wl := strings.SplitAfter(string(got), "\n"), strings.SplitAfter(string(want), "\n")
				for i := 0; i < max(len(gl), len(wl)); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Errorf("%s:%d: got %q, want %q", filepath.Base(name), i+1, scrub(g), scrub(w))
						break
					}
				}
			}
		}
	}
}

// scrub redacts every credential in s.
func scrub(s string) string {
	ms := atlassian.ScanContext(s)
	for i := len(ms) - 1; i >= 0; i-- {
		s = s[:ms[i].Start] + atlassian.Redact(ms[i].Token) + s[ms[i].End:]
	}
	return s
}

// comments checks the findings on tokens in comments (and in env-style
// strings): every finding's range must hold exactly the token, also on
// later lines of a block comment in a CRLF file (the scanner drops the CRs
// from comment text).
func comments(t *testing.T, results []*analysistest.Result) {
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			tf := r.Pass.Fset.File(d.Pos)
			src, err := os.ReadFile(tf.Name())
			if err != nil {
				t.Fatal(err)
			}
			text := string(src[tf.Offset(d.Pos):tf.Offset(d.End)])
			whole := func(s string, skip int) bool {
				for _, m := range atlassian.ScanContext(s) {
					if m.Start == skip && m.End == len(s) {
						return true
					}
				}
				return false
			}
			if !whole(text, 0) && !whole("Basic "+text, 6) {
				t.Errorf("%s: the range %q is not one token", r.Pass.Fset.Position(d.Pos), scrub(text))
			}
			if strings.Contains(d.Message, "in a comment") && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix in a comment", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
	if n < 15 {
		t.Errorf("%d findings, want at least 15", n)
	}
}
