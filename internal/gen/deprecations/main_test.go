package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSentences(t *testing.T) {
	got := sentences("Returns projects. Deprecated, use [ Get projects paginated](#api-rest-api-3-project-search-get) that\nsupports search.\n\n*  a list item. Another (with a.b) one.")
	want := []string{
		"Returns projects.",
		"Deprecated, use [ Get projects paginated](#api-rest-api-3-project-search-get) that supports search.",
		"* a list item.",
		"Another (with a.b) one.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

func TestReplacement(t *testing.T) {
	s := &spec{anchors: map[string][]int{}}
	add := func(method, path, desc string, anchorTo string) *operation {
		s.ops = append(s.ops, operation{method: method, path: path, description: desc})
		for _, a := range anchorsOf(method, path, anchorTo) {
			s.anchors[a] = append(s.anchors[a], len(s.ops)-1)
		}
		return &s.ops[len(s.ops)-1]
	}
	old := add("GET", "/rest/api/3/project", "Returns all projects. Deprecated, use [ Get projects paginated](#api-rest-api-3-project-search-get) that supports search.", "")
	search := add("GET", "/rest/api/3/project/search", "Returns projects.", "")
	meta := add("GET", "/rest/api/3/issue/createmeta", "Use the information to populate [Create issue](#api-rest-api-3-issue-post).\n\nDeprecated, see [notice](https://developer.atlassian.com/changelog/#CHANGE-1304).", "")
	add("POST", "/rest/api/3/issue", "Creates an issue.", "")
	group := add("GET", "/rest/api/3/fieldconfiguration", "Deprecated, use [ Field schemes](https://developer.atlassian.com/x/api-group-field-schemes/#api-group-field-schemes).", "")
	wiki := add("GET", "/wiki/rest/api/content/{id}/old", "Deprecated, use [Get children](#API-content-id-child-get) instead.", "wiki/rest/api/")
	child := add("GET", "/wiki/rest/api/content/{id}/child", "", "wiki/rest/api/")

	type result struct{ Repl, Quote string }
	got := map[string]result{}
	for _, op := range []*operation{old, meta, group, wiki} {
		r, q := s.replacement(op)
		res := result{Quote: q}
		if r != nil {
			res.Repl = r.method + " " + r.path
		}
		got[op.path] = res
	}
	want := map[string]result{
		old.path:   {search.method + " " + search.path, "Deprecated, use [ Get projects paginated](#api-rest-api-3-project-search-get) that supports search."},
		meta.path:  {},
		group.path: {},
		wiki.path:  {child.method + " " + child.path, "Deprecated, use [Get children](#API-content-id-child-get) instead."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("replacements (-want +got):\n%s", diff)
	}
}
