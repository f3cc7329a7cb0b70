package jpdgraphql

import (
	"encoding/json"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/atlint/atlint/atlassian"
)

// ExtractJSON returns the listed operations used by the GraphQL documents
// of a GraphQL-over-HTTP request body written as JSON text: an object with
// a string member "query" ({"query": "...", "variables": {...},
// "operationName": "..."}), or an array of such objects (a batch). Each
// "query" string is decoded with encoding/json and read with Extract; the
// offsets of the uses are mapped back through the JSON escapes (\", \n,
// \u0070, surrogate pairs) to byte offsets in src, and End is the offset
// just after the name in src.
//
// Only "query" members of the top-level object, or of the objects of a
// top-level array, count: a "query" nested deeper (a variable) or one whose
// value is not a string (a search DSL) does not, and neither does a listed
// name in any other member ("description", "variables").
//
// Malformed JSON yields the "query" strings decoded before the first
// syntax error (a fmt.Sprintf format whose verb stands for the variables
// object still counts: the document itself is whole). A "query" string cut
// by the end of src (the constant piece before a runtime value) is decoded
// as far as it goes and read like a truncated document (Malformed is set).
// Anything else yields nothing, and the caller falls back to Extract.
func ExtractJSON(src string) []Use {
	if !mayBeJSONBody(src) {
		return nil
	}
	s := jsonScan{src: src, dec: json.NewDecoder(strings.NewReader(src))}
	s.run()
	return s.uses
}

// mayBeJSONBody is ExtractJSON's cheap gate: src begins like a JSON object
// or array and contains a "query" key and a listed name.
func mayBeJSONBody(src string) bool {
	i := skipJSONSpace(src, 0)
	return i < len(src) && (src[i] == '{' || src[i] == '[') &&
		strings.Contains(src, `"query"`) && atlassian.MayNameJPDOperation(src)
}

// maxBatch bounds the objects of a batch that are read.
const maxBatch = 1000

type jsonScan struct {
	src  string
	dec  *json.Decoder
	uses []Use
}

func (s *jsonScan) run() {
	tok, err := s.dec.Token()
	if err != nil {
		return
	}
	switch tok {
	case json.Delim('{'):
		s.object()
	case json.Delim('['):
		for n := 0; n < maxBatch; n++ {
			tok, err := s.dec.Token()
			if err != nil || tok != json.Delim('{') {
				return // the end of the batch, an error, or not a batch of objects
			}
			if !s.object() {
				return
			}
		}
	}
}

// object reads the members of an object whose '{' has been read, through
// its '}'. It returns false on a syntax error.
func (s *jsonScan) object() bool {
	for {
		tok, err := s.dec.Token()
		if err != nil {
			return false
		}
		key, ok := tok.(string)
		if !ok {
			return tok == json.Delim('}')
		}
		keyEnd := int(s.dec.InputOffset())
		if key != "query" {
			if !s.skipValue() {
				return false
			}
			continue
		}
		tok, err = s.dec.Token()
		if err != nil {
			s.truncated(keyEnd)
			return false
		}
		switch v := tok.(type) {
		case string:
			s.query(keyEnd, int(s.dec.InputOffset())-1, v, false)
		case json.Delim:
			if !s.skipNested() {
				return false
			}
		}
	}
}

// skipValue skips one member value.
func (s *jsonScan) skipValue() bool {
	tok, err := s.dec.Token()
	if err != nil {
		return false
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return s.skipNested()
	}
	return true
}

// skipNested skips the rest of an object or array whose opening delimiter
// has been read.
func (s *jsonScan) skipNested() bool {
	for depth := 1; depth > 0; {
		tok, err := s.dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return true
}

// query reads the value of a "query" member that encoding/json decoded as
// want: the string whose opening quote is the first byte after keyEnd's
// colon and whose text ends at rawEnd (its closing quote, or the end of a
// cut document).
func (s *jsonScan) query(keyEnd, rawEnd int, want string, malformed bool) {
	start := s.valueStart(keyEnd)
	if start < 0 || start >= rawEnd {
		return
	}
	text, offs := unquoteJSON(s.src[start+1:rawEnd], start+1)
	if text != want {
		return // not decoded as encoding/json does: positions would be wrong
	}
	for _, u := range Extract(text) {
		u.Offset, u.End = offs[u.Offset], offs[u.Offset+len(u.Op.Name)]
		u.Malformed = u.Malformed || malformed
		s.uses = append(s.uses, u)
	}
}

// valueStart returns the offset of the opening quote of the string value
// of the member whose key ends at keyEnd, or -1 when the value is not a
// string.
func (s *jsonScan) valueStart(keyEnd int) int {
	i := skipJSONSpace(s.src, keyEnd)
	if i >= len(s.src) || s.src[i] != ':' {
		return -1
	}
	i = skipJSONSpace(s.src, i+1)
	if i >= len(s.src) || s.src[i] != '"' {
		return -1
	}
	return i
}

// truncated handles a syntax error right after the "query" key: when the
// value is a string that the end of src cuts (no closing quote), the text
// up to there is decoded as if it were closed.
func (s *jsonScan) truncated(keyEnd int) {
	start := s.valueStart(keyEnd)
	if start < 0 {
		return
	}
	for j := start + 1; j < len(s.src); j++ {
		switch s.src[j] {
		case '\\':
			j++
		case '"':
			return // a closed string: the error is elsewhere
		}
	}
	var v string
	if json.Unmarshal([]byte(s.src[start:]+`"`), &v) != nil {
		return // a cut escape, a control character
	}
	s.query(keyEnd, len(s.src), v, true)
}

func skipJSONSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// unquoteJSON decodes raw, the text of a JSON string between its quotes,
// that starts at byte base of the document. It returns the decoded text and,
// for each byte of it, the document offset of the escape or character that
// produced it, plus one more entry: base+len(raw), the closing quote. An
// invalid byte becomes U+FFFD, as encoding/json decodes it; a malformed
// escape ends the text (the caller compares it with encoding/json's).
func unquoteJSON(raw string, base int) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(raw)+1)
	emit := func(r rune, at int) {
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			offs = append(offs, base+at)
		}
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			switch e := raw[i+1]; e {
			case '"', '\\', '/':
				emit(rune(e), i)
				i += 2
			case 'b', 'f', 'n', 'r', 't':
				emit(rune("\b\f\n\r\t"[strings.IndexByte("bfnrt", e)]), i)
				i += 2
			case 'u':
				r := hex4(raw, i+2)
				if r < 0 {
					return b.String(), append(offs, base+len(raw))
				}
				n := 6
				if utf16.IsSurrogate(r) {
					// A pair, else U+FFFD for the lone half, as
					// encoding/json decodes them.
					d := utf8.RuneError
					if strings.HasPrefix(raw[i+6:], `\u`) {
						d = utf16.DecodeRune(r, hex4(raw, i+8))
					}
					r = d
					if d != utf8.RuneError {
						n = 12
					}
				}
				emit(r, i)
				i += n
			default:
				return b.String(), append(offs, base+len(raw))
			}
		case c < utf8.RuneSelf:
			emit(rune(c), i)
			i++
		default:
			r, n := utf8.DecodeRuneInString(raw[i:])
			emit(r, i) // RuneError for an invalid byte, as encoding/json does
			i += n
		}
	}
	return b.String(), append(offs, base+len(raw))
}

// hex4 returns the value of the four hex digits at raw[i:], or -1.
func hex4(raw string, i int) rune {
	if i < 0 || i+4 > len(raw) {
		return -1
	}
	var r rune
	for _, c := range []byte(raw[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
