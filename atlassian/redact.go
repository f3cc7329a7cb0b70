package atlassian

import "unicode/utf8"

// Redact returns a form of secret that is safe to print: a known prefix (up
// to 8 characters, fewer for short values) and the last 4 characters,
// joined by an ellipsis. Values of 12 characters or fewer keep no more than
// 2 characters at each end. Redact never returns the whole secret.
func Redact(secret string) string {
	n := utf8.RuneCountInString(secret)
	head, tail := 8, 4
	switch {
	case n <= 4:
		return "…"
	case n <= 12:
		head, tail = 2, 2
	case n <= 20:
		head = 4
	}
	r := []rune(secret)
	return string(r[:head]) + "…" + string(r[n-tail:])
}
