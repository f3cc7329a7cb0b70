package atltest

import (
	"path/filepath"
	"runtime"
)

// Fixtures returns the absolute path of the repository's top-level
// testdata directory, the GOPATH-style root of every analysistest fixture
// (testdata/src/<scenario>). It is found from this source file, so it works
// from any test package's directory.
func Fixtures() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("atltest: cannot locate the testdata directory")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}
