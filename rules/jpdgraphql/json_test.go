package jpdgraphql

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/atlassian"
)

// foundJSON renders uses as "name@offset-end" (with "!" when malformed) and
// checks that src[Offset:End] is the name written as JSON string text.
func foundJSON(t *testing.T, src string, uses []Use) []string {
	t.Helper()
	var out []string
	for _, u := range uses {
		if u.Offset < 0 || u.End > len(src) || u.Offset >= u.End {
			t.Errorf("%s: range [%d, %d) out of %d bytes", u.Op.Name, u.Offset, u.End, len(src))
			continue
		}
		if got := jsonText(src[u.Offset:u.End]); got != u.Op.Name {
			t.Errorf("range [%d, %d) of %s holds %q", u.Offset, u.End, u.Op.Name, src[u.Offset:u.End])
		}
		s := fmt.Sprintf("%s@%d-%d", u.Op.Name, u.Offset, u.End)
		if u.Alias != "" {
			s = u.Alias + ":" + s
		}
		if u.Malformed {
			s += "!"
		}
		out = append(out, s)
	}
	return out
}

// jsonText decodes raw as the text of a JSON string ("" when it is not).
func jsonText(raw string) string {
	var v string
	if json.Unmarshal([]byte(`"`+raw+`"`), &v) != nil {
		return ""
	}
	return v
}

func TestExtractJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"object", `{"query":"query { polarisInsights(project: \"P\") { id } }","variables":{}}`, []string{"polarisInsights@18-33"}},
		{"spaced", "{\n  \"query\" : \"{ insight { id } }\"\n}", []string{"insight@17-24"}},
		{"escaped quotes before the name", `{"query": "{ a: teams(q: \"x\") { id } polarisView { id } }"}`, []string{"polarisView@39-50"}},
		{"newline escapes", `{"query": "query Q {\n  \n  polarisProject(id: 1) { id }\n}"}`, []string{"polarisProject@28-42"}},
		{"unicode escape in the name", `{"query": "{ \u0070olarisView { id } }"}`, []string{"polarisView@13-29"}},
		{"unicode escape at the end of the name", `{"query": "{ polarisVie\u0077 { id } }"}`, []string{"polarisView@13-29"}},
		{"escaped non-ASCII before", `{"query": "{ teams(q: \"\u00e9\u65e5\ud83d\ude00\") { id } insight { id } }"}`, []string{"insight@59-66"}},
		{"raw non-ASCII before", `{"query": "{ teams(q: \"é日😀\") { id } insight { id } }"}`, []string{"insight@44-51"}},
		{"lone surrogate before", `{"query": "{ teams(q: \"\ud83d\") { id } insight { id } }"}`, []string{"insight@41-48"}},
		{"solidus and tab escapes", `{"query":"{\t\/\/ x\n polarisView { id } }"}`, nil}, // "//" is not GraphQL
		{"tab escape", `{"query":"{\tpolarisView { id } }"}`, []string{"polarisView@13-24"}},
		{"operationName and variables first", `{"operationName":"M","variables":{"i":{"title":"t"}},"query":"mutation M($i: In!) { createPolarisInsight(input: $i) { id } }"}`, []string{"createPolarisInsight@84-104"}},
		{"alias", `{"query":"{ x: onViewCreated { id } }"}`, []string{"x:onViewCreated@15-28"}},
		{"batch", `[{"query":"{ polarisView { id } }"}, {"query": "{ teams { id } }"}, {"query":"mutation { refreshPolarisSnippets { id } }"}]`, []string{"polarisView@13-24", "refreshPolarisSnippets@89-111"}},
		{"duplicate query keys", `{"query":"{ insight { id } }","query":"{ polarisView { id } }"}`, []string{"insight@12-19", "polarisView@41-52"}},
		{"printf verbs in the query", `{"query":"query { polarisInsights(project: \"%s\") { id } }"}`, []string{"polarisInsights@18-33"}},

		// Malformed JSON.
		{"verb for the variables", `{"query": "{ polarisView(id: $v) { id } }", "variables": %s}`, []string{"polarisView@13-24"}},
		{"verb before the query", `{"variables": %s, "query": "{ polarisView { id } }"}`, nil},
		{"cut by a runtime value", `{"query": "query { polarisInsights(project: \"`, []string{"polarisInsights@19-34!"}},
		{"cut in an escape", `{"query": "query { polarisInsights(project: \`, nil},
		{"cut in a unicode escape", `{"query": "query { polarisInsights(project: \u00`, nil},
		{"cut after the key", `{"query": `, nil},
		{"unclosed object", `{"query": "{ polarisView { id } }"`, []string{"polarisView@13-24"}},
		{"trailing garbage", `{"query": "{ polarisView { id } }"} }}`, []string{"polarisView@13-24"}},
		{"raw newline in the string", "{\"query\": \"{ polarisView\n { id } }\"}", nil},
		{"bad escape", `{"query": "{ \x polarisView { id } }"}`, nil},
		{"single quotes", `{'query': '{ polarisView { id } }'}`, nil},
		{"batch with a bad element", `[{"query":"{ polarisView { id } }"}, 1, {"query":"{ insight { id } }"}]`, []string{"polarisView@13-24"}},

		// Near misses.
		{"not GraphQL", `{"query": "SELECT polarisInsights FROM {t}"}`, nil},
		{"just the name", `{"query": "polarisInsights"}`, nil},
		{"name in description", `{"description": "uses { polarisInsights { id } }", "query": "{ teams { id } }"}`, nil},
		{"query object (search DSL)", `{"query": {"match": {"polarisInsights": "{ x }"}}}`, nil},
		{"query in variables", `{"query": "{ teams { id } }", "variables": {"query": "{ polarisView { id } }"}}`, nil},
		{"nested query member", `{"data": {"query": "{ polarisView { id } }"}}`, nil},
		{"batch nested", `[[{"query": "{ polarisView { id } }"}]]`, nil},
		{"response body", `{"data": {"polarisInsights": [{"id": "1"}]}, "query": null}`, nil},
		{"Query key", `{"Query": "{ polarisView { id } }"}`, nil},
		{"nested field", `{"query": "{ jira { polarisInsights { id } } }"}`, nil},
		{"not JSON", `query { polarisView { id } } # "query"`, nil},
		{"empty", ``, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := foundJSON(t, tc.src, ExtractJSON(tc.src))
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("ExtractJSON(%s) (-want +got):\n%s", tc.src, d)
			}
		})
	}
}

// Every listed operation, marshalled by encoding/json (which escapes <, >
// and & as \u003c and so shifts offsets), is found at its place.
func TestExtractJSONMarshalled(t *testing.T) {
	for _, op := range atlassian.JPDOperations() {
		kind := "query"
		if op.Subscription() {
			kind = "subscription"
		}
		doc := kind + " Q($q: String = \"<a&b>\") {\n\tx: " + op.Name + "(a: $q) { id } }"
		body, err := json.Marshal(map[string]any{"operationName": "Q", "query": doc, "variables": map[string]any{"q": "<b>"}})
		if err != nil {
			t.Fatal(err)
		}
		src := string(body)
		got := foundJSON(t, src, ExtractJSON(src))
		i := strings.Index(src, op.Name)
		want := []string{fmt.Sprintf("x:%s@%d-%d", op.Name, i, i+len(op.Name))}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s in %s (-want +got):\n%s", op.Name, src, d)
		}
	}
}

func TestUnquoteJSON(t *testing.T) {
	for _, raw := range []string{
		``, `plain`, `\"\\\/\b\f\n\r\t`, `\u0041\u00e9\u65e5`, `\ud83d\ude00`, `\ud83d`, `\ud83dx`, `\ude00\ud83d`,
		`\ud83d\u0041`, "\xff\xfe", "é日😀", "\uFFFD", `\u12`, `\uzzzz`, `\`,
	} {
		text, offs := unquoteJSON(raw, 7)
		if want := jsonText(raw); want != "" && text != want {
			t.Errorf("unquoteJSON(%q) = %q, encoding/json %q", raw, text, want)
		}
		if len(offs) != len(text)+1 || offs[len(text)] != 7+len(raw) {
			t.Errorf("unquoteJSON(%q): %d offsets for %d bytes, last %v", raw, len(offs), len(text), offs)
		}
		for i := 1; i < len(offs); i++ {
			if offs[i] < offs[i-1] || offs[i] < 7 || offs[i] > 7+len(raw) {
				t.Errorf("unquoteJSON(%q): offsets %v not increasing within the token", raw, offs)
				break
			}
		}
	}
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`{ polarisInsights(project: "P") { id } }`,
		"query Q($p: ID = \"<&>\") {\n\tx: polarisView(id: $p) { id } }",
		`{ a: teams(q: "日本\u0000") { id } x: onViewCreated { id } }`,
		`query { polarisInsights(project: `,
		"{\uFEFF insight { id } }",
		`{"query": "{ polarisView { id } }"}`,
		`[{"query": "{ \u0070olarisView { id } }"}, {"query": "{ insight { id } }"}]`,
		`{"query": "query { polarisInsights(project: \"`,
		`{"query": "{ polarisView { id } }", "variables": %s}`,
		`{"query": "{ teams(q: \"\ud83d\") { id } insight { id } }"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		// As a JSON body: no crash, ranges hold the names, in order.
		uses := ExtractJSON(src)
		last := -1
		for _, u := range uses {
			if u.Offset <= last || u.Offset < 0 || u.End > len(src) || u.Offset >= u.End {
				t.Fatalf("bad range [%d, %d) after %d in %d bytes", u.Offset, u.End, last, len(src))
			}
			last = u.Offset
			if got := jsonText(src[u.Offset:u.End]); got != u.Op.Name {
				t.Fatalf("range [%d, %d) of %s holds %q", u.Offset, u.End, u.Op.Name, src[u.Offset:u.End])
			}
		}
		if len(uses) > 0 && !strings.Contains(src, `"query"`) {
			t.Fatalf("gate bypassed: %v", uses)
		}
		// As a GraphQL document wrapped in a body by encoding/json: the same
		// uses as the document alone, at the same names.
		if !utf8Valid(src) {
			return // json.Marshal would replace bytes and shift the document
		}
		body, err := json.Marshal(map[string]string{"query": src})
		if err != nil {
			t.Fatal(err)
		}
		direct, wrapped := Extract(src), ExtractJSON(string(body))
		if len(direct) != len(wrapped) {
			t.Fatalf("%d uses in the document, %d in %s", len(direct), len(wrapped), body)
		}
		for i := range direct {
			d, w := direct[i], wrapped[i]
			if d.Op.Name != w.Op.Name || d.Alias != w.Alias || d.Malformed != w.Malformed {
				t.Fatalf("use %d: %+v in the document, %+v in the body", i, d, w)
			}
			if got := jsonText(string(body[w.Offset:w.End])); got != w.Op.Name {
				t.Fatalf("range [%d, %d) of %s in the body holds %q", w.Offset, w.End, w.Op.Name, body[w.Offset:w.End])
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// Large and deep bodies cost time linear in their size, and the uses
// before a limit still count.
func TestExtractJSONHuge(t *testing.T) {
	var batch strings.Builder
	batch.WriteString(`[{"query": "{ polarisView { id } }"}`)
	for batch.Len() < 2<<20 {
		batch.WriteString(`, {"query": "{ teams { id } }", "variables": {"a": [1, 2, {"b": "c"}]}}`)
	}
	batch.WriteString(`, {"query": "{ insight { id } }"}]`)
	longString := `{"description": "` + strings.Repeat(`\"polarisView\" `, 300_000) + `", "query": "{ insight { id } }"}`
	for name, tc := range map[string]struct {
		src  string
		want []string
	}{
		// The batch limit stops before the last element.
		"long batch":     {batch.String(), []string{"polarisView@14-25"}},
		"deep variables": {`{"query": "{ polarisView { id } }", "variables": ` + strings.Repeat(`{"a": [`, 100_000) + `]}}`, []string{"polarisView@13-24"}},
		"deep array":     {strings.Repeat("[", 1_000_000) + `{"query": "{ polarisView { id } }"}`, nil},
		// Past Extract's token limit: the fields before it count.
		"long query":  {`{"query": "{ polarisView { id } ` + strings.Repeat(`t: teams(q: \"\u00e9\\n\") { id } `, 100_000) + `}"}`, []string{"polarisView@13-24!"}},
		"long string": {longString, []string{fmt.Sprintf("insight@%d-%d", strings.LastIndex(longString, "insight"), strings.LastIndex(longString, "insight")+7)}},
	} {
		t.Run(name, func(t *testing.T) {
			got := foundJSON(t, tc.src, ExtractJSON(tc.src))
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func BenchmarkExtractJSON(b *testing.B) {
	body := `{"operationName":"Insights","variables":{"project":"P","view":"V"},"query":"query Insights($project: ID!, $view: ID!) {\n  teams { id name }\n  ins: polarisInsights(project: $project) { id snippets { id data } }\n  polarisView(id: $view) { id name fields { id label } }\n}"}`
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if len(ExtractJSON(body)) != 2 {
			b.Fatal("want 2 uses")
		}
	}
}

// The gate: a JSON document without a "query" key is never decoded.
func BenchmarkExtractJSONGated(b *testing.B) {
	s := strings.Repeat(`{"key": "value", "polarisInsights": [1, 2, 3]} `, 30)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if ExtractJSON(s) != nil {
			b.Fatal("gated string decoded")
		}
	}
}
