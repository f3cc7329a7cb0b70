package atlassian

import (
	"io/fs"
	"testing"
)

// go test -run '^$' -bench 'Lookup|Build' -benchmem ./atlassian/
func BenchmarkLookupOperation(b *testing.B) {
	cases := []struct{ name, method, origin, path string }{
		{"site", "GET", "https://acme.atlassian.net", "/rest/api/3/issue/PROJ-1"},
		{"createmeta", "GET", "https://acme.atlassian.net", "/rest/api/3/issue/createmeta?projectKeys=X"},
		{"gateway", "GET", "https://api.atlassian.com", "/ex/jira/{}/rest/api/3/issue/{}"},
		{"rest-api-2", "GET", "https://acme.atlassian.net", "/rest/api/2/issue/PROJ-1"},
		{"bitbucket-path", "GET", "https://api.bitbucket.org", "/2.0/repositories/ws/repo/src/main/a/b/c.go"},
		{"legacy", "GET", "https://acme.atlassian.net", "/wiki/rest/api/content/123"},
		{"unknown", "GET", "https://acme.atlassian.net", "/rest/api/3/foo/bar"},
		{"wrong-method", "PATCH", "https://acme.atlassian.net", "/rest/api/3/issue/X"},
	}
	restTable()
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				LookupOperation(c.method, c.origin, c.path)
			}
		})
	}
}

func BenchmarkBuildTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		buildTable(restScopesTSV, deprecatedReplacementsTSV)
	}
}

func BenchmarkLookupLibCall(b *testing.B) {
	libcalls()
	b.ReportAllocs()
	for b.Loop() {
		LookupLibCall("github.com/ctreminiom/go-atlassian/v2/jira/internal", "IssueADFService", "Get")
	}
}

func BenchmarkBuildLibCallTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		t := &libcallTable{index: map[libcallKey][]int{}, pkgs: map[string]bool{}}
		names, _ := fs.Glob(libcallFS, "data/libcalls-*.tsv")
		for _, name := range names {
			data, _ := libcallFS.ReadFile(name)
			t.add(name, string(data))
		}
	}
}
