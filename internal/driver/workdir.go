package driver

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/atlint/atlint/output"
)

// workdir is the working directory of a run and the files the run has
// read: printed paths are relative to it, and the stages read each file
// once (the fix stage replaces what it writes).
type workdir struct {
	dir      string
	contents map[string][]byte // absolute file → content
}

func newWorkdir(dir string) *workdir {
	return &workdir{dir: dir, contents: map[string][]byte{}}
}

// rel returns file relative to the working directory when it is below it,
// else file.
func (w *workdir) rel(file string) string { return relTo(w.dir, file) }

// relTo returns file relative to dir when it is below it, else file.
func relTo(dir, file string) string {
	if file == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}

// abs resolves a name given on the command line (or printed relative)
// against the working directory.
func (w *workdir) abs(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(w.dir, name)
}

// read returns the content of a file (cached).
func (w *workdir) read(file string) ([]byte, error) {
	if b, ok := w.contents[file]; ok {
		return b, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	w.contents[file] = b
	return b, nil
}

// lineText returns the line of file that holds byte offset off, without
// its line terminator.
func (w *workdir) lineText(file string, off int) string {
	src, err := w.read(file)
	if err != nil || off < 0 || off > len(src) {
		return ""
	}
	start := strings.LastIndexByte(string(src[:off]), '\n') + 1
	end := off + strings.IndexByte(string(src[off:]), '\n')
	if end < off {
		end = len(src)
	}
	return strings.TrimSuffix(string(src[start:end]), "\r")
}

func (w *workdir) position(file string, line, col, off int) output.Position {
	return output.Position{File: w.rel(file), Line: line, Column: col, Offset: off}
}
