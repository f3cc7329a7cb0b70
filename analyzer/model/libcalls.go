package model

import "github.com/atlint/atlint/atlassian"

// The library method tables live in package atlassian (LookupLibCalls);
// this file is the one place the model reads them.

// A libOp is what a library service method sends.
type libOp struct {
	method string   // upper case, of the method's first request
	paths  []string // path templates relative to the client's base URL, "{}" holes: every row with that method
}

// lookupLibOp returns the HTTP method and paths of a library method. A
// method with several rows under one HTTP method (go-atlassian's Issue
// methods send /rest/api/2/... or /rest/api/3/... by client version) has
// each path as a candidate.
func lookupLibOp(pkgPath, recv, name string) (libOp, bool) {
	if !atlassian.IsLibCallPackage(pkgPath) {
		return libOp{}, false
	}
	rows := atlassian.LookupLibCalls(pkgPath, recv, name)
	if len(rows) == 0 {
		return libOp{}, false
	}
	op := libOp{method: rows[0].HTTPMethod}
	for _, r := range rows {
		if r.HTTPMethod == op.method {
			op.paths = append(op.paths, r.Path)
		}
	}
	return op, true
}
