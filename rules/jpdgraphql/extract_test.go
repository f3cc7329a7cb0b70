package jpdgraphql

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/atlassian"
)

// found renders uses as "name@offset" (with "!" when malformed) and checks
// that every offset really points at the name.
func found(t *testing.T, src string, uses []Use) []string {
	t.Helper()
	var out []string
	for _, u := range uses {
		if !strings.HasPrefix(src[u.Offset:], u.Op.Name) {
			t.Errorf("offset %d of %s points at %.20q", u.Offset, u.Op.Name, src[u.Offset:])
		}
		s := fmt.Sprintf("%s@%d", u.Op.Name, u.Offset)
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

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"shorthand", `{ polarisInsights(project: "P") { id } }`, []string{"polarisInsights@2"}},
		{"named query", "query Q($p: ID!) {\n  polarisInsights(project: $p) { id }\n}", []string{"polarisInsights@21"}},
		{"mutation", `mutation { createPolarisInsight(input: {}) { id } }`, []string{"createPolarisInsight@11"}},
		{"subscription", `subscription S { onInsightCreated(projectId: "1") { id } }`, []string{"onInsightCreated@17"}},
		{"alias", `{ ins: polarisInsights(project: "P") { id } }`, []string{"ins:polarisInsights@7"}},
		{"alias with comment and commas", "{ ins , # c\n : polarisInsight(id: 1) { id } }", []string{"ins:polarisInsight@15"}},
		{"alias same as name", `{ insight: insight(id: 1) { id } }`, []string{"insight:insight@11"}},
		{"alias that is a listed name", `{ polarisView: teams { id } }`, nil},
		{"several", `{ a: polarisView(id: 1) { id } polarisProject(id: 2) { id } teams { id } }`, []string{"a:polarisView@5", "polarisProject@31"}},
		{"inline fragment on root", `query { ... on Query { polarisLabels(projectId: 1) { id } } }`, []string{"polarisLabels@23"}},
		{"inline fragment without type", `query { ... @include(if: true) { polarisLabels { id } } }`, []string{"polarisLabels@33"}},
		{"fragment spread", "query { ...F }\nfragment F on Query { polarisProject(id: 1) { id } }", []string{"polarisProject@37"}},
		{"fragment defined first", "fragment F on Query { insight(id: 1) { id } }\nquery { ...F }", []string{"insight@22"}},
		{"fragment spread twice", "query { ...F ...F }\nfragment F on Query { insight { id } }", []string{"insight@42"}},
		{"fragment cycle", "query { ...F }\nfragment F on Query { ...G insight { id } }\nfragment G on Query { ...F }", []string{"insight@42"}},
		{"unused fragment on root type", "fragment F on Mutation { refreshPolarisSnippets(a: 1) { id } }", []string{"refreshPolarisSnippets@25"}},
		{"unused fragment on other type", "fragment F on JiraIssue { insight { id } }", nil},
		{"nested field", `{ jira { issue(id: 1) { insight { id } } } }`, nil},
		{"nested polaris field", `{ jira { polarisInsights { id } } }`, nil},
		{"fragment spread nested", "query { jira { ...F } }\nfragment F on JiraQuery { polarisInsights { id } }", nil},
		{"other gateway fields", `{ teams { id } compass { id } identity { id } }`, nil},
		{"name in string argument", `{ teams(filter: "polarisInsights { x }") { id } }`, nil},
		{"name in comment", "{ # polarisInsights\n teams { id } }", nil},
		{"name in description", `"""polarisInsights""" query { teams { id } }`, nil},
		{"name in variable", `query ($polarisInsights: ID) { teams(id: $polarisInsights) { id } }`, nil},
		{"case differs", `{ PolarisInsights { id } }`, nil},
		{"prefix of a longer name", `{ polarisInsightsCount { id } }`, nil},
		{"printf verbs", `query { polarisInsights(project: %q, first: %d) { %s } }`, []string{"polarisInsights@8"}},
		{"printf verb as alias", `query { %s: polarisView(id: %[1]q) { id } }`, []string{"__:polarisView@12"}},
		{"printf verb glued to name", `query { polarisView%s { id } }`, nil},
		{"percent literal", `query { polarisView(filter: "100%") { id } }`, []string{"polarisView@8"}},
		{"unicode before", `{ teams(q: "héé") { id } polarisView { id } }`, []string{"polarisView@27"}},
		{"unicode alias", "{ a: teams(q: \"日本\") { id }\n x: onViewCreated { id } }", []string{"x:onViewCreated@35"}},

		// Malformed documents: root fields before the first error count.
		{"truncated concatenation piece", `query { polarisInsights(project: `, []string{"polarisInsights@8!"}},
		{"verb for arguments", `query { polarisInsights(%s) { id } }`, []string{"polarisInsights@8!"}},
		{"error before the name", `query { ( polarisInsights { id } }`, nil},
		{"field after an error", `{ teams(: ) polarisInsights { id } }`, nil},
		{"unclosed", `{ polarisInsights { id }`, []string{"polarisInsights@2!"}},
		{"two operations then garbage", `{ insight { id } } } polarisView`, []string{"insight@2!"}},

		// Not GraphQL.
		{"prose", `call polarisInsights { with a token }`, nil},
		{"json", `{"polarisInsights": {"id": 1}}`, nil},
		{"json with query", `{"query": "{ polarisInsights { id } }"}`, nil},
		{"go code", `func polarisInsights() { return }`, nil},
		{"no brace", `polarisInsights`, nil},
		{"empty", ``, nil},
		{"only braces", `{{{{`, nil},
		{"deep nesting", strings.Repeat("{", 5000) + "polarisInsights", nil},
		{"bad escapes", "{ teams(q: \"\\u00zz polarisInsights\") { id } }", nil},
		{"nul bytes", "{ polarisInsights\x00 { id } }", []string{"polarisInsights@2!"}},
		{"invalid utf8", "{ \xff polarisInsights { id } }", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := found(t, tc.src, Extract(tc.src))
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("Extract(%q) (-want +got):\n%s", tc.src, d)
			}
		})
	}
}

func TestExtractEveryOperation(t *testing.T) {
	for _, op := range atlassian.JPDOperations() {
		kind := "query"
		if op.Subscription() {
			kind = "subscription"
		}
		src := kind + " { x: " + op.Name + "(a: 1) { id } }"
		got := found(t, src, Extract(src))
		want := []string{fmt.Sprintf("x:%s@%d", op.Name, len(kind)+6)}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", op.Name, d)
		}
	}
}

func TestExtractHugeDocument(t *testing.T) {
	// Far more tokens than the limit: the fields before it still count and
	// nothing crashes.
	var b strings.Builder
	b.WriteString("query { polarisProject(id: 1) { id } ")
	for i := 0; b.Len() < 4<<20; i++ {
		fmt.Fprintf(&b, "f%d: teams { id } ", i)
	}
	b.WriteString("insight { id } }")
	src := b.String()
	got := found(t, src, Extract(src))
	want := []string{"polarisProject@8!"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestMaskVerbs(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "",
		"no verbs":              "no verbs",
		"%s":                    "__",
		"a%-10qb":               "a_____b",
		"%[2]*.3f":              "________",
		"100%%":                 "100  ",
		"%":                     "%",
		`"50%"`:                 `"50%"`,
		"%!":                    "%!",
		"x: %v, y: %+v, z: %#x": "x: __, y: ___, z: ___",
	} {
		if got := maskVerbs(in); got != want {
			t.Errorf("maskVerbs(%q) = %q, want %q", in, got, want)
		}
		if len(maskVerbs(in)) != len(in) {
			t.Errorf("maskVerbs(%q) changed the length", in)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`{ polarisInsights(project: "P") { id } }`,
		"query { ...F }\nfragment F on Query { polarisProject(id: 1) { id } }",
		`query { %s: polarisView(id: %[1]q) { id } }`,
		`{ ins , # c
 : polarisInsight(id: 1) { id } }`,
		`subscription { onViewSetDeleted { id } }`,
		`{ a: teams(q: "日本") { id } x: onViewCreated { id } }`,
		`query { polarisInsights(project: `,
		"{\uFEFF insight { id } }",
		`{"query": "{ polarisView { id } }", "variables": {}}`,
		`[{"query": "mutation { createPolarisInsight { id } }"}]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		uses := Extract(src)
		last := -1
		for _, u := range uses {
			if u.Offset <= last {
				t.Fatalf("offsets not increasing: %v", uses)
			}
			last = u.Offset
			if u.Offset < 0 || u.Offset+len(u.Op.Name) > len(src) {
				t.Fatalf("offset %d out of range for %s in %d bytes", u.Offset, u.Op.Name, len(src))
			}
			// The name is at the offset, unless a masked verb produced it.
			if got := maskVerbs(src)[u.Offset:][:len(u.Op.Name)]; got != u.Op.Name {
				t.Fatalf("offset %d points at %q, not %s", u.Offset, got, u.Op.Name)
			}
			if _, ok := atlassian.LookupJPDOperation(u.Op.Name); !ok {
				t.Fatalf("unlisted operation %q", u.Op.Name)
			}
		}
		if len(uses) > 0 && (!strings.Contains(src, "{") || !atlassian.MayNameJPDOperation(src)) {
			t.Fatalf("gate bypassed: %v", uses)
		}
	})
}
