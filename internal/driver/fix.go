package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/atlint/atlint/output"
)

// fixer is the fix stage: it applies the first suggested fix of each
// finding, each file written atomically (writeFileAtomic), only in the main
// modules (notEditable); with -diff it prints the changes as redacted
// unified diffs instead. It sees the findings the baseline left: fixes are
// made for what is reported, not for what the baseline accepts.
type fixer struct {
	wd             *workdir
	write          bool            // -fix: write the files; else -diff
	modules        map[string]bool // canonical directories of the main modules
	stdout, stderr io.Writer
}

// fixResult is what applying the fixes did.
type fixResult struct {
	unfixed []*finding // findings whose code is unchanged (no fix, or its fix was skipped)
	fixed   int        // findings whose first fix was applied
	files   []string   // files changed (or, with -diff, that would change), relative
}

// edit is an output.Edit resolved to a file's byte offsets.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first fix of every finding (with -diff, prints
// the changes instead). A fix applies whole or not at all: a fix with an
// edit that overlaps an edit already accepted for the same file (other
// than an identical one, such as the same import added twice) is skipped
// with a note, and so is a fix that touches a generated file. The edited
// file must still parse; it is gofmt'ed when it was gofmt-clean before.
func (x *fixer) apply(fs []*finding) (fixResult, error) {
	var res fixResult
	accepted := map[string][]edit{} // absolute file → accepted edits
	generated := map[string]bool{}
	var firstErr error
	note := func(f *finding, format string, args ...any) {
		fmt.Fprintf(x.stderr, "%s:%d:%d: atlint: %s\n", output.ScrubPath(f.Pos.File), f.Pos.Line, f.Pos.Column, output.Scrub(fmt.Sprintf(format, args...)))
	}

	var conflicts []*finding           // findings whose fix conflicts with one accepted
	var applied []*finding             // findings whose fix was accepted
	filesOf := map[*finding][]string{} // the files their fix edits
	for _, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		fix := f.Fixes[0]
		perFile, err := x.resolve(fix)
		if err != nil {
			note(f, "fix %q skipped: %v", fix.Message, err)
			continue
		}
		ok := true
		for _, file := range sortedKeys(perFile) {
			edits := perFile[file]
			if why := x.notEditable(file); why != "" {
				note(f, "fix %q skipped: %s", fix.Message, why)
				ok = false
				break
			}
			gen, seen := generated[file]
			if !seen {
				gen = x.isGenerated(file)
				generated[file] = gen
			}
			if gen {
				note(f, "fix %q skipped: %s is generated", fix.Message, x.wd.rel(file))
				ok = false
				break
			}
			if _, conflict := merge(accepted[file], edits); conflict {
				conflicts = append(conflicts, f) // noted at the end, unless another fix resolves it
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for file, edits := range perFile {
			accepted[file], _ = merge(accepted[file], edits)
			filesOf[f] = append(filesOf[f], file)
		}
		applied = append(applied, f)
	}

	// Write the files one at a time, each atomically. An interrupt (^C,
	// SIGTERM) lets the file being written finish and stops there.
	var interrupted chan os.Signal
	if x.write && len(accepted) > 0 {
		interrupted = make(chan os.Signal, 1)
		signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(interrupted)
	}
	failed := map[string]bool{} // files left unchanged although they have fixes
	files := sortedKeys(accepted)
	orig := map[string][]byte{}
	for _, file := range files {
		if src, err := x.wd.read(file); err == nil {
			orig[file] = src
		}
	}
	for i, file := range files {
		select {
		case <-interrupted:
			for _, rest := range files[i:] {
				failed[rest] = true
			}
			firstErr = cmpErr(firstErr, fmt.Errorf("interrupted: %s left unchanged", plural(len(files)-i, "file")))
		default:
		}
		if failed[file] {
			continue
		}
		src, err := x.wd.read(file)
		if err != nil {
			failed[file] = true
			firstErr = cmpErr(firstErr, err)
			continue
		}
		out, err := x.rewrite(file, src, accepted[file])
		if err != nil {
			failed[file] = true
			firstErr = cmpErr(firstErr, err)
			continue
		}
		rel := x.wd.rel(file)
		if bytes.Equal(out, src) {
			continue
		}
		if !x.write {
			res.files = append(res.files, rel)
			fmt.Fprint(x.stdout, redactDiff(unifiedDiff(rel, src, out), src, out))
			continue
		}
		if err := writeFileAtomic(file, out); err != nil {
			failed[file] = true
			firstErr = cmpErr(firstErr, fmt.Errorf("%s left unchanged: %v", rel, err))
			continue
		}
		res.files = append(res.files, rel)
		x.wd.contents[file] = out
	}
	// A finding is fixed when every file its fix edits was written; the
	// others stay in the report, in their order.
	fixed := map[*finding]bool{}
	for _, f := range applied {
		ok := true
		for _, file := range filesOf[f] {
			ok = ok && !failed[file]
		}
		if ok {
			fixed[f] = true
			res.fixed++
		}
	}
	// A finding whose code another accepted fix replaced (a URL rewrite
	// that drops its user:token@ part resolves the token's finding too) is
	// fixed as well, unless the new text keeps that code.
	for _, f := range fs {
		if !fixed[f] && !failed[f.absFile] && resolvedBy(f, accepted[f.absFile], orig[f.absFile]) {
			fixed[f] = true
			res.fixed++
		}
	}
	for _, f := range conflicts {
		if !fixed[f] {
			note(f, "fix %q skipped: it conflicts with another fix; run atlint -fix again", f.Fixes[0].Message)
		}
	}
	for _, f := range fs {
		if !fixed[f] {
			res.unfixed = append(res.unfixed, f)
		}
	}
	if x.write && (res.fixed > 0 || len(failed) > 0) {
		msg := fmt.Sprintf("atlint: fixed %s in %s", plural(res.fixed, "finding"), plural(len(res.files), "file"))
		if len(failed) > 0 {
			msg += fmt.Sprintf("; %s with fixes left unchanged", plural(len(failed), "file"))
		}
		fmt.Fprintln(x.stderr, msg)
	}
	return res, firstErr
}

// resolvedBy reports whether an edit of a file replaces the whole range
// of finding f with text that does not hold f's code.
func resolvedBy(f *finding, edits []edit, src []byte) bool {
	start, end := f.Pos.Offset, f.End.Offset
	if src == nil || start < 0 || end <= start || end > len(src) || f.End.File != f.Pos.File {
		return false
	}
	code := string(src[start:end])
	for _, e := range edits {
		if e.start <= start && end <= e.end && e.start < e.end && !strings.Contains(e.text, code) {
			return true
		}
	}
	return false
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// resolve groups the edits of a fix by absolute file name, checking their
// offsets against the file content.
func (x *fixer) resolve(fix output.Fix) (map[string][]edit, error) {
	m := map[string][]edit{}
	for _, e := range fix.Edits {
		file := x.wd.abs(e.Pos.File)
		if e.End.File != e.Pos.File {
			return nil, fmt.Errorf("an edit spans two files")
		}
		src, err := x.wd.read(file)
		if err != nil {
			return nil, err
		}
		if e.Pos.Offset < 0 || e.End.Offset < e.Pos.Offset || e.End.Offset > len(src) {
			return nil, fmt.Errorf("edit out of range in %s (the file changed since it was analysed?)", e.Pos.File)
		}
		m[file] = append(m[file], edit{e.Pos.Offset, e.End.Offset, e.NewText})
	}
	return m, nil
}

// merge adds edits to accepted (sorted by offset). An edit identical to
// an accepted one is dropped; an edit that overlaps one, or inserts at the
// same offset with other text, is a conflict (accepted is then returned
// unchanged).
func merge(accepted, edits []edit) ([]edit, bool) {
	out := append([]edit(nil), accepted...)
	for _, e := range edits {
		dup := false
		for _, a := range out {
			if a == e {
				dup = true
				break
			}
			if overlaps(a, e) {
				return accepted, true
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].end < out[j].end
	})
	return out, false
}

func overlaps(a, b edit) bool {
	if a.start == a.end && b.start == b.end {
		return a.start == b.start // two insertions at one point: order unknown
	}
	if a.start == a.end {
		return b.start < a.start && a.start < b.end
	}
	if b.start == b.end {
		return a.start < b.start && b.start < a.end
	}
	return a.start < b.end && b.start < a.end
}

// rewrite applies sorted, non-overlapping edits to src. The result must
// parse; it is formatted when src was gofmt-clean. A file with CRLF line
// endings keeps them: the edits' new lines become CRLF, and the file counts
// as gofmt-clean when it is once its line endings are LF (gofmt writes LF),
// so an added import is sorted into place.
func (x *fixer) rewrite(file string, src []byte, edits []edit) ([]byte, error) {
	crlf := isCRLF(src)
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.start])
		text := e.text
		if crlf {
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
		}
		b.WriteString(text)
		last = e.end
	}
	b.Write(src[last:])
	out := b.Bytes()
	if _, err := parser.ParseFile(token.NewFileSet(), file, out, parser.ParseComments|parser.SkipObjectResolution); err != nil {
		return nil, fmt.Errorf("%s: the fixes would not parse (%v); file left unchanged", x.wd.rel(file), err)
	}
	lf := func(b []byte) []byte {
		if crlf {
			return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		}
		return b
	}
	if clean, err := format.Source(lf(src)); err == nil && bytes.Equal(clean, lf(src)) {
		if formatted, err := format.Source(lf(out)); err == nil {
			out = formatted
			if crlf {
				out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
			}
		}
	}
	return out, nil
}

// isCRLF reports whether every line of src ends in CRLF (and there is one).
func isCRLF(src []byte) bool {
	n := bytes.Count(src, []byte("\n"))
	return n > 0 && bytes.Count(src, []byte("\r\n")) == n
}

// isGenerated reports whether the file has a "Code generated ... DO NOT
// EDIT." comment (ast.IsGenerated).
func (x *fixer) isGenerated(file string) bool {
	src, err := x.wd.read(file)
	if err != nil {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ParseComments|parser.PackageClauseOnly)
	return err == nil && ast.IsGenerated(f)
}
