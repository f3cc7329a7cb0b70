package model

import (
	"go/token"
	"slices"

	"github.com/atlint/atlint/atlassian"
)

// A Resolution is one candidate URL of a request looked up in the REST
// scope table (atlassian.LookupOperation): the operation it is, or why it
// is none.
type Resolution struct {
	URL    URL
	Op     *atlassian.Operation // nil when the candidate does not resolve
	Reason string               // why Op is nil
}

// Reasons of Resolve besides those of atlassian.LookupOperation.
const (
	ReasonLibMethod = "library method not in atlint's tables"
	ReasonNoMethod  = "HTTP method not constant"
	ReasonNoURL     = "URL not constant enough"
)

// Resolve looks each candidate URL of the request up in the REST scope
// table, in candidate order. A request whose method or path is not
// constant resolves to nothing, with the reason; nothing is guessed.
func (q *Request) Resolve() []Resolution {
	out := make([]Resolution, 0, len(q.URLs))
	for _, u := range q.URLs {
		r := Resolution{URL: u}
		switch {
		case q.Method == "" && q.Library != LibNetHTTP && q.URLExpr == nil:
			r.Reason = ReasonLibMethod
		case q.Method == "":
			r.Reason = ReasonNoMethod
		case !u.Known():
			r.Reason = ReasonNoURL
		default:
			op, ok, reason := atlassian.LookupOperation(q.Method, u.Origin, u.Path)
			if ok {
				r.Op = op
			} else {
				r.Reason = reason
			}
		}
		out = append(out, r)
	}
	return out
}

// Operation returns the first operation the request's candidates resolve
// to, with its candidate URL; nil when none does.
func (q *Request) Operation() (*atlassian.Operation, URL) {
	for _, r := range q.Resolve() {
		if r.Op != nil {
			return r.Op, r.URL
		}
	}
	return nil, URL{}
}

// Operations returns the distinct operations the request's candidates
// resolve to, in candidate order.
func (q *Request) Operations() []*atlassian.Operation {
	var out []*atlassian.Operation
	for _, r := range q.Resolve() {
		if r.Op != nil && !slices.Contains(out, r.Op) {
			out = append(out, r.Op)
		}
	}
	return out
}

// End is the end of the request's Site node: the wrapper call for a
// request with Via, else Node.
func (q *Request) End() token.Pos {
	if q.Via != nil {
		return q.Via.End()
	}
	return q.Node.End()
}
