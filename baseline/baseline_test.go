package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
	"github.com/atlint/atlint/output"
)

// findings simulates a run over a file: one finding per line that holds
// "TOKEN", as a rule would report it.
func findings(file, text string) []output.Finding {
	var fs []output.Finding
	for i, line := range strings.Split(text, "\n") {
		if col := strings.Index(line, "TOKEN"); col >= 0 {
			fs = append(fs, output.Finding{
				RuleID: "ATL101", Analyzer: "credentials", Severity: "error",
				Message:  "ATL101 hard-coded credential",
				Pos:      output.Position{File: file, Line: i + 1, Column: col + 1},
				LineText: line,
			})
		}
	}
	return fs
}

func rules(fs []output.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Pos.File+":"+f.LineText)
	}
	return out
}

func TestLineMovesAndNewDuplicates(t *testing.T) {
	const before = "package p\n\nvar a = TOKEN\n\nfunc f() { use(TOKEN) }\n"
	path := filepath.Join(t.TempDir(), "atlint-baseline.json")
	if err := Write(path, findings("p.go", before)); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Len() != 2 {
		t.Fatalf("Len = %d, want 2", b.Len())
	}

	// Unchanged code: everything suppressed.
	fresh, n := b.Filter(findings("p.go", before))
	if len(fresh) != 0 || n != 2 {
		t.Errorf("unchanged: fresh %v, suppressed %d", rules(fresh), n)
	}

	// Lines inserted above and re-indentation: still suppressed.
	moved := "package p\n\nimport \"os\"\n\n// doc\nvar   a = TOKEN\n\nfunc g() {}\n\n\tfunc f() { use(TOKEN) }\n"
	fresh, n = b.Filter(findings("p.go", moved))
	if len(fresh) != 0 || n != 2 {
		t.Errorf("after inserting lines: fresh %v, suppressed %d, want none fresh", rules(fresh), n)
	}

	// A second identical line elsewhere is new, and only it.
	dup := before + "\nvar a = TOKEN\n"
	fresh, n = b.Filter(findings("p.go", dup))
	if diff := cmp.Diff([]string{"p.go:var a = TOKEN"}, rules(fresh)); diff != "" || n != 2 {
		t.Errorf("identical finding on another line: suppressed %d, fresh (-want +got):\n%s", n, diff)
	}
	if fresh[0].Pos.Line != 7 || fresh[0].Fingerprint == "" {
		t.Errorf("the new finding is %+v, want the one on line 7 with its fingerprint", fresh[0])
	}

	// The same line in another file, or a changed line, is new.
	fresh, _ = b.Filter(findings("q.go", before))
	if len(fresh) != 2 {
		t.Errorf("another file: %d fresh, want 2", len(fresh))
	}
	fresh, _ = b.Filter(findings("p.go", strings.Replace(before, "use(TOKEN)", "send(TOKEN)", 1)))
	if diff := cmp.Diff([]string{"p.go:func f() { send(TOKEN) }"}, rules(fresh)); diff != "" {
		t.Errorf("changed line (-want +got):\n%s", diff)
	}

	// A nil baseline suppresses nothing.
	var nb *Baseline
	if fresh, n := nb.Filter(findings("p.go", before)); len(fresh) != 2 || n != 0 {
		t.Errorf("nil baseline: %d fresh, %d suppressed", len(fresh), n)
	}
}

func TestWriteStableAndRedacted(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "baseline")
	fs := findings("b.go", "var x = TOKEN\nvar y = TOKEN\n")
	fs = append(findings("a.go", "var z = TOKEN\n"), fs...)
	for i := range fs {
		fs[i].Message = "ATL101 hard-coded credential " + tok // a careless rule
		fs[i].LineText = strings.Replace(fs[i].LineText, "TOKEN", `"`+tok+`"`, 1)
	}
	dir := t.TempDir()
	p1, p2 := filepath.Join(dir, "one.json"), filepath.Join(dir, "two.json")
	if err := Write(p1, fs); err != nil {
		t.Fatal(err)
	}
	// Reversed input: the same bytes.
	rev := make([]output.Finding, len(fs))
	for i := range fs {
		rev[len(fs)-1-i] = fs[i]
	}
	if err := Write(p2, rev); err != nil {
		t.Fatal(err)
	}
	b1, _ := os.ReadFile(p1)
	b2, _ := os.ReadFile(p2)
	if diff := cmp.Diff(string(b1), string(b2)); diff != "" {
		t.Errorf("baseline depends on input order (-one +two):\n%s", diff)
	}
	if strings.Contains(string(b1), tok) {
		t.Errorf("baseline holds the whole token %s", atlassian.Redact(tok))
	}
	if !strings.Contains(string(b1), atlassian.Redact(tok)) || !strings.HasPrefix(string(b1), "{\n  \"version\": 1,") {
		t.Errorf("unexpected baseline:\n%s", atlassian.Redact(string(b1)))
	}
	if i, j := strings.Index(string(b1), `"a.go"`), strings.Index(string(b1), `"b.go"`); i < 0 || j < i {
		t.Error("baseline not sorted by file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("Write left temporary files: %v", entries)
	}
	// Empty baseline: an empty list.
	if err := Write(p1, nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p1); string(b) != "{\n  \"version\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline = %q", b)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ content, want string }{
		"garbage":        {"not json", "not an atlint baseline"},
		"unknown field":  {`{"version":1,"findings":[],"extra":1}`, `unknown field "extra"`},
		"version":        {`{"version":2,"findings":[]}`, "baseline version 2, this atlint reads version 1"},
		"no version":     {`{"findings":[]}`, "baseline version 0"},
		"no fingerprint": {`{"version":1,"findings":[{"rule":"ATL101","file":"a.go"}]}`, "finding 0 has no fingerprint"},
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".json")
		if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Load error = %v, want %q", name, err, tc.want)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}
