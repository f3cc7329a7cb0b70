package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hookRev is the tag the local copy of this repository gets; the
// .pre-commit-config.yaml of the test repositories pins it as rev.
const hookRev = "v0.0.0-test"

// git runs git with a fixed identity and no signing, failing the test on
// error.
func git(t *testing.T, dir string, args ...string) result {
	t.Helper()
	args = append([]string{"-c", "user.name=atlint e2e", "-c", "user.email=e2e@example.com", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)
	return mustRun(t, 2*time.Minute, dir, nil, "git", args...)
}

// hookRepo makes a git repository in a temporary directory holding the
// files of this checkout as they are in the working tree (so a test run
// checks the hooks being edited), committed and tagged hookRev.
func hookRepo(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	dst := filepath.Join(t.TempDir(), "atlint")
	// Untracked files that are not ignored are copied too, so that the
	// copy builds exactly like the working tree (a new package not yet
	// added to git); in CI the two are the same.
	ls := mustRun(t, time.Minute, root, nil, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	n := 0
	for _, f := range strings.Split(strings.TrimRight(ls.stdout, "\x00"), "\x00") {
		src := filepath.Join(root, filepath.FromSlash(f))
		st, err := os.Lstat(src)
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree, or not a plain file
		}
		if err := copyFile(filepath.Join(dst, filepath.FromSlash(f)), src); err != nil {
			t.Fatal(err)
		}
		n++
	}
	for _, need := range []string{".pre-commit-hooks.yaml", "go.mod", "cmd/atlint"} {
		if _, err := os.Stat(filepath.Join(dst, need)); err != nil {
			t.Fatalf("the copy of the repository (%d tracked files) lacks %s: %v", n, need, err)
		}
	}
	git(t, dst, "init", "-q")
	git(t, dst, "add", "-A")
	git(t, dst, "commit", "-q", "-m", "atlint under test")
	git(t, dst, "tag", hookRev)
	return dst
}

// project makes the git repository the hooks run in: the clean fixture
// module and a .pre-commit-config.yaml using the hook id of the local
// repository hooks, with extra lines of hook configuration.
func project(t *testing.T, hooks, id, extra string) string {
	t.Helper()
	dir := t.TempDir()
	writeFixture(t, dir, "precommit")
	cfg := "repos:\n" +
		"  - repo: " + hooks + "\n" +
		"    rev: " + hookRev + "\n" +
		"    hooks:\n" +
		"      - id: " + id + "\n" + extra
	if err := os.WriteFile(filepath.Join(dir, ".pre-commit-config.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "init", "-q")
	git(t, dir, "add", "-A")
	return dir
}

// addLeak adds the fixture file with a hard-coded token to the project.
func addLeak(t *testing.T, dir string) {
	t.Helper()
	writeFixture(t, dir, "precommit-leak")
	git(t, dir, "add", "leak.go")
}

// checkFailed checks that a hook run failed on the leaked token: atlint's
// finding is shown, redacted.
func checkFailed(t *testing.T, r result) {
	t.Helper()
	out := r.stdout + r.stderr
	if r.code == 0 {
		t.Fatalf("the hook passed a file with a hard-coded token:\n%s", redactAll(r.String()))
	}
	if !strings.Contains(out, "leak.go:7:") || !strings.Contains(out, "ATL101") {
		t.Errorf("the hook failed without atlint's finding (leak.go:7: ATL101):\n%s", redactAll(r.String()))
	}
	if leaks(out) {
		t.Errorf("the hook's output shows a whole token:\n%s", redactAll(r.String()))
	}
}

func checkPassed(t *testing.T, r result, hookName string) {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("the hook failed on clean code:\n%s", redactAll(r.String()))
	}
	if !regexpMatch(`(?m)^`+hookName+`\.+Passed$`, r.stdout) {
		t.Errorf("the hook %q did not run and pass:\n%s", hookName, redactAll(r.String()))
	}
}

func TestPreCommit(t *testing.T) {
	e2e(t, "git", "pre-commit")
	hooks := hookRepo(t)
	tmp := t.TempDir()
	// pre-commit's golang language runs `go install ./...` in its clone of
	// the hook repository with GOPATH set to the hook's environment; with
	// GOMODCACHE pointing at the filled module cache and GOPROXY=off it
	// builds offline, as on a CI machine without internet.
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(tmp, "pre-commit-home"),
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
		"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local",
		"PRE_COMMIT_COLOR=never", "NO_COLOR=1",
		"ATLINT_CACHE=" + filepath.Join(tmp, "atlint-cache"), // keep the hook's result cache out of the user's
	}
	preCommit := func(dir string, args ...string) result {
		return run(t, 15*time.Minute, dir, env, "pre-commit", args...)
	}

	// The golang hook, as users add it: a commit with a token is refused.
	t.Run("atlint", func(t *testing.T) {
		dir := project(t, hooks, "atlint", "")
		checkPassed(t, preCommit(dir, "run", "--all-files"), "atlint")
		mustRun(t, time.Minute, dir, env, "pre-commit", "install")
		r := run(t, 5*time.Minute, dir, env, "git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "commit", "-q", "-m", "clean")
		if r.code != 0 {
			t.Fatalf("commit of clean code refused:\n%s", redactAll(r.String()))
		}
		addLeak(t, dir)
		checkFailed(t, preCommit(dir, "run", "--all-files"))
		r = run(t, 5*time.Minute, dir, env, "git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "commit", "-q", "-m", "leak")
		checkFailed(t, r)
		if log := git(t, dir, "log", "--format=%s"); strings.TrimSpace(log.stdout) != "clean" {
			t.Errorf("the commit with the token was made; git log:\n%s", log.stdout)
		}
	})

	// The system hook runs the atlint found on PATH.
	t.Run("atlint-system", func(t *testing.T) {
		bin := t.TempDir()
		mustRun(t, 10*time.Minute, hooks, []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"}, "go", "build", "-o", filepath.Join(bin, "atlint"), "./cmd/atlint")
		// Built in a git checkout (GOFLAGS without -buildvcs=false), atlint
		// reports a version naming the commit: the tag on it, or a
		// pseudo-version with its hash (the go command reuses what it
		// recorded for the same commit in the module cache when the hook's
		// untagged clone was built above).
		head := strings.TrimSpace(git(t, hooks, "rev-parse", "HEAD").stdout)
		vr := mustRun(t, time.Minute, hooks, nil, filepath.Join(bin, "atlint"), "-version")
		if !strings.HasPrefix(vr.stdout, "atlint "+hookRev+" (") && !regexpMatch(`^atlint v0\.0\.0-\d{14}-`+head[:12]+` \(commit `, vr.stdout) {
			t.Errorf("atlint built from commit %s, tagged %s: -version = %q", head[:12], hookRev, vr.stdout)
		}
		env := append(env[:len(env):len(env)], "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		dir := project(t, hooks, "atlint-system", "")
		r := run(t, 5*time.Minute, dir, env, "pre-commit", "run", "--all-files")
		checkPassed(t, r, `atlint \(installed binary\)`)
		addLeak(t, dir)
		checkFailed(t, run(t, 5*time.Minute, dir, env, "pre-commit", "run", "--all-files"))
	})

	// Overriding the hook to pass the staged file names lints only the
	// packages of those files and reports findings in them only (the
	// README's recipe for big repositories).
	t.Run("changed files only", func(t *testing.T) {
		dir := project(t, hooks, "atlint", "        args: []\n        pass_filenames: true\n")
		addLeak(t, dir)
		git(t, dir, "commit", "-q", "--no-verify", "-m", "an old leak, committed without hooks")
		mustRun(t, time.Minute, dir, env, "pre-commit", "install")
		clean := filepath.Join(dir, "clean.go")
		if err := os.WriteFile(clean, []byte(readFile(t, clean)+"\n// Edited.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		git(t, dir, "add", "clean.go")
		r := run(t, 5*time.Minute, dir, env, "git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "commit", "-q", "-m", "edit clean.go")
		if r.code != 0 {
			t.Fatalf("a commit touching only clean.go was refused for a finding in another file:\n%s", redactAll(r.String()))
		}
		leak := filepath.Join(dir, "leak.go")
		if err := os.WriteFile(leak, []byte(readFile(t, leak)+"\n// Edited.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		git(t, dir, "add", "leak.go")
		r = run(t, 5*time.Minute, dir, env, "git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "commit", "-q", "-m", "edit leak.go")
		checkFailed(t, r)
	})
}
