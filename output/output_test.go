package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// A source file with non-ASCII text before the findings, so byte and
// UTF-16 columns differ: "é" is 2 bytes and 1 unit, "😀" 4 bytes and 2.
const src = "package p\n" +
	"\n" +
	"// é 😀\n" +
	"var s = \"é😀\" + token // x\n" +
	"\tvar t = 1\n"

func srcFunc(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		s, ok := files[name]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return []byte(s), nil
	}
}

func sampleFindings() []Finding {
	line4 := "var s = \"é😀\" + token // x"
	col := func(sub string) int { return strings.Index(line4, sub) + 1 }
	return []Finding{
		{
			RuleID: "ATL302", Analyzer: "jpdgraphql", Severity: "warning",
			Message:  "ATL302 jira product discovery operation needs a scoped token",
			Pos:      Position{File: "a/b c.go", Line: 4, Column: col("token"), Offset: 40},
			End:      Position{File: "a/b c.go", Line: 4, Column: col(" //"), Offset: 45},
			LineText: line4,
		},
		{
			RuleID: "ATL101", Analyzer: "credentials", Severity: "error",
			Message:  "ATL101 hard-coded credential: read it from the environment",
			Pos:      Position{File: "a/b c.go", Line: 4, Column: col("\"é"), Offset: 20},
			End:      Position{File: "a/b c.go", Line: 4, Column: col(" +"), Offset: 30},
			LineText: line4,
			Fixes: []Fix{{
				Message: "Read the token from ATLASSIAN_API_TOKEN",
				Edits: []Edit{
					{
						Pos:     Position{File: "a/b c.go", Line: 4, Column: col("\"é"), Offset: 20},
						End:     Position{File: "a/b c.go", Line: 4, Column: col(" +"), Offset: 30},
						NewText: `os.Getenv("ATLASSIAN_API_TOKEN")`,
					},
					{ // insertion of the import, at the start of line 2
						Pos:     Position{File: "a/b c.go", Line: 2, Column: 1, Offset: 10},
						End:     Position{File: "a/b c.go", Line: 2, Column: 1, Offset: 10},
						NewText: "import \"os\"\n",
					},
				},
			}},
		},
		{
			RuleID: "ATL999", Analyzer: "future", Severity: "note",
			Message:  "ATL999 a rule this build does not describe",
			Pos:      Position{File: "/abs/dir/x.go", Line: 5, Column: 2, Offset: 60},
			LineText: "\tvar t = 1",
		},
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	c.AssertFormat()
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, out []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("SARIF output does not validate against the 2.1.0 schema:\n%v", err)
	}
}

func TestSARIFSchema(t *testing.T) {
	schema := compileSchema(t)
	files := srcFunc(map[string]string{"a/b c.go": src})
	meta := Meta{ToolVersion: "v1.2.3", SrcRoot: "/work/repo", Errors: []ToolError{{Package: "example.com/broken", Message: "broken/a.go:1:1: expected 'package'"}}}
	for name, fs := range map[string][]Finding{"none": nil, "sample": sampleFindings()} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteSARIF(&buf, fs, RuleInfos(), meta, files); err != nil {
				t.Fatal(err)
			}
			validate(t, schema, buf.Bytes())
		})
	}
	// The schema check must be able to fail.
	bad := []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"atlint"}},"results":[{"message":{"text":"x"},"level":"fatal"}]}]}`)
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if schema.Validate(v) == nil {
		t.Error("the schema accepts a result with level \"fatal\": the validation proves nothing")
	}
}

// sarifOut decodes WriteSARIF's output into the package's own structs.
func sarifOut(t *testing.T, fs []Finding, src func(string) ([]byte, error)) sarifLog {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, fs, RuleInfos(), Meta{ToolVersion: "v1.2.3"}, src); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	log := sarifOut(t, sampleFindings(), srcFunc(map[string]string{"a/b c.go": src}))
	run := log.Runs[0]
	if run.Tool.Driver.Name != "atlint" || run.Tool.Driver.Version != "v1.2.3" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("driver = %+v", run.Tool.Driver)
	}

	// Every rule of the catalog, with its documentation and level.
	rules := run.Tool.Driver.Rules
	infos := RuleInfos()
	if len(rules) != len(infos)+1 { // + the undescribed ATL999
		t.Fatalf("%d rules in the driver, want %d", len(rules), len(infos)+1)
	}
	for i, r := range infos {
		got := rules[i]
		if got.ID != r.ID || got.HelpURI != "https://github.com/atlint/atlint/blob/main/docs/rules/"+r.ID+".md" ||
			got.ShortDescription == nil || got.FullDescription == nil || got.DefaultConfiguration.Level != r.Level {
			t.Errorf("rule %d = %+v, want it built from %+v", i, got, r)
		}
		if (got.DefaultConfiguration.Enabled != nil) != r.Disabled {
			t.Errorf("rule %s: enabled = %v, want disabled=%v", r.ID, got.DefaultConfiguration.Enabled, r.Disabled)
		}
	}
	if rules[len(rules)-1].ID != "ATL999" {
		t.Errorf("last rule = %s, want ATL999", rules[len(rules)-1].ID)
	}

	// Results in position order, each pointing at its rule.
	var ids []string
	for _, r := range run.Results {
		ids = append(ids, r.RuleID)
		if rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d (%s)", r.RuleID, r.RuleIndex, rules[r.RuleIndex].ID)
		}
		if len(r.PartialFingerprints[FingerprintKey]) != 32 {
			t.Errorf("result %s: partialFingerprints = %v", r.RuleID, r.PartialFingerprints)
		}
	}
	if diff := cmp.Diff([]string{"ATL999", "ATL101", "ATL302"}, ids); diff != "" {
		t.Errorf("result order (-want +got):\n%s", diff)
	}

	// Columns in UTF-16 units: `var s = "é😀" + token // x`.
	// Byte columns: `"` 9, ` +` 17, `token` 20, ` //` 25.
	// UTF-16 columns: `"` 9, ` +` 14, `token` 17, ` //` 22.
	atl101, atl302, atl999 := run.Results[1], run.Results[2], run.Results[0]
	wantRegion := func(r sarifResult, want sarifRegion) {
		t.Helper()
		if diff := cmp.Diff(&want, r.Locations[0].PhysicalLocation.Region); diff != "" {
			t.Errorf("%s region (-want +got):\n%s", r.RuleID, diff)
		}
	}
	wantRegion(atl101, sarifRegion{StartLine: 4, StartColumn: 9, EndLine: 4, EndColumn: 14})
	wantRegion(atl302, sarifRegion{StartLine: 4, StartColumn: 17, EndLine: 4, EndColumn: 22})
	wantRegion(atl999, sarifRegion{StartLine: 5, StartColumn: 2})

	if diff := cmp.Diff(sarifArtifactLoc{URI: "a/b%20c.go", URIBaseID: "%SRCROOT%"}, atl101.Locations[0].PhysicalLocation.ArtifactLocation); diff != "" {
		t.Errorf("relative artifact (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(sarifArtifactLoc{URI: "file:///abs/dir/x.go"}, atl999.Locations[0].PhysicalLocation.ArtifactLocation); diff != "" {
		t.Errorf("absolute artifact (-want +got):\n%s", diff)
	}
	if atl101.Level != "error" || atl302.Level != "warning" || atl999.Level != "note" {
		t.Errorf("levels = %s %s %s", atl101.Level, atl302.Level, atl999.Level)
	}

	wantFix := []sarifFix{{
		Description: sarifMessage{Text: "Read the token from ATLASSIAN_API_TOKEN"},
		ArtifactChanges: []sarifArtifactChange{{
			ArtifactLocation: sarifArtifactLoc{URI: "a/b%20c.go", URIBaseID: "%SRCROOT%"},
			Replacements: []sarifReplacement{
				{DeletedRegion: sarifRegion{StartLine: 4, StartColumn: 9, EndLine: 4, EndColumn: 14}, InsertedContent: &sarifMessage{Text: `os.Getenv("ATLASSIAN_API_TOKEN")`}},
				{DeletedRegion: sarifRegion{StartLine: 2, StartColumn: 1, EndLine: 2, EndColumn: 1}, InsertedContent: &sarifMessage{Text: "import \"os\"\n"}},
			},
		}},
	}}
	if diff := cmp.Diff(wantFix, atl101.Fixes); diff != "" {
		t.Errorf("fixes (-want +got):\n%s", diff)
	}
}

func TestSARIFColumnsWithoutSource(t *testing.T) {
	// No source: the finding's own line text converts its columns.
	log := sarifOut(t, sampleFindings()[:1], nil)
	got := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	if diff := cmp.Diff(&sarifRegion{StartLine: 4, StartColumn: 17, EndLine: 4, EndColumn: 22}, got); diff != "" {
		t.Errorf("region from LineText (-want +got):\n%s", diff)
	}
	// Unreadable source and no line text: byte columns stay.
	f := sampleFindings()[0]
	f.LineText = ""
	log = sarifOut(t, []Finding{f}, func(string) ([]byte, error) { return nil, errors.New("gone") })
	got = log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	if got.StartColumn != f.Pos.Column || got.EndColumn != f.End.Column {
		t.Errorf("region without source = %+v, want byte columns %d-%d", got, f.Pos.Column, f.End.Column)
	}
}

func TestUTF16Col(t *testing.T) {
	c := &columns{src: srcFunc(map[string]string{"f": "a\xffé😀b\r\nx"}), files: map[string][][]byte{}}
	for _, tc := range []struct{ line, col, want int }{
		{1, 1, 1},
		{1, 2, 2},  // after "a"
		{1, 3, 3},  // after the invalid byte
		{1, 5, 4},  // after "é"
		{1, 9, 6},  // after "😀"
		{1, 10, 7}, // after "b"
		{1, 11, 8}, // past the end of the line (the \r): byte units
		{2, 2, 2},
		{3, 4, 4}, // no such line: unchanged
	} {
		if got := c.utf16Col("f", tc.line, tc.col); got != tc.want {
			t.Errorf("utf16Col(%d:%d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
}

func TestWriteText(t *testing.T) {
	var buf bytes.Buffer
	fs := sampleFindings()
	fs = append(fs, Finding{RuleID: "ATL001", Message: "ATL001 file-level", Pos: Position{File: "z.go"}})
	if err := WriteText(&buf, fs); err != nil {
		t.Fatal(err)
	}
	want := "/abs/dir/x.go:5:2: ATL999 a rule this build does not describe\n" +
		"a/b c.go:4:9: ATL101 hard-coded credential: read it from the environment\n" +
		"a/b c.go:4:20: ATL302 jira product discovery operation needs a scoped token\n" +
		"z.go: ATL001 file-level\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteText (-want +got):\n%s", diff)
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	fs := sampleFindings()[:2]
	if err := WriteJSON(&buf, fs, Meta{ToolVersion: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	if fs[0].Fingerprint != "" {
		t.Error("WriteJSON modified its argument")
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	fps := withFingerprints(fs)
	want := map[string]any{
		"version": 1.0,
		"tool":    map[string]any{"name": "atlint", "version": "v1.2.3"},
		"findings": []any{
			map[string]any{
				"rule": "ATL101", "analyzer": "credentials", "severity": "error",
				"message":     "ATL101 hard-coded credential: read it from the environment",
				"pos":         map[string]any{"file": "a/b c.go", "line": 4.0, "column": 9.0, "offset": 20.0},
				"end":         map[string]any{"file": "a/b c.go", "line": 4.0, "column": 17.0, "offset": 30.0},
				"fingerprint": fps[0].Fingerprint,
				"doc":         "https://github.com/atlint/atlint/blob/main/docs/rules/ATL101.md",
				"fixes": []any{map[string]any{
					"message": "Read the token from ATLASSIAN_API_TOKEN",
					"edits": []any{
						map[string]any{
							"pos":      map[string]any{"file": "a/b c.go", "line": 4.0, "column": 9.0, "offset": 20.0},
							"end":      map[string]any{"file": "a/b c.go", "line": 4.0, "column": 17.0, "offset": 30.0},
							"new_text": `os.Getenv("ATLASSIAN_API_TOKEN")`,
						},
						map[string]any{
							"pos":      map[string]any{"file": "a/b c.go", "line": 2.0, "column": 1.0, "offset": 10.0},
							"end":      map[string]any{"file": "a/b c.go", "line": 2.0, "column": 1.0, "offset": 10.0},
							"new_text": "import \"os\"\n",
						},
					},
				}},
			},
			map[string]any{
				"rule": "ATL302", "analyzer": "jpdgraphql", "severity": "warning",
				"message":     "ATL302 jira product discovery operation needs a scoped token",
				"pos":         map[string]any{"file": "a/b c.go", "line": 4.0, "column": 20.0, "offset": 40.0},
				"end":         map[string]any{"file": "a/b c.go", "line": 4.0, "column": 25.0, "offset": 45.0},
				"fingerprint": fps[1].Fingerprint,
				"doc":         "https://github.com/atlint/atlint/blob/main/docs/rules/ATL302.md",
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WriteJSON (-want +got):\n%s", diff)
	}

	// No findings: an empty list, not null; errors listed.
	buf.Reset()
	if err := WriteJSON(&buf, nil, Meta{Errors: []ToolError{{Package: "p", Message: "m"}}}); err != nil {
		t.Fatal(err)
	}
	want2 := `{
  "version": 1,
  "tool": {
    "name": "atlint",
    "version": "devel"
  },
  "findings": [],
  "errors": [
    {
      "package": "p",
      "message": "m"
    }
  ]
}
`
	if diff := cmp.Diff(want2, buf.String()); diff != "" {
		t.Errorf("WriteJSON(nil) (-want +got):\n%s", diff)
	}
}

func TestFingerprints(t *testing.T) {
	f := Finding{RuleID: "ATL101", Pos: Position{File: "a.go", Line: 10, Column: 5}, LineText: "\tc := Client{Token: \"x\"}"}
	base := Fingerprint(f)

	moved := f
	moved.Pos.Line, moved.Pos.Column = 42, 9
	moved.LineText = "        c  :=   Client{Token: \"x\"}   "
	if Fingerprint(moved) != base {
		t.Error("moving or re-indenting the line changed the fingerprint")
	}
	for name, g := range map[string]Finding{
		"rule": {RuleID: "ATL201", Pos: f.Pos, LineText: f.LineText},
		"file": {RuleID: "ATL101", Pos: Position{File: "b.go", Line: 10}, LineText: f.LineText},
		"text": {RuleID: "ATL101", Pos: f.Pos, LineText: "c := Client{Token: \"y\"}"},
	} {
		if Fingerprint(g) == base {
			t.Errorf("a different %s gives the same fingerprint", name)
		}
	}

	// A rotated token keeps the fingerprint; the token is not hashed.
	t1 := atltest.Token(atlassian.APIToken, "fp1")
	t2 := atltest.Token(atlassian.APIToken, "fp2")
	a := Finding{RuleID: "ATL101", Pos: f.Pos, LineText: `const tok = "` + t1 + `"`}
	b := Finding{RuleID: "ATL101", Pos: f.Pos, LineText: `const tok = "` + t2 + `"`}
	if Fingerprint(a) != Fingerprint(b) {
		t.Error("rotating the hard-coded token changed the fingerprint")
	}
	if n := NormalizeLine(a.LineText); strings.Contains(n, t1[12:40]) || !strings.Contains(n, redactedMarker) {
		t.Errorf("NormalizeLine keeps the token: %q", atlassian.Redact(n))
	}

	// Identical lines: numbered by position, whatever the input order.
	fs := []Finding{
		{RuleID: "ATL101", Pos: Position{File: "a.go", Line: 30}, LineText: "x"},
		{RuleID: "ATL101", Pos: Position{File: "a.go", Line: 10}, LineText: "x"},
		{RuleID: "ATL101", Pos: Position{File: "a.go", Line: 20}, LineText: "y"},
	}
	SetFingerprints(fs)
	if fs[1].Fingerprint != Fingerprint(fs[1]) || fs[0].Fingerprint == fs[1].Fingerprint || fs[0].Fingerprint != fingerprint(fs[0], 1) {
		t.Errorf("occurrence numbering wrong: %v", []string{fs[0].Fingerprint, fs[1].Fingerprint, fs[2].Fingerprint})
	}
}

func TestScrub(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "scrub")
	bad := atltest.Invalid(atlassian.APIToken, "scrub") // no valid checksum: still secret-looking
	dc := atltest.Token(atlassian.DataCenterPAT, "scrub")
	basic := atltest.Basic("me@example.com", tok)
	if got := Scrub("header " + basic); strings.Contains(got, basic[6:]) || !strings.HasPrefix(got, "header ") {
		t.Errorf("Scrub(Basic header) = %q: the base64 credential survives", atlassian.Redact(got))
	}
	for _, tc := range []struct{ in, want string }{
		{"ATL101 token " + tok + " found", "ATL101 token " + atlassian.Redact(tok) + " found"},
		{"token " + bad + ";", "token " + atlassian.Redact(bad) + ";"},
		{"pat " + dc, "pat " + atlassian.Redact(dc)},
		// Left alone: redacted forms, UUIDs, account IDs, URL paths, operation names.
		{"ATL101 hard-coded token \"ATATT3xF…2E6A\"", ""},
		{"use https://api.atlassian.com/ex/jira/1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1/rest/api/3/issue/PROJ-123/comment", ""},
		{"account 5b10ac8d82e05b22cc7d4ef5", ""},
		{"polarisGetEarliestOnboardedProjectForCloudId needs OAuth", ""},
		{"", ""},
	} {
		want := tc.want
		if want == "" {
			want = tc.in
		}
		if got := Scrub(tc.in); got != want {
			t.Errorf("Scrub(%q) = %q, want %q", atlassian.Redact(tc.in), got, want)
		}
	}
}

// TestNoSecretInOutput writes every format for findings whose messages,
// fix descriptions, line texts and load errors hold real-shaped tokens of
// every kind, and checks that no output holds a whole token.
func TestNoSecretInOutput(t *testing.T) {
	var tokens []string
	for _, k := range atlassian.Kinds() {
		tokens = append(tokens, atltest.Token(k, "leak"), atltest.Invalid(k, "leak"))
	}
	var fs []Finding
	var file strings.Builder
	file.WriteString("package p\n")
	for i, tok := range tokens {
		line := "var t" + string(rune('a'+i)) + " = \"" + tok + "\""
		file.WriteString(line + "\n")
		fs = append(fs, Finding{
			RuleID: "ATL101", Analyzer: "credentials", Severity: "error",
			// A careless rule: the whole token in the message and fix.
			Message:  "ATL101 hard-coded credential " + tok + ": revoke it",
			Pos:      Position{File: "p.go", Line: i + 2, Column: 10},
			End:      Position{File: "p.go", Line: i + 2, Column: 10 + len(tok) + 2},
			LineText: line,
			Fixes:    []Fix{{Message: "Replace " + tok, Edits: []Edit{{Pos: Position{File: "p.go", Line: i + 2, Column: 10}, End: Position{File: "p.go", Line: i + 2, Column: 12 + len(tok)}, NewText: `os.Getenv("X")`}}}},
		})
	}
	meta := Meta{Errors: []ToolError{{Package: "p", Message: "bad literal " + tokens[0]}}}
	source := srcFunc(map[string]string{"p.go": file.String()})

	outs := map[string]*bytes.Buffer{"text": {}, "json": {}, "sarif": {}}
	if err := WriteText(outs["text"], fs); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(outs["json"], fs, meta); err != nil {
		t.Fatal(err)
	}
	if err := WriteSARIF(outs["sarif"], fs, RuleInfos(), meta, source); err != nil {
		t.Fatal(err)
	}
	for format, out := range outs {
		if out.Len() == 0 {
			t.Errorf("%s: no output", format)
		}
		for _, tok := range tokens {
			if bytes.Contains(out.Bytes(), []byte(tok)) {
				t.Errorf("%s output holds the whole token %s", format, atlassian.Redact(tok))
			}
		}
	}
}
