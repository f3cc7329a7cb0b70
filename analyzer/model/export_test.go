package model

// IndexBuilt reports whether r built its reach index (the work Requests
// skips in packages that cannot make a request).
func IndexBuilt(r *Result) bool { return r.reach != nil }
