package driver

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// buildAtlint builds the atlint command into a temporary directory.
func buildAtlint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "atlint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/atlint/atlint/cmd/atlint")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// manyFixes writes a module with n files, each with a hard-coded token that
// -fix replaces (adding an import), and returns the file contents. Each
// file has pad bytes of comment, and is not gofmt-clean, so that -fix
// spends its time writing rather than formatting.
func manyFixes(t *testing.T, dir string, n, pad int) map[string]string {
	t.Helper()
	files := map[string]string{"go.mod": "module example.com/m\n\ngo 1.26\n"}
	line := "// " + strings.Repeat("padding ", 9) + "\n"
	comment := strings.Repeat(line, pad/len(line))
	for i := range n {
		tok := atltest.Token(atlassian.APIToken, fmt.Sprint("kill", i))
		files[fmt.Sprintf("p/f%03d.go", i)] = fmt.Sprintf("package p\n\n%s// T%d is a token.\nvar T%d   =   %q\n", comment, i, i, tok)
	}
	writeTree(t, dir, files)
	return files
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func atlintCmd(bin, dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	return cmd
}

// TestFixKilledLeavesEveryFileOriginalOrFixed kills atlint -fix at random
// points while it rewrites 300 files: every file must be byte-identical to
// its original or to its fully fixed version, and the module must build.
// (Files rewritten in place were left empty by a kill.)
func TestFixKilledLeavesEveryFileOriginalOrFixed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds atlint and runs it many times")
	}
	const n = 300
	bin := buildAtlint(t)
	cache := t.TempDir()
	t.Setenv(cacheEnv, cache)

	// The fixed version of every file, from an uninterrupted run.
	ref := t.TempDir()
	orig := manyFixes(t, ref, n, 16<<10)
	t0 := time.Now()
	cmd := atlintCmd(bin, ref, "-fix", "./...")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), fmt.Sprintf("fixed %d findings in %d files", n, n)) {
		t.Fatalf("reference -fix: %v\n%s", err, out)
	}
	full := time.Since(t0)
	fixed := map[string]string{}
	for name := range orig {
		b, _ := os.ReadFile(filepath.Join(ref, filepath.FromSlash(name)))
		fixed[name] = string(b)
	}
	if fixed["p/f000.go"] == orig["p/f000.go"] || !strings.Contains(fixed["p/f000.go"], `os.Getenv(`) {
		t.Fatalf("the reference run fixed nothing:\n%s", fixed["p/f000.go"])
	}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	sawPartial := false
	for run := range 6 {
		dir := t.TempDir()
		writeTree(t, dir, orig)
		cmd := atlintCmd(bin, dir, "-fix", "./...")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Meanwhile, watch the files: a size that is neither the original's
		// nor the fixed file's is a state a kill at that moment would leave.
		stop := make(chan struct{})
		seen := make(chan string, 1)
		go func() {
			defer close(seen)
			for {
				for name, want := range orig {
					select {
					case <-stop:
						return
					default:
					}
					st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
					if err == nil && st.Size() != int64(len(want)) && st.Size() != int64(len(fixed[name])) {
						seen <- fmt.Sprintf("%s had %d bytes (original %d, fixed %d)", name, st.Size(), len(want), len(fixed[name]))
						return
					}
				}
			}
		}()
		// Half the runs are killed at a random point of the whole run, half
		// at a random point after the first file was rewritten.
		var delay time.Duration
		if run%2 == 0 {
			delay = time.Duration(rng.Int64N(int64(full / 2)))
		} else {
			deadline := time.Now().Add(2 * full)
			for time.Now().Before(deadline) {
				if b, _ := os.ReadFile(filepath.Join(dir, "p", "f000.go")); string(b) != orig["p/f000.go"] {
					break
				}
				time.Sleep(200 * time.Microsecond)
			}
			delay = time.Duration(rng.Int64N(int64(full/4) + 1))
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		close(stop)
		if msg, ok := <-seen; ok {
			t.Errorf("run %d: while atlint -fix ran, %s: a kill then would have left it so", run, msg)
		}

		nOrig, nFixed := 0, 0
		for name, want := range orig {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			switch {
			case err != nil:
				t.Errorf("run %d: %s: %v", run, name, err)
			case string(b) == want:
				nOrig++
			case string(b) == fixed[name]:
				nFixed++
			default:
				t.Errorf("run %d (killed after %v): %s is neither the original nor the fixed file (%d bytes)", run, delay, name, len(b))
			}
		}
		t.Logf("run %d: killed after %v: %d original, %d fixed", run, delay.Round(time.Millisecond), nOrig, nFixed)
		if nFixed > 0 && nOrig > 1 {
			sawPartial = true
		}
		build := exec.Command("go", "build", "./...")
		build.Dir = dir
		build.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		if out, err := build.CombinedOutput(); err != nil {
			t.Errorf("run %d: the module no longer builds: %v\n%s", run, err, out)
		}
	}
	if !sawPartial {
		t.Logf("no run was killed in the middle of the writes")
	}
}

// TestFixInterruptedFinishesTheFileAndSaysSo interrupts atlint -fix (^C)
// while it writes: every file is original or fixed, the exit status is an
// error and the summary counts only the files written.
func TestFixInterruptedFinishesTheFileAndSaysSo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds atlint")
	}
	const n = 300
	bin := buildAtlint(t)
	t.Setenv(cacheEnv, t.TempDir())
	dir := t.TempDir()
	orig := manyFixes(t, dir, n, 0)
	cmd := atlintCmd(bin, dir, "-fix", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(filepath.Join(dir, "p", "f000.go")); string(b) != orig["p/f000.go"] {
			break
		}
		time.Sleep(200 * time.Microsecond)
	}
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	changed := 0
	for name, want := range orig {
		b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if string(b) != want {
			changed++
			if len(b) == 0 || !strings.Contains(string(b), "os.Getenv(") {
				t.Errorf("%s is neither original nor fixed:\n%s", name, b)
			}
		}
	}
	out := stderr.String()
	if changed == len(orig)-1 { // every .go file: the interrupt came too late to tell
		t.Skipf("the run finished before the interrupt:\n%s", out)
	}
	if err == nil {
		t.Errorf("an interrupted -fix exited 0:\n%s", out)
	}
	if want := fmt.Sprintf("fixed %d findings in %d files", changed, changed); changed > 0 && !strings.Contains(out, want) || !strings.Contains(out, "interrupted") {
		t.Errorf("%d files changed; stderr does not say %q and interrupted:\n%s", changed, want, out)
	}
}
