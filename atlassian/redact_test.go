package atlassian

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "…"},
		{"abcd", "…"},
		{"abcdefgh", "ab…gh"},
		{"abcdefghijklmnop", "abcd…mnop"},
		{"ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz=0123ABCD", "ATATT3xF…ABCD"},
		{"ééééééééééééééééééééé", "éééééééé…éééé"},
	} {
		got := Redact(tc.in)
		if got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(tc.in) > 4 && strings.Contains(got, tc.in) {
			t.Errorf("Redact(%q) = %q contains the whole secret", tc.in, got)
		}
	}
}
