// Package bad does not type-check: Reaches must find what it can and
// neither crash nor invent links.
package bad

import "net/http"

func undefinedParts() {
	req, _ := http.NewRequest("GET", undefinedURL, nil) // want `reach "known" -> net/http net/http url=undefinedURL`
	req.SetBasicAuth("me", "known")

	r2 := undefinedFunc("https://a.example/x")
	r2.SetBasicAuth("me", "unknown")

	var c undefinedClient
	c.Auth.SetBasicAuth("me", "client")

	req3, _ := http.NewRequest("GET", "https://a.example/bad", nil, 1)
	req3.SetBasicAuth("me", "arity") // want `unreached "arity"`

	var x int = "s"
	_ = x
}
