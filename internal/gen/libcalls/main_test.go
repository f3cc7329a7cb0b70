package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRunOnSyntheticLibrary(t *testing.T) {
	g := &gen{module: "example.com/lib", version: "v0.0.1", dialect: "go-atlassian"}
	var out, errs bytes.Buffer
	if err := g.run("testdata/lib", &out, &errs); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(out.String()), "\n")
	row := func(method, httpMethod, path string) string {
		return "example.com/lib\tv0.0.1\texample.com/lib/svc\tIssueService\t" + method + "\t" + httpMethod + "\t" + path + "\tsvc/svc.go"
	}
	want := []string{
		"module\tversion\tpackage\treceiver\tmethod\thttp_method\tpath\tsource",
		row("Get", "GET", "/rest/api/2/issue/{}"),          // Sprintf over a constant, query dropped
		row("GetNoContext", "GET", "/rest/api/2/issue/{}"), // delegation to a method of the receiver
		row("Search", "POST", "/rest/api/2/search"),        // url.URL{Path} through a (value, error) helper
		// Branches: the method and the path are each a union, so their
		// combinations are all listed (an over-approximation).
		row("Update", "POST", "/rest/api/2/issue/{}/notify"),
		row("Update", "POST", "/rest/api/2/issue/{}"),
		row("Update", "PUT", "/rest/api/2/issue/{}/notify"),
		row("Update", "PUT", "/rest/api/2/issue/{}"),
		// Through the field implementation; version from client.APIVersion.
		row("Watchers", "DELETE", "/rest/api/3/issue/{}/watchers"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	wantErr := "not extracted: example.com/lib/svc IssueService.Raw: 1 request(s) whose method or URL is not known (svc/svc.go)\n" +
		"example.com/lib v0.0.1: 8 rows; 6 exported methods send requests, 5 with at least one row; 1 methods with requests not extracted\n"
	if diff := cmp.Diff(wantErr, errs.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestSprintf(t *testing.T) {
	tests := []struct{ format, want string }{
		{`"rest/api/%v/issue/%s"`, "rest/api/{}/issue/{}"},
		{`"a/%d/b%%c"`, "a/{}/b%c"},
		{`"x/%-5s/y/%q"`, "x/{}/y/{}"},
		{`"trailing %"`, "trailing %"},
	}
	for _, tt := range tests {
		in := &interp{g: &gen{}, p: &pkg{consts: map[string]string{}}}
		expr := mustParseExpr(t, tt.format)
		v := in.sprintf(expr, nil, env{})
		if !v.known() || len(v.set) != 1 || v.set[0] != tt.want {
			t.Errorf("sprintf(%s) = %v, want %q", tt.format, v.set, tt.want)
		}
	}
}

func mustParseExpr(t *testing.T, s string) ast.Expr {
	t.Helper()
	e, err := parser.ParseExpr(s)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
