package modelreach

import (
	"net/http"

	jira "github.com/andygrunwald/go-jira"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
)

// A request without auth reaches nothing; auth on another request reaches
// only that one.
func otherRequest() {
	plain, _ := http.NewRequest("GET", "https://a.example/plain", nil)
	_ = plain
	authed, _ := http.NewRequest("GET", "https://a.example/authed", nil) // want `reach "other" -> net/http net/http url="https://a.example/authed"`
	authed.SetBasicAuth("me", "other")
}

// Requests that come from outside the package, or from calls the model
// does not know, reach nothing.
func Exported(r *http.Request) {
	r.SetBasicAuth("me", "exported") // want `unreached "exported"`
}

func unknownOrigin(c *jira.Client) {
	req, _ := c.NewRequest("GET", "rest/api/2/myself", nil)
	req.SetBasicAuth("me", "libreq") // want `unreached "libreq"`
	http.DefaultClient.Do(req)
}

// A transport that no client uses, and a client that sends no request.
func unusedTransport() {
	_ = jira.BasicAuthTransport{Username: "me", Password: "unused"} // want `unreached "unused"`
	tp := jira.BearerAuthTransport{Token: "idle"}                   // want `unreached "idle"`
	c := tp.Client()
	_ = c.Timeout
	c.CloseIdleConnections()
}

// A transport that is not an http.Client's Transport field.
type holder struct{ Transport http.RoundTripper }

func notAClient() {
	tp := &jira.PATAuthTransport{Token: "holder"} // want `unreached "holder"`
	h := holder{Transport: tp}
	_ = h
}

// A library client not made by New, and a RoundTripper no client uses.
func libraryMisses(c *v3.Client) {
	c.Auth.SetBearerToken("noNew") // want `unreached "noNew"`
}

type idleRT struct{}

func (idleRT) RoundTrip(r *http.Request) (*http.Response, error) {
	r.SetBasicAuth("me", "idleRT") // want `unreached "idleRT"`
	return nil, nil
}

// Cycles: variables assigned from each other, a recursive helper, a
// request that is a Clone of itself. They end, and find the requests
// there are.
func cycles() {
	var a, b *http.Request
	a = b
	b = a
	a.SetBasicAuth("me", "cycle") // want `unreached "cycle"`

	loop(nil).SetBasicAuth("me", "loop") // want `unreached "loop"`

	req, _ := http.NewRequest("GET", "https://a.example/cyc", nil) // want `reach "self2" -> net/http net/http url="https://a.example/cyc"`
	for range 3 {
		req = req.Clone(ctx).WithContext(ctx)
	}
	req.SetBasicAuth("me", "self2")

	// Several self-assignments: one reach, found without following every
	// combination of them.
	many, _ := http.NewRequest("GET", "https://a.example/many", nil) // want `reach "many" -> net/http net/http url="https://a.example/many"`
	many = many.Clone(ctx)
	many = many.WithContext(ctx)
	many = many.Clone(ctx)
	many = many.WithContext(ctx)
	many = many.Clone(ctx)
	many.SetBasicAuth("me", "many")
}

func loop(r *http.Request) *http.Request { return loop(r) }

// Mutual recursion through parameters.
func ping(r *http.Request, n int) {
	if n > 0 {
		pong(r, n-1)
	}
	r.SetBasicAuth("me", "ping") // want `unreached "ping"`
}

func pong(r *http.Request, n int) { ping(r, n) }

// Values follows no pointer: a request reached through *p is not linked
// (a limit; the request variable itself is).
func pointer() {
	req, _ := http.NewRequest("GET", "https://a.example/ptr", nil)
	p := &req
	(*p).SetBasicAuth("me", "ptr") // want `unreached "ptr"`
}
