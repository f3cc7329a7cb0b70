//go:build unix

package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCacheKeyIgnoresSpecialGraphQLFiles: a *.graphql symlink to
// /dev/zero and a FIFO named *.graphql in a package directory must not
// hang the run or exhaust memory while the result cache computes a key.
func TestCacheKeyIgnoresSpecialGraphQLFiles(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": "package p\n\nvar X = 1\n"})
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "p", "zero.graphql")); err != nil {
		t.Skip(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "p", "fifo.graphql"), 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- Main([]string{"./..."}, Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Dir: dir})
	}()
	select {
	case code := <-done:
		if code != ExitClean {
			t.Errorf("exit %d\n%s", code, stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the run hangs on a FIFO or /dev/zero named *.graphql")
	}
}
