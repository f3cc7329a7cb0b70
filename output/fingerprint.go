package output

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/atlint/atlint/atlassian"
)

// Fingerprint returns the fingerprint of the first finding of its rule on
// a line with its text in its file; see the package documentation. Use
// SetFingerprints for a set of findings: it numbers identical lines.
func Fingerprint(f Finding) string { return fingerprint(f, 0) }

func fingerprint(f Finding, occurrence int) string {
	h := sha256.New()
	h.Write([]byte("atlint-fingerprint/1\x00"))
	h.Write([]byte(f.RuleID))
	h.Write([]byte{0})
	h.Write([]byte(filepath.ToSlash(f.Pos.File)))
	h.Write([]byte{0})
	h.Write([]byte(NormalizeLine(f.LineText)))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(occurrence)))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// SetFingerprints fills the Fingerprint of every finding. Findings with
// the same rule, file and normalized line text are numbered in order of
// position, so the second of two identical lines has its own fingerprint.
func SetFingerprints(fs []Finding) {
	type key struct{ rule, file, line string }
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return comparePos(&fs[a], &fs[b]) })
	seen := map[key]int{}
	for _, i := range order {
		f := &fs[i]
		k := key{f.RuleID, filepath.ToSlash(f.Pos.File), NormalizeLine(f.LineText)}
		f.Fingerprint = fingerprint(*f, seen[k])
		seen[k]++
	}
}

// withFingerprints returns fs sorted by position, with fingerprints
// filled where the driver left them empty. fs is not modified.
func withFingerprints(fs []Finding) []Finding {
	out := slices.Clone(fs)
	missing := false
	for i := range out {
		if out[i].Fingerprint == "" {
			missing = true
		}
	}
	if missing {
		SetFingerprints(out)
	}
	slices.SortStableFunc(out, func(a, b Finding) int { return comparePos(&a, &b) })
	return out
}

func comparePos(a, b *Finding) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Message, b.Message),
	)
}

// redactedMarker replaces secret-looking runs in normalized line text.
const redactedMarker = "<secret>"

// NormalizeLine returns the line text a fingerprint hashes: leading and
// trailing white space dropped, inner runs collapsed to one space, and
// anything that looks like a secret (a credential atlassian.ScanContext
// recognizes, or a long run of token characters that mixes letters and
// digits) replaced by a fixed marker. Rotating a hard-coded token or
// re-indenting the line keeps the fingerprint, and the hash reveals
// nothing about the secret.
func NormalizeLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = replaceSecrets(s, func(string) string { return redactedMarker }, 20)
	return s
}

// Scrub returns s with every credential in it redacted
// (atlassian.Redact): credentials atlassian.ScanContext recognizes, and
// long runs of token characters that mix upper and lower case letters and
// digits. The writers pass every message through it, so a rule that
// slipped a whole secret into a message still prints none.
func Scrub(s string) string {
	return replaceSecrets(s, atlassian.Redact, 24)
}

// ScrubPath returns a file name, package path or pattern with the
// credentials atlassian.ScanContext recognizes in it redacted. Unlike
// Scrub it leaves other long mixed-case runs alone: directory names such
// as TestParseFlags1234567/001 stay readable for editors and people.
func ScrubPath(p string) string {
	ms := atlassian.ScanContext(p)
	for i := len(ms) - 1; i >= 0; i-- {
		p = p[:ms[i].Start] + atlassian.Redact(ms[i].Token) + p[ms[i].End:]
	}
	return p
}

// SecretSpans returns the byte ranges [start, end) of s that Scrub
// redacts, in order, without overlaps.
func SecretSpans(s string) [][2]int {
	var out [][2]int
	replaceSecrets(s, func(string) string { return "" }, 24, func(start, end int) {
		if n := len(out); n > 0 && start < out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], end)
			return
		}
		out = append(out, [2]int{start, end})
	})
	return out
}

// replaceSecrets replaces credentials and secret-looking runs of at least
// minRun token characters; each replaced span is passed to the optional
// visit.
func replaceSecrets(s string, repl func(secret string) string, minRun int, visit ...func(start, end int)) string {
	if len(s) < 20 {
		return s // shorter than any credential
	}
	type span struct{ start, end int }
	var spans []span
	for _, m := range atlassian.ScanContext(s) {
		spans = append(spans, span{m.Start, m.End})
	}
	// Runs of token characters (base64, base64url, '=' padding, '%').
	for i := 0; i < len(s); {
		if !isTokenChar(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isTokenChar(s[j]) {
			j++
		}
		if j-i >= minRun && secretSegment(s[i:j]) {
			spans = append(spans, span{i, j})
		}
		i = j
	}
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp.start < last { // overlaps one already replaced
			if sp.end > last {
				last = sp.end
				for _, v := range visit {
					v(sp.start, sp.end)
				}
			}
			continue
		}
		b.WriteString(s[last:sp.start])
		b.WriteString(repl(s[sp.start:sp.end]))
		for _, v := range visit {
			v(sp.start, sp.end)
		}
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// secretSegment reports whether a slash-separated element of run has at
// least 20 characters and mixes upper and lower case letters and digits.
// A base64 secret of 24 characters or more always has such an element; a
// URL path (/ex/jira/<uuid>/rest/api/3/issue/PROJ-123) does not.
func secretSegment(run string) bool {
	for seg := range strings.SplitSeq(run, "/") {
		if len(seg) < 20 {
			continue
		}
		var upper, lower, digit bool
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			upper = upper || 'A' <= c && c <= 'Z'
			lower = lower || 'a' <= c && c <= 'z'
			digit = digit || '0' <= c && c <= '9'
		}
		if upper && lower && digit {
			return true
		}
	}
	return false
}

func isTokenChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '%' || c == '\\'
}
