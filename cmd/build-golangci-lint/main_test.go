package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The default golangci-lint is the one .custom-gcl.yml pins (the file the
// `golangci-lint custom` users copy), so both ways build the same release.
func TestDefaultVersionIsCustomGCL(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^version:\s*(\S+)\s*$`).FindSubmatch(b)
	if m == nil {
		t.Fatal(".custom-gcl.yml has no top-level version:")
	}
	if string(m[1]) != golangciLintVersion {
		t.Errorf(".custom-gcl.yml pins golangci-lint %s, build-golangci-lint builds %s: keep them equal", m[1], golangciLintVersion)
	}
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The hash covers what is compiled into the plugin, and nothing else: a
// test, a fixture or a README edit does not rebuild golangci-lint.
func TestSourceHash(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":                "module github.com/atlint/atlint\n",
		"go.sum":                "",
		"README.md":             "readme\n",
		"a/a.go":                "package a\n",
		"a/a_test.go":           "package a\n",
		"a/testdata/x.go":       "package x\n",
		"a/embedded.graphql":    "query { x }\n",
		"e2e/e2e.go":            "package e2e\n",
		".hidden/h.go":          "package h\n",
		"docs/rules/ATL101.md":  "doc\n",
		"cmd/atlint/main.go":    "package main\n",
		"cmd/atlint/main_test":  "not go\n",
		"notapkg/notes.txt":     "no Go files here\n",
		"notapkg/sub/sub.go":    "package sub\n",
		"notapkg/sub/data.json": "{}\n",
	})
	hash := func() string {
		t.Helper()
		h, err := SourceHash(dir, "go1.26.8 linux/amd64")
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^[0-9a-f]{20}$`).MatchString(h) {
			t.Fatalf("hash %q: want 20 hex digits", h)
		}
		return h
	}
	h0 := hash()
	if h := hash(); h != h0 {
		t.Fatalf("hash not stable: %s then %s", h0, h)
	}
	if h, _ := SourceHash(dir, "go1.27.0 linux/amd64"); h == h0 {
		t.Errorf("another toolchain gives the same hash")
	}
	for _, same := range []string{"README.md", "a/a_test.go", "a/testdata/x.go", "e2e/e2e.go", ".hidden/h.go", "docs/rules/ATL101.md", "notapkg/notes.txt"} {
		writeTree(t, dir, map[string]string{same: "changed\n"})
		if h := hash(); h != h0 {
			t.Errorf("editing %s changed the hash", same)
		}
	}
	for _, differs := range []string{"go.mod", "go.sum", "a/a.go", "a/embedded.graphql", "cmd/atlint/main.go", "notapkg/sub/data.json", "a/new.go"} {
		old, err := os.ReadFile(filepath.Join(dir, differs))
		writeTree(t, dir, map[string]string{differs: string(old) + "// changed\n"})
		if h := hash(); h == h0 {
			t.Errorf("editing %s did not change the hash", differs)
		}
		if err != nil {
			os.Remove(filepath.Join(dir, differs))
		} else {
			writeTree(t, dir, map[string]string{differs: string(old)})
		}
		if h := hash(); h != h0 {
			t.Fatalf("restoring %s did not restore the hash", differs)
		}
	}
}

func TestFindAtlint(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// In the checkout (go test runs in the package directory).
	src, err := findAtlint("")
	if err != nil || src.Dir != root {
		t.Errorf("findAtlint in the checkout = %+v, %v; want the checkout %s", src, err, root)
	}
	src, err = findAtlint(root)
	if err != nil || src.Dir != root {
		t.Errorf("findAtlint(%s) = %+v, %v", root, src, err)
	}
	src, err = findAtlint("v0.1.0")
	if err != nil || src.Version != "v0.1.0" || src.Dir != "" {
		t.Errorf("findAtlint(v0.1.0) = %+v, %v", src, err)
	}
	for _, bad := range []string{t.TempDir(), "latest", "no/such/dir"} {
		if src, err := findAtlint(bad); err == nil {
			t.Errorf("findAtlint(%q) = %+v, want an error", bad, src)
		}
	}

	stamp, err := versionStamp("v2.15.0", atlintSource{Version: "v0.1.0"})
	if err != nil || stamp != "2.15.0-custom-gcl-atlint-v0.1.0" {
		t.Errorf("versionStamp of a module version = %q, %v", stamp, err)
	}
	stamp, err = versionStamp("v2.15.0", atlintSource{Dir: root})
	if err != nil || !regexp.MustCompile(`^2\.15\.0-custom-gcl-atlint-[0-9a-f]{20}$`).MatchString(stamp) {
		t.Errorf("versionStamp of the checkout = %q, %v", stamp, err)
	}
}

func TestFlags(t *testing.T) {
	nolog := func(string, ...any) {}
	for _, args := range [][]string{
		{"-golangci-lint", "v1.64.8", "-print-version"},
		{"-golangci-lint", "latest", "-print-version"},
		{"-atlint", "latest", "-print-version"},
		{"extra"},
	} {
		if err := run(args, nolog); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("run(%q) = %v, want a one-line error", args, err)
		}
	}
}
