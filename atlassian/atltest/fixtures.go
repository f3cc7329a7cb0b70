package atltest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Fixtures returns the absolute path of the repository's top-level
// testdata directory, the GOPATH-style root of the shared library stubs
// (testdata/src/github.com, golang.org, gorm.io) and of the fixtures that
// belong to no single rule (testdata/src/<scenario>). It is found from
// this source file, so it works from any test package's directory. A rule's
// own fixtures are in its package, rules/<name>/testdata/src/<scenario>:
// use [Scenarios].
func Fixtures() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("atltest: cannot locate the testdata directory")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// stubs are the top-level trees of the library stubs fixtures import.
var stubs = []string{"github.com", "golang.org", "gorm.io"}

// Scenarios returns a temporary analysistest data directory (a GOPATH root
// with a src subdirectory) holding the named scenarios and every library
// stub, placeholders expanded. A scenario is the directory
// testdata/src/<name> of the calling test's package (go test runs a
// package's tests in its directory), else of the repository's top-level
// testdata ([Fixtures]), else of one rule package (rules/*/testdata); the
// stubs come from the top-level tree. A name found nowhere, or in two rule
// packages, fails the test, so a misspelled scenario never passes.
func Scenarios(t testing.TB, names ...string) string {
	t.Helper()
	tmp := t.TempDir()
	for _, name := range names {
		src, err := scenario(name)
		if err != nil {
			t.Fatalf("atltest.Scenarios: %v", err)
		}
		if err := ExpandTree(filepath.Join(tmp, "src", name), src); err != nil {
			t.Fatalf("atltest.Scenarios: %v", err)
		}
	}
	for _, s := range stubs {
		if err := ExpandTree(filepath.Join(tmp, "src", s), filepath.Join(Fixtures(), "src", s)); err != nil {
			t.Fatalf("atltest.Scenarios: %v", err)
		}
	}
	return tmp
}

// scenario returns the directory of the named scenario (see Scenarios).
func scenario(name string) (string, error) {
	if name == "" || filepath.IsAbs(name) || strings.Contains(name, "..") || strings.ContainsAny(name, `/\*?[`) {
		return "", fmt.Errorf("scenario %q: want a directory name under testdata/src", name)
	}
	top := Fixtures()
	for _, dir := range []string{filepath.Join("testdata", "src", name), filepath.Join(top, "src", name)} {
		if isDir(dir) {
			return filepath.Abs(dir)
		}
	}
	found, _ := filepath.Glob(filepath.Join(top, "..", "rules", "*", "testdata", "src", name))
	var dirs []string
	for _, d := range found {
		if isDir(d) {
			dirs = append(dirs, d)
		}
	}
	switch len(dirs) {
	case 0:
		return "", fmt.Errorf("no scenario %q in ./testdata/src, the top-level testdata/src or rules/*/testdata/src", name)
	case 1:
		return filepath.Clean(dirs[0]), nil
	}
	return "", fmt.Errorf("scenario %q is in several rule packages: %q", name, dirs)
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
