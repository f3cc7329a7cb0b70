//go:build unix

package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/atlint/atlint/output"
)

// TestWriteRefusesNonRegularTargets: -baseline-write /dev/null or a
// symlink must fail and leave the target what it was, not replace it with
// a regular file.
func TestWriteRefusesNonRegularTargets(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	os.WriteFile(real, []byte("{}"), 0o644)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	fs := []output.Finding{{RuleID: "ATL101", Message: "m", Pos: output.Position{File: "a.go", Line: 1, Column: 1}, LineText: "x"}}
	if err := Write(link, fs); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Write to a symlink: err = %v", err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced")
	}
	fifo := filepath.Join(dir, "fifo.json") // as /dev/stdout may be
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	if err := Write(fifo, fs); err == nil {
		t.Errorf("Write to a FIFO succeeded")
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode().IsRegular() {
		t.Errorf("the FIFO was replaced by a regular file")
	}
}
