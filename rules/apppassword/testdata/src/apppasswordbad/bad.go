// Package apppasswordbad is bad input: code that does not type-check, odd
// escapes and spellings. The rule must not crash and must stay precise.
package apppasswordbad

import (
	"fmt"
	"net/http"
	"os"
)

func undefinedPieces(user string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(user, undefinedPassword)
	req.SetBasicAuth(user, os.Getenv(missingName))
	req.SetBasicAuth(user, os.Getenv("BITBUCKET_APP_PASSWORD"), 3)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USER"), os.Getenv("BITBUCKET_APP_PASSWORD")) // want `ATL102 Bitbucket app password from \$BITBUCKET_APP_PASSWORD sent to api\.bitbucket\.org`
}

// Escapes in the host and the name: the values are what count.
func escapes(user string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket\x2eorg/2.0/user", nil)
	req.SetBasicAuth(user, os.Getenv("BITBUCKET_\x41PP_PASSWORD")) // want `from \$BITBUCKET_APP_PASSWORD sent to api\.bitbucket\.org`
	req2, _ := http.NewRequest("GET", "https://API.Bitbucket.ORG/2.0/user", nil)
	req2.SetBasicAuth(user, os.Getenv("BITBUCKET_APP_PASSWORD")) // want `sent to api\.bitbucket\.org`
	req3, _ := http.NewRequest("GET", `https://api.bitbucket.org:443/2.0/user`, nil)
	req3.SetBasicAuth(user, os.Getenv("BITBUCKET_APP_PASSWORD")) // want `sent to api\.bitbucket\.org`
}

// Formats with odd verbs, missing arguments and percent signs.
func formats(user, repo string) {
	pw := os.Getenv("BITBUCKET_APP_PASSWORD")
	_ = fmt.Sprintf("https://%s:%s@bitbucket.org/%s", user)
	_ = fmt.Sprintf("https://%[1]s:%[2]s@bitbucket.org/%%s/%s", user, pw, repo) // want `ATL102 .*sent to bitbucket\.org`
	_ = fmt.Sprintf("https://%s:%-10s@bitbucket.org/x", user, pw)               // want `ATL102 .*sent to bitbucket\.org`
	_ = fmt.Sprintf("https://%s@bitbucket.org:%s", user, pw)
	_ = fmt.Sprintf("%s://%s:%s@bitbucket.org/", "https", user, pw)
	_ = fmt.Sprintf("https://%s:%s@%s", user, pw, "bitbucket.org")
	_ = "https://" + user + ":" + pw + "@" + "bitbucket.org" // want `ATL102 .*sent to bitbucket\.org`
	_ = "https://" + user + ":" + pw + "@" + "bitbucket.org" + os.Getenv("SUFFIX")
}

// A name that is far too long is not read as a name.
func longName(user string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(user, os.Getenv("X_VERY_LONG_PREFIX_THAT_GOES_ON_AND_ON_AND_ON_AND_ON_AND_ON_APP_PASSWORD"))
}
