package atlassian

import "testing"

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
