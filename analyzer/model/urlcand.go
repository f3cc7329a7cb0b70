package model

import (
	"go/ast"
	"strings"
)

// A Candidate is one candidate value of a URL expression, as
// [Result.URLCandidates] evaluates it: its template, where each byte of
// the template is written, and whether the value depends on a test file.
type Candidate struct {
	// Template is the value with a [Hole] for each part that is not
	// constant, as in [URL.Template].
	Template string
	// Segs cover Template byte by byte, in order: what writes each run
	// of bytes. Their N add up to len(Template).
	Segs []Seg
	// Test is set when any part of the value comes from a _test.go file
	// or from testdata: a site URL that only tests supply says something
	// about the tests, not about the code they call.
	Test bool
}

// A Seg is a run of N bytes of a [Candidate]'s template: the value bytes
// [Off, Off+N) of the string literal Lit, or a [Hole] (Hole set, Lit nil),
// or constant bytes that no single literal of the package writes (Lit nil:
// a separator the evaluation adds, such as the "://" of a url.URL or the
// "/" of url.JoinPath, a struct tag default, a constant of another
// package). Off is an offset in the literal's value; [LitOffset] maps it
// to the literal's source text.
type Seg struct {
	Lit  *ast.BasicLit
	Off  int
	N    int
	Hole bool
}

// Prefix returns the constant beginning of the candidate: the template up
// to its first hole, and whether that is the whole template. A hole inside
// the host ("https://{}.atlassian.net/rest") does not end the prefix: the
// site domain written after it is known.
func (c Candidate) Prefix() (string, bool) {
	at := 0
	for _, s := range c.Segs {
		if s.Hole && !inHost(c.Template[:at]) {
			return c.Template[:at], false
		}
		at += s.N
	}
	return c.Template, true
}

// inHost reports whether a URL that starts with s continues in its host:
// s has a scheme and nothing after the authority's start ends it.
func inHost(s string) bool {
	i := strings.Index(s, "://")
	return i > 0 && !strings.ContainsAny(s[i+3:], "/?#")
}

// LitAt returns the literal that writes the first n bytes of the template
// by itself, and the value offset of byte 0 in it; nil when no single
// literal does.
func (c Candidate) LitAt(n int) (*ast.BasicLit, int) {
	if len(c.Segs) == 0 || c.Segs[0].Lit == nil || c.Segs[0].N < n {
		return nil, 0
	}
	return c.Segs[0].Lit, c.Segs[0].Off
}

// slice returns bytes [i, j) of c.
func (c Candidate) slice(i, j int) Candidate {
	out := Candidate{Template: c.Template[i:j], Test: c.Test}
	if c.Segs == nil || i == j {
		return out
	}
	at := 0
	for _, s := range c.Segs {
		lo, hi := max(i, at), min(j, at+s.N)
		if lo < hi {
			off := s.Off
			if s.Lit != nil {
				off += lo - at
			}
			out.Segs = append(out.Segs, Seg{Lit: s.Lit, Off: off, N: hi - lo, Hole: s.Hole})
		}
		at += s.N
		if at >= j {
			break
		}
	}
	return out
}

// join concatenates two candidates, merging a hole that ends a with one
// that starts b.
func join(a, b Candidate) Candidate {
	if strings.HasSuffix(a.Template, Hole) && strings.HasPrefix(b.Template, Hole) {
		b = b.slice(len(Hole), len(b.Template))
	}
	c := Candidate{Template: a.Template + b.Template, Test: a.Test || b.Test}
	if len(a.Segs)+len(b.Segs) > 0 {
		c.Segs = make([]Seg, 0, len(a.Segs)+len(b.Segs))
		c.Segs = append(append(c.Segs, a.Segs...), b.Segs...)
	}
	return c
}

// trimLeft and trimRight remove the bytes in cutset from either end.
func trimLeft(c Candidate, cutset string) Candidate {
	t := strings.TrimLeft(c.Template, cutset)
	if len(t) == len(c.Template) {
		return c
	}
	return c.slice(len(c.Template)-len(t), len(c.Template))
}

func trimRight(c Candidate, cutset string) Candidate {
	t := strings.TrimRight(c.Template, cutset)
	if len(t) == len(c.Template) {
		return c
	}
	return c.slice(0, len(t))
}
