// Package server imports net/http to serve, and makes no request: the
// request model builds no index for it.
package server

import "net/http"

func handle(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte(r.URL.Path))
}

var _ = http.HandlerFunc(handle)
