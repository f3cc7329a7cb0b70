package model

import "github.com/atlint/atlint/atlassian"

// The library method tables live in package atlassian (LookupLibCall);
// this file is the one place the model reads them.

// A libOp is what a library service method sends.
type libOp struct {
	method string // upper case
	path   string // path template relative to the client's base URL, "{}" holes
}

// lookupLibOp returns the HTTP method and path of a library method.
func lookupLibOp(pkgPath, recv, name string) (libOp, bool) {
	c, ok := atlassian.LookupLibCall(pkgPath, recv, name)
	if !ok {
		return libOp{}, false
	}
	return libOp{method: c.HTTPMethod, path: c.Path}, true
}
