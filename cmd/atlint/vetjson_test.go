package main_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestVetJSONMatchesGoVet: atlint -json prints what go vet
// -vettool=atlint -json prints (unitchecker's encoder), key for key and
// value for value, once go vet's absolute paths are made relative to the
// working directory as atlint prints them. The module has no in-package
// test files: for those, go vet analyses only the test variant of a
// package, and atlint files a finding of a file under the first package
// that holds it.
func TestVetJSONMatchesGoVet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/vj\n\ngo 1.26\n")
	write(t, dir, "jira/jira.go", `package jira

import "net/http"

const apiToken = "`+tokConst+`"

// Authorize adds credentials to a request.
func Authorize(req *http.Request) {
	req.SetBasicAuth("me@example.com", "`+tokMain+`")
}

// Token returns the constant token.
func Token() string { return apiToken }
`)
	write(t, dir, "directives/d.go", "package directives\n\n//atlint:ignore ATL101\nvar X = 1\n\n//atlint:ignore ATL101 nothing to silence here\nvar Y = 2\n")
	write(t, dir, "clean/clean.go", "package clean\n\n// Sum adds.\nfunc Sum(a, b int) int { return a + b }\n")

	vet := run(t, dir, "go", "vet", "-vettool="+atlintBin, "-json", "./...")
	own := run(t, dir, "atlint", "-json", "-cache=false", "./...")
	if own.code != 1 {
		fatalf(t, "atlint -json: exit %d\n%s", own.code, own.stderr)
	}
	abs, _ := filepath.EvalSymlinks(dir)
	vetOut := stripComments(vet.stderr + vet.stdout)
	for _, d := range []string{abs, dir} {
		b, _ := json.Marshal(d + string(filepath.Separator))
		vetOut = strings.ReplaceAll(vetOut, strings.Trim(string(b), `"`), "")
	}
	got := decodeTrees(t, "atlint -json", own.stdout)
	want := decodeTrees(t, "go vet -json", vetOut)
	if len(want) < 2 {
		fatalf(t, "go vet -json reports %d packages, want jira and directives (the comparison would prove little):\n%s", len(want), vetOut)
	}
	if d := cmp.Diff(want, got); d != "" {
		errorf(t, "atlint -json differs from go vet -json (-vet +atlint):\n%s", d)
	}
	// The diagnostics carry every field go vet prints, fixes included.
	fixes := 0
	for _, byAnalyzer := range got {
		for _, ds := range byAnalyzer.(map[string]any) {
			for _, d := range ds.([]any) {
				if _, ok := d.(map[string]any)["suggested_fixes"]; ok {
					fixes++
				}
			}
		}
	}
	if fixes == 0 {
		errorf(t, "no diagnostic with suggested_fixes:\n%s", own.stdout)
	}
}

// decodeTrees merges the JSON objects of s (go vet prints one per
// package, atlint one), dropping the packages without diagnostics (go vet
// prints {} for them).
func decodeTrees(t *testing.T, what, s string) map[string]any {
	t.Helper()
	out := map[string]any{}
	dec := json.NewDecoder(strings.NewReader(s))
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			fatalf(t, "%s: %v\n%s", what, err, s)
		}
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}
