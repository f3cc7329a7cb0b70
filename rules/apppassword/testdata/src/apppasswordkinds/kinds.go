// Package apppasswordkinds holds ATL102 fixtures with credential values;
// atltest expands the placeholders into checksum-valid fake tokens.
package apppasswordkinds

import (
	"net/http"
	"os"

	"github.com/ktrysmt/go-bitbucket"
)

// Written here, sent below: ATL101 reports the literal, ATL102 the sink.
const bbPassword = "{{atl apppw k1}}"

func namedConst(user string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(user, bbPassword) // want `ATL102 Bitbucket app password "{{atl apppw k1 redact quote}}" sent to api\.bitbucket\.org: app passwords stopped working on 2026-07-28`
}

func localVar(user string) {
	pw := "{{atl apppw k2}}"
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(user, pw)       // want `ATL102 Bitbucket app password "{{atl apppw k2 redact quote}}" sent to api\.bitbucket\.org`
	bitbucket.NewBasicAuth(user, pw) // want `"{{atl apppw k2 redact quote}}" sent to api\.bitbucket\.org \(go-bitbucket NewBasicAuth\)`
}

func send(user, password string) {
	bitbucket.NewBasicAuth(user, password) // want `"{{atl apppw k3 redact quote}}" sent to api\.bitbucket\.org`
}

func caller() { send("bot", "{{atl apppw k3}}") }

// Written inside the call that sends it: ATL101's finding there is the
// only one (its message says app passwords stopped working).
func inline(user string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(user, "{{atl apppw k4}}")
	bitbucket.NewBasicAuth(user, "{{atl apppw k5}}")
	req.Header.Set("Authorization", "{{atl apppw k6 basic=bot}}")
	_ = "https://bot:{{atl apppw k7}}@bitbucket.org/ws/repo.git"
	_ = "https://" + user + ":{{atl apppw k8}}@bitbucket.org/ws/repo.git"
}

// Silent: API tokens with an email, access tokens as Bearer, look-alikes.
func silent(user string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	tok := "{{atl api k9}}"
	req.SetBasicAuth("me@example.com", tok)
	req.SetBasicAuth(user, tok)
	access := "{{atl access k10}}"
	req.Header.Set("Authorization", "Bearer "+access)
	bad := "{{atl apppw k11 bad}}"
	req.SetBasicAuth(user, bad)
	req.SetBasicAuth(user, os.Getenv("BITBUCKET_TOKEN"))
	// An old name holding an API token: not an app password.
	appPassword := "{{atl api k12}}"
	req.SetBasicAuth(user, appPassword)
}
