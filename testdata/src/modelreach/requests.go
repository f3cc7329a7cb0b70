// Package modelreach is the fixture of model.Result.Reaches: the probe
// reports, at each request or client call an auth sink reaches, the sink's
// secret, the library and package of the call, its URL and method; and
// "unreached" at each sink that reaches nothing.
package modelreach

import (
	"context"
	"net/http"
)

var ctx = context.Background()

func values(any) {}

// http.NewRequest, constant method.
func direct() {
	req, _ := http.NewRequest("GET", "https://a.example/direct", nil) // want `reach "direct" -> net/http net/http url="https://a.example/direct" method="GET" mexpr="GET"`
	req.SetBasicAuth("me", "direct")
}

// NewRequestWithContext; the method is a constant of net/http, folded and
// upper-cased; Authorization headers, with Set and Add, any case.
func withContext(tok string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://a.example/ctx", nil) // want `reach "Bearer " \+ tok -> net/http net/http url="https://a.example/ctx" method="POST" mexpr=http.MethodPost`
	req.Header.Set("Authorization", "Bearer "+tok)

	low, _ := http.NewRequest("patch", "https://a.example/low", nil) // want `reach "Basic " \+ tok -> net/http net/http url="https://a.example/low" method="PATCH" mexpr="patch"`
	low.Header.Add("authorization", "Basic "+tok)
}

// A method that is not constant: Method is "", MethodExpr is the argument.
func dynamicMethod(method, url string) {
	req, _ := http.NewRequest(method, url, nil) // want `reach "dyn" -> net/http net/http url=url method="" mexpr=method`
	req.SetBasicAuth("me", "dyn")
}

// Through variables: declarations and plain assignments.
func variables() {
	var req *http.Request
	req, _ = http.NewRequest("GET", "https://a.example/var", nil) // want `reach "var" -> net/http net/http url="https://a.example/var" method="GET"`
	r2 := req
	var r3 = r2
	(r3).SetBasicAuth("me", "var")
}

// Through struct fields: keyed literals and field assignments.
type call struct {
	req  *http.Request
	name string
}

func fields() {
	lit, _ := http.NewRequest("GET", "https://a.example/lit", nil) // want `reach "field" -> net/http net/http url="https://a.example/lit"`
	c := call{req: lit, name: "x"}
	set, _ := http.NewRequest("PUT", "https://a.example/set", nil) // want `reach "field" -> net/http net/http url="https://a.example/set" method="PUT"`
	c.req = set
	c.req.SetBasicAuth("me", "field")
}

// Through helper returns: one result, and the first of several.
func newReq(url string) *http.Request {
	r, _ := http.NewRequest("DELETE", url, nil) // want `reach "ret1" -> net/http net/http url=url method="DELETE"`
	return r
}

func build(url string) (*http.Request, error) {
	return http.NewRequest("HEAD", url, nil) // want `reach "ret2" -> net/http net/http url=url method="HEAD"`
}

func returns() {
	newReq("https://a.example/ret1").SetBasicAuth("me", "ret1")
	req, err := build("https://a.example/ret2")
	_ = err
	req.SetBasicAuth("me", "ret2")
}

// Through helper parameters: every call of the helper in the package.
func authorize(r *http.Request) {
	r.SetBasicAuth("me", "param")
}

func params() {
	a, _ := http.NewRequest("GET", "https://a.example/pa", nil) // want `reach "param" -> net/http net/http url="https://a.example/pa"`
	authorize(a)
	b, _ := http.NewRequest("POST", "https://a.example/pb", nil) // want `reach "param" -> net/http net/http url="https://a.example/pb" method="POST"`
	authorize(b)
}

// Clone and WithContext keep the request's URL, however chained; so does
// reassigning the variable (a cycle through req itself).
func clones() {
	req, _ := http.NewRequest("GET", "https://a.example/clone", nil) // want `reach "clone" -> net/http net/http url="https://a.example/clone"` `reach "chain" -> net/http` `reach "self" -> net/http`
	c := req.Clone(ctx)
	c.SetBasicAuth("me", "clone")
	req.WithContext(ctx).Clone(ctx).SetBasicAuth("me", "chain")
	req = req.WithContext(ctx)
	req.SetBasicAuth("me", "self")
}

// Values follows variables, fields, parameters and helper results.
func valuesOf(u string) {
	x := "https://a.example/one"
	x = u
	values(x) // want `values "https://a.example/one" \| u`
	r, err := build(x)
	values(r)           // want `values http.NewRequest\("HEAD", url, nil\)\[0\]`
	values(err)         // want `values http.NewRequest\("HEAD", url, nil\)\[1\]`
	values(call{}.name) // want `values "x"`
}

func callValuesOf() { valuesOf("https://a.example/two") }

func paramValues(s string) {
	values(s) // want `values s \| "https://a.example/three" \| "https://a.example/four"`
}

func callParamValues() {
	paramValues("https://a.example/three")
	paramValues("https://a.example/four")
}
