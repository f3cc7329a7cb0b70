package driver

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestIsTestMain: the generated main of a test binary is recognised in the
// listings of Go 1.25 (_testmain.go) and Go 1.26 (a build-cache file
// outside the package's directory), and never confused with a real main
// package whose path ends in .test or with a test variant.
func TestIsTestMain(t *testing.T) {
	for _, c := range []struct {
		name string
		p    packages.Package
		want bool
	}{
		{"go1.26", packages.Package{ID: "x/p.test", Name: "main", Dir: "/src/p", GoFiles: []string{"/cache/8e/8ed4-d"}, CompiledGoFiles: []string{"/cache/8e/8ed4-d"}}, true},
		{"go1.25", packages.Package{ID: "x/p.test", Name: "main", Dir: "/src/p", GoFiles: []string{"/cache/b/_testmain.go"}, CompiledGoFiles: []string{"/cache/b/_testmain.go"}}, true},
		{"real main named .test", packages.Package{ID: "x/tool.test", Name: "main", Dir: "/src/tool.test", GoFiles: []string{"/src/tool.test/main.go"}}, false},
		{"test variant", packages.Package{ID: "x/p [x/p.test]", Name: "main", Dir: "/src/p", GoFiles: []string{"/cache/8e/8ed4-d"}}, false},
		{"library", packages.Package{ID: "x/p.test", Name: "p", Dir: "/src/p", GoFiles: []string{"/cache/8e/8ed4-d"}}, false},
		{"no files", packages.Package{ID: "x/p.test", Name: "main", Dir: "/src/p"}, false},
	} {
		if got := isTestMain(&c.p); got != c.want {
			t.Errorf("%s: isTestMain = %v, want %v", c.name, got, c.want)
		}
	}
}
