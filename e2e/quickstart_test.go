package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// quickStart returns the first sh block of the README's Quick start: the
// command that installs atlint and runs it on this repository.
func quickStart(t *testing.T, root string) string {
	t.Helper()
	readme := readFile(t, filepath.Join(root, "README.md"))
	_, sec, ok := strings.Cut(readme, "\n## Quick start\n")
	if !ok {
		t.Fatal("README.md has no ## Quick start section")
	}
	sec, _, _ = strings.Cut(sec, "\n## ")
	m := regexp.MustCompile("(?s)```sh\n(.*?)```").FindStringSubmatch(sec)
	if m == nil {
		t.Fatal("the README's Quick start has no sh block")
	}
	cmd := strings.TrimSpace(m[1])
	if !strings.Contains(cmd, "go install ./cmd/atlint") || !strings.Contains(cmd, "./...") {
		t.Fatalf("the README's Quick start command no longer installs and runs atlint:\n%s", cmd)
	}
	return cmd
}

// TestQuickStart runs the README's Quick start command, as written, at the
// root of this repository: it must install atlint and find nothing (exit
// 0), the first thing a new user sees. GOPATH points into the test's
// temporary directory (the module cache stays the machine's, offline), so
// the install does not touch the user's bin directory.
func TestQuickStart(t *testing.T) {
	e2e(t, "sh")
	root := repoRoot(t)
	cmd := quickStart(t, root)
	tmp := t.TempDir()
	gopath := filepath.Join(tmp, "gopath")
	env := []string{
		"GOPATH=" + gopath, "GOBIN=", "GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
		"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local",
		"ATLINT_CACHE=" + filepath.Join(tmp, "atlint-cache"),
	}
	start := time.Now()
	r := run(t, 15*time.Minute, root, env, "sh", "-c", cmd)
	if r.code != 0 {
		t.Fatalf("the README's Quick start does not run clean on this repository:\n%s", redactAll(r.String()))
	}
	if r.stdout != "" || strings.Contains(r.stderr, "ATL") {
		t.Errorf("the Quick start printed findings or output:\n%s", redactAll(r.String()))
	}
	if _, err := os.Stat(filepath.Join(gopath, "bin", "atlint")); err != nil {
		t.Errorf("the Quick start did not install atlint where it runs it from: %v", err)
	}
	t.Logf("Quick start: %s", time.Since(start).Round(time.Second))
}
