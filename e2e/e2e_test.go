package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// mandatory reports whether end-to-end tests must run (ATLINT_E2E=1):
// then a missing tool is a failure, not a skip.
func mandatory() bool { return os.Getenv("ATLINT_E2E") == "1" }

// unavailable skips the test, or fails it when end-to-end tests are
// mandatory.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if mandatory() {
		t.Fatalf("%s (ATLINT_E2E=1: end-to-end tests must run)", msg)
	}
	t.Skipf("%s; set ATLINT_E2E=1 to make this a failure", msg)
}

// e2e starts an end-to-end test: it skips under -short (unless mandatory)
// and checks that the tools are on PATH.
func e2e(t *testing.T, tools ...string) {
	t.Helper()
	if testing.Short() && !mandatory() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	for _, tool := range append([]string{"go"}, tools...) {
		if _, err := exec.LookPath(tool); err != nil {
			unavailable(t, "%s is not installed", tool)
		}
	}
}

// repoRoot is the root of this checkout (the module containing package e2e).
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod at the repository root %s: %v", root, err)
	}
	return root
}

// goEnv returns `go env name`.
func goEnv(t testing.TB, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// A result is what a command did.
type result struct {
	cmd            string
	stdout, stderr string
	code           int // exit code; -1 when it did not run or was killed
}

func (r result) String() string {
	return fmt.Sprintf("$ %s\nexit code %d\n--- stdout\n%s--- stderr\n%s", r.cmd, r.code, r.stdout, r.stderr)
}

// run runs name with args in dir with the environment env (KEY=VALUE
// entries that override os.Environ) and returns what it did. Output is
// redacted of every token the test fixtures hold, so that a failure never
// prints a whole secret.
func run(t testing.TB, timeout time.Duration, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = mergeEnv(os.Environ(), env)
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{
		cmd:    strings.Join(append([]string{name}, args...), " "),
		stdout: stdout.String(),
		stderr: stderr.String(),
		code:   -1,
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
		r.code = 0
	case ctx.Err() != nil:
		r.stderr += fmt.Sprintf("\n(killed after %s)\n", timeout)
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		r.stderr += "\n" + err.Error() + "\n"
	}
	return r
}

// mergeEnv returns base with the entries of over replacing those of the
// same name.
func mergeEnv(base, over []string) []string {
	names := map[string]bool{}
	for _, kv := range over {
		k, _, _ := strings.Cut(kv, "=")
		names[k] = true
	}
	var env []string
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if !names[k] {
			env = append(env, kv)
		}
	}
	return append(env, over...)
}

// mustRun is run that fails the test unless the command exits 0.
func mustRun(t testing.TB, timeout time.Duration, dir string, env []string, name string, args ...string) result {
	t.Helper()
	r := run(t, timeout, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("command failed:\n%s", redactAll(r.String()))
	}
	return r
}

// redactAll replaces every well-formed Atlassian credential in s with its
// redacted form, so that no test failure prints a whole (fake) secret.
func redactAll(s string) string {
	ms := atlassian.Scan(s)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		s = s[:m.Start] + atlassian.Redact(m.Token) + s[m.End:]
	}
	return s
}

// leaks reports whether s holds a whole credential.
func leaks(s string) bool { return len(atlassian.Scan(s)) > 0 }

// writeFixture copies the fixture tree testdata/NAME into dst with
// placeholders expanded (atltest.ExpandTree); files named *.txt lose that
// suffix (so that go.mod and .golangci.yml files in testdata are not
// picked up by the go command or by tools run on this repository).
func writeFixture(t testing.TB, dst, name string) {
	t.Helper()
	if err := atltest.ExpandTree(dst, filepath.Join("testdata", name)); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dst, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		return os.Rename(path, strings.TrimSuffix(path, ".txt"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// copyFile copies src to dst, creating dst's directory.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, st.Mode().Perm()|0o200)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// readFile returns the content of path.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// regexpMatch reports whether the pattern matches s.
func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }
