package jpdgraphql

import (
	"strings"
	"unicode/utf8"

	gql "github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/atlint/atlint/atlassian"
)

// A Use is one listed operation used as a root field of a GraphQL document.
type Use struct {
	Op     atlassian.JPDOperation
	Offset int    // byte offset of the field name (not its alias) in the document
	End    int    // byte offset just after the name (past escapes, for ExtractJSON)
	Alias  string // the alias, "" when there is none
	// Malformed is true when the document has a syntax error (after the
	// field: fields after the error are never reported).
	Malformed bool
}

// maxTokens bounds the work spent on one document. Root fields parsed before
// the limit still count (as in a malformed document).
const maxTokens = 200_000

// Extract returns the listed JPD operations that the GraphQL document src
// uses as root fields of a query, mutation or subscription: directly, under
// an alias, in an inline fragment of the root selection set, or in a named
// fragment spread there (or defined on Query, Mutation or Subscription).
// Fields nested below a root field never count.
//
// printf verbs (%s, %q, %[1]d, %%) are masked with same-length placeholders
// first, so a fmt.Sprintf format still parses and offsets stay exact.
//
// A malformed document (a syntax error, a truncated piece of a runtime
// concatenation, a format whose verb stands for syntax) yields the root
// fields parsed before the first error: they are visibly named at the root of
// something that begins like a GraphQL document. Nothing after the error is
// trusted. A string that does not begin like a GraphQL document (prose, JSON,
// a Go identifier) yields nothing.
//
// Uses are in document order, one per field occurrence.
func Extract(src string) []Use {
	if !strings.Contains(src, "{") || !atlassian.MayNameJPDOperation(src) {
		return nil
	}
	text := maskVerbs(src)
	doc, err := parser.ParseQueryWithTokenLimit(&gql.Source{Input: text}, maxTokens)
	if doc == nil {
		return nil
	}
	w := walker{doc: doc, text: text, malformed: err != nil, seen: map[int]bool{}}
	w.ascii = isASCII(text)
	for _, op := range doc.Operations {
		if op != nil {
			w.selections(op.SelectionSet)
		}
	}
	// A fragment on a root type is root even when this document does not
	// spread it (fragments are often kept apart and concatenated later).
	for _, f := range doc.Fragments {
		if f == nil || w.done[f.Name] {
			continue
		}
		switch f.TypeCondition {
		case "Query", "Mutation", "Subscription":
			w.fragment(f)
		}
	}
	sortUses(w.uses)
	return w.uses
}

type walker struct {
	doc       *gql.QueryDocument
	text      string
	ascii     bool
	malformed bool
	seen      map[int]bool    // reported offsets
	done      map[string]bool // fragments walked as root
	uses      []Use
}

func (w *walker) selections(set gql.SelectionSet) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *gql.Field:
			w.field(s)
		case *gql.InlineFragment:
			// An inline fragment in a root selection set is on the root type.
			w.selections(s.SelectionSet)
		case *gql.FragmentSpread:
			if f := w.doc.Fragments.ForName(s.Name); f != nil {
				w.fragment(f)
			}
		}
	}
}

func (w *walker) fragment(f *gql.FragmentDefinition) {
	if w.done == nil {
		w.done = map[string]bool{}
	}
	if w.done[f.Name] {
		return // spread twice, or a cycle
	}
	w.done[f.Name] = true
	w.selections(f.SelectionSet)
}

func (w *walker) field(f *gql.Field) {
	if f == nil || f.Position == nil {
		return
	}
	op, ok := atlassian.LookupJPDOperation(f.Name)
	if !ok {
		return
	}
	start := w.byteOffset(f.Position.Start)
	off, alias := nameOffset(w.text, start)
	if off < 0 || !strings.HasPrefix(w.text[off:], f.Name) || w.seen[off] {
		return
	}
	w.seen[off] = true
	w.uses = append(w.uses, Use{Op: op, Offset: off, End: off + len(f.Name), Alias: alias, Malformed: w.malformed})
}

// byteOffset converts the parser's rune offset into a byte offset.
func (w *walker) byteOffset(runes int) int {
	if w.ascii {
		return min(runes, len(w.text))
	}
	n := 0
	for i := range w.text {
		if n == runes {
			return i
		}
		n++
	}
	return len(w.text)
}

// nameOffset returns the offset of a field's name given the offset of its
// first token (the alias when there is one) and the alias.
func nameOffset(text string, start int) (int, string) {
	end := start
	for end < len(text) && isNameByte(text[end], end > start) {
		end++
	}
	if end == start {
		return -1, ""
	}
	i := skipIgnored(text, end)
	if i >= len(text) || text[i] != ':' {
		return start, ""
	}
	j := skipIgnored(text, i+1)
	return j, text[start:end]
}

// skipIgnored skips GraphQL's ignored tokens: white space, line terminators,
// commas, the byte order mark and # comments.
func skipIgnored(text string, i int) int {
	for i < len(text) {
		switch c := text[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' && text[i] != '\r' {
				i++
			}
		case strings.HasPrefix(text[i:], "\uFEFF"):
			i += len("\uFEFF")
		default:
			return i
		}
	}
	return i
}

func isNameByte(c byte, notFirst bool) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || notFirst && '0' <= c && c <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func sortUses(us []Use) {
	// Insertion sort: documents name few operations.
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && us[j].Offset < us[j-1].Offset; j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

// maskVerbs replaces fmt verbs (%s, %-10q, %[2]*.3f, %%) with runs of '_'
// (%% with two spaces) of the same length: a verb in a name or value
// position becomes a name, one inside a GraphQL string stays inside it, and
// every byte offset is unchanged. Text without '%' is returned as is.
func maskVerbs(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] != '%' {
			continue
		}
		n := verbLen(s[i:])
		if n == 0 {
			continue
		}
		fill := byte('_')
		if s[i+n-1] == '%' {
			fill = ' '
		}
		for k := i; k < i+n; k++ {
			b[k] = fill
		}
		i += n - 1
	}
	return string(b)
}

// verbLen returns the length of the fmt verb at the start of s ("%..."),
// or 0 when s does not start with one.
func verbLen(s string) int {
	i := 1
	for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
		i++
	}
	argIndex := func() {
		if i < len(s) && s[i] == '[' {
			j := i + 1
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				j++
			}
			if j < len(s) && s[j] == ']' && j > i+1 {
				i = j + 1
			}
		}
	}
	number := func() {
		if i < len(s) && s[i] == '*' {
			i++
			return
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	argIndex()
	number()
	if i < len(s) && s[i] == '.' {
		i++
		argIndex()
		number()
	}
	argIndex()
	if i < len(s) {
		c := s[i]
		if c == '%' && i == 1 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return i + 1
		}
	}
	return 0
}
