package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"strings"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/output"
)

// unifiedDiff returns the unified diff (3 lines of context) that turns old
// into new, with a/ and b/ headers as git prints them, or "" when they are
// equal. Lines are compared after trimming the common prefix and suffix;
// the middle is aligned by longest common subsequence when it is small
// enough, else replaced whole (fixes change a few lines, so the middle is
// small).
func unifiedDiff(name string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := diffLines(a, b)
	if len(ops) == 0 {
		return ""
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- a/%s\n+++ b/%s\n", name, name)
	const context = 3
	for i := 0; i < len(ops); {
		// A hunk: ops[i:j] plus context, merging changes closer than 2*context.
		j := i + 1
		for j < len(ops) && ops[j].aStart-(ops[j-1].aEnd) <= 2*context {
			j++
		}
		aFrom := max(ops[i].aStart-context, 0)
		aTo := min(ops[j-1].aEnd+context, len(a))
		bFrom := ops[i].bStart - (ops[i].aStart - aFrom)
		bTo := ops[j-1].bEnd + (aTo - ops[j-1].aEnd)
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(aFrom, aTo), hunkRange(bFrom, bTo))
		pos := aFrom
		for _, op := range ops[i:j] {
			for ; pos < op.aStart; pos++ {
				writeLine(&sb, ' ', a[pos])
			}
			for k := op.aStart; k < op.aEnd; k++ {
				writeLine(&sb, '-', a[k])
			}
			for k := op.bStart; k < op.bEnd; k++ {
				writeLine(&sb, '+', b[k])
			}
			pos = op.aEnd
		}
		for ; pos < aTo; pos++ {
			writeLine(&sb, ' ', a[pos])
		}
		i = j
	}
	return sb.String()
}

func writeLine(sb *strings.Builder, tag byte, line string) {
	sb.WriteByte(tag)
	sb.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		sb.WriteString("\n\\ No newline at end of file\n")
	}
}

// hunkRange formats a 0-based half-open line range as a unified diff range.
func hunkRange(from, to int) string {
	n := to - from
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", from) // empty: the line before
	case 1:
		return fmt.Sprintf("%d", from+1)
	}
	return fmt.Sprintf("%d,%d", from+1, n)
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// A change replaces lines a[aStart:aEnd] by b[bStart:bEnd].
type change struct{ aStart, aEnd, bStart, bEnd int }

// maxLCSCells bounds the LCS table of the middle part of a diff.
const maxLCSCells = 4 << 20

// diffLines returns the changes that turn a into b, in order.
func diffLines(a, b []string) []change {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(am) == 0 && len(bm) == 0 {
		return nil
	}
	if len(am)*len(bm) > maxLCSCells || len(am) == 0 || len(bm) == 0 {
		return []change{{pre, pre + len(am), pre, pre + len(bm)}}
	}
	// lcs[i][j]: length of the LCS of am[i:] and bm[j:].
	n, m := len(am), len(bm)
	lcs := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if am[i] == bm[j] {
				lcs[i*(m+1)+j] = at(i+1, j+1) + 1
			} else {
				lcs[i*(m+1)+j] = max(at(i+1, j), at(i, j+1))
			}
		}
	}
	var out []change
	var cur *change
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && am[i] == bm[j]:
			flush()
			i++
			j++
			continue
		case j < m && (i == n || at(i, j+1) >= at(i+1, j)):
			if cur == nil {
				cur = &change{pre + i, pre + i, pre + j, pre + j}
			}
			j++
		default:
			if cur == nil {
				cur = &change{pre + i, pre + i, pre + j, pre + j}
			}
			i++
		}
		cur.aEnd, cur.bEnd = pre+i, pre+j
	}
	flush()
	return out
}

// redactDiff redacts the credentials in every line of a diff, removed,
// added and context lines alike (gofmt may re-emit a neighbouring line
// that holds a silenced token; a rewritten URL may keep a token in its
// query string). The secrets are those output.Scrub finds in the string
// literals of sources (the file before and after), folded over
// concatenations so that a token split into pieces ("ATATT3xF" + "…", one
// piece a line) is found too: each piece is redacted wherever it appears.
// Credentials that atlassian.ScanContext recognizes elsewhere in a line
// (in a comment) are redacted as well. Such a diff is for
// review (patch rejects a redacted line; -fix applies the fixes).
func redactDiff(d string, sources ...[]byte) string {
	pieces := map[string]string{} // piece of a split secret → its replacement
	for _, src := range sources {
		splitSecrets(src, pieces)
	}
	keys := sortedKeys(pieces)
	sort.SliceStable(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
	lines := strings.SplitAfter(d, "\n")
	for i, l := range lines {
		if l == "" || l[0] == '@' {
			continue
		}
		for _, k := range keys {
			l = strings.ReplaceAll(l, k, pieces[k])
		}
		ms := atlassian.ScanContext(l)
		for j := len(ms) - 1; j >= 0; j-- {
			m := ms[j]
			l = l[:m.Start] + atlassian.Redact(m.Token) + l[m.End:]
		}
		lines[i] = l
	}
	return strings.Join(lines, "")
}

// splitSecrets finds the secrets in the folded values of the string
// concatenations of a Go file and records, for each literal that holds a
// part of one, that part (4 bytes or more) and its replacement: the
// redacted secret for the part it starts with, an ellipsis for the others.
func splitSecrets(src []byte, pieces map[string]string) {
	f, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if f == nil {
		return
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BinaryExpr:
			if x.Op != token.ADD {
				return true
			}
		case *ast.BasicLit:
			if x.Kind != token.STRING {
				return true
			}
		default:
			return true
		}
		b := n.(ast.Expr)
		type term struct {
			raw, val string
			off      int
		}
		var terms []term
		var val strings.Builder
		var walk func(e ast.Expr) bool
		walk = func(e ast.Expr) bool {
			switch e := e.(type) {
			case *ast.ParenExpr:
				return walk(e.X)
			case *ast.BinaryExpr:
				return e.Op == token.ADD && walk(e.X) && walk(e.Y)
			case *ast.BasicLit:
				v, err := strconv.Unquote(e.Value)
				if e.Kind != token.STRING || err != nil {
					return false
				}
				terms = append(terms, term{e.Value, v, val.Len()})
				val.WriteString(v)
				return true
			}
			return false
		}
		if !walk(b) {
			return true // not all literals: look at the operands
		}
		v := val.String()
		for _, sp := range output.SecretSpans(v) {
			for _, t := range terms {
				from, to := max(sp[0], t.off), min(sp[1], t.off+len(t.val))
				if from >= to {
					continue
				}
				piece := t.val[from-t.off : to-t.off]
				if !strings.Contains(t.raw, piece) {
					piece = t.raw[1 : len(t.raw)-1] // escapes: the whole literal
				}
				if len(piece) < 4 {
					continue
				}
				if from == sp[0] {
					pieces[piece] = atlassian.Redact(v[sp[0]:sp[1]])
				} else if _, ok := pieces[piece]; !ok {
					pieces[piece] = "…"
				}
			}
		}
		return false
	})
}
