// Package apppassword holds ATL102 fixtures for net/http: positives and
// near-misses (Data Center hosts, access tokens, OAuth consumers, API
// tokens sent with an email).
package apppassword

import (
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"net/http"
	"os"
)

const api = "https://api.bitbucket.org/2.0"

func envPassword() {
	req, _ := http.NewRequest("GET", api+"/user", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD")) // want `ATL102 Bitbucket app password from \$BITBUCKET_APP_PASSWORD sent to api\.bitbucket\.org: app passwords stopped working on 2026-07-28; use a scoped API token \(created with Bitbucket scopes\) with the Atlassian account email, not the Bitbucket username, as the Basic-auth user; the token needs scopes read:user:bitbucket$`
	http.DefaultClient.Do(req)
}

// A request the scope table does not know: no scopes are named.
func unknownOperation() {
	req, _ := http.NewRequest("GET", api+"/no/such/operation", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD")) // want `ATL102 .*, not the Bitbucket username, as the Basic-auth user$`
}

// A method that is not constant: no scopes either.
func unknownMethod(method string) {
	req, _ := http.NewRequest(method, api+"/user", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD")) // want `ATL102 .*, not the Bitbucket username, as the Basic-auth user$`
}

// Other spellings of the variable, through a local variable and LookupEnv.
func spellings(ctx context.Context) {
	pw, _ := os.LookupEnv("BB_APP_PASSWORD")
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.bitbucket.org/2.0/repositories/ws/repo/pullrequests", nil)
	req.SetBasicAuth(os.Getenv("BB_USER"), pw) // want `ATL102 Bitbucket app password from \$BB_APP_PASSWORD sent to api\.bitbucket\.org: .*; the token needs scopes read:pullrequest:bitbucket, write:pullrequest:bitbucket$`

	req2, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req2.SetBasicAuth(os.Getenv("BB_USER"), os.Getenv("BITBUCKET_APPPASS")) // want `from \$BITBUCKET_APPPASS sent`
}

// A constant user name: the message says it must become the email.
func constantUser() {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/repositories/myteam", nil)
	req.SetBasicAuth("build-bot", os.Getenv("BITBUCKET_APP_PASSWORD")) // want `ATL102 .*as the Basic-auth user; the user name is a constant here: it must become the email; the token needs scopes read:repository:bitbucket$`
}

// Struct fields and tags.
type Config struct {
	Username    string `json:"username"`
	AppPassword string `json:"app_password"`
	Secret      string `yaml:"bitbucket_app_password"`
	Email       string `json:"email"`
	APIToken    string `json:"api_token"`
}

func fields(cfg *Config) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(cfg.Username, cfg.AppPassword) // want `ATL102 Bitbucket app password from Config\.AppPassword sent to api\.bitbucket\.org`

	req2, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req2.SetBasicAuth(cfg.Username, cfg.Secret) // want `from Config\.Secret \(tag "bitbucket_app_password"\) sent`
}

// A flag.
var pwFlag = flag.String("app-password", "", "Bitbucket app password")

func flags(user string) {
	req, _ := http.NewRequest("GET", "https://bitbucket.org/api/2.0/user", nil)
	req.SetBasicAuth(user, *pwFlag) // want `ATL102 Bitbucket app password from flag\.String\("app-password"\) sent to bitbucket\.org`
}

var pwVar string

func init() {
	flag.StringVar(&pwVar, "bitbucket-app-password", "", "")
}

func flagVar(user string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(user, pwVar) // want `from flag\.StringVar\("bitbucket-app-password"\) sent`
}

// A config map.
func configKey(conf map[string]string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(conf["username"], conf["app_password"]) // want `from key "app_password" sent`
}

// An Authorization header built by hand.
func header() {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	creds := os.Getenv("BITBUCKET_USERNAME") + ":" + os.Getenv("BITBUCKET_APP_PASSWORD")
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(creds))) // want `ATL102 Bitbucket app password from \$BITBUCKET_APP_PASSWORD sent to api\.bitbucket\.org`
}

// A helper of the package: the password comes through a parameter.
func authenticate(req *http.Request, user, password string) {
	req.SetBasicAuth(user, password) // want `ATL102 Bitbucket app password from \$BITBUCKET_APP_PASSWORD sent to api\.bitbucket\.org`
}

func viaHelper() {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	authenticate(req, os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// A URL built with fmt.Sprintf.
func sprintfURL(ws string) {
	req, _ := http.NewRequest("GET", fmt.Sprintf("https://api.bitbucket.org/2.0/workspaces/%s", ws), nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD")) // want `ATL102`
}

// ---- near-misses: silent ----

// Bitbucket Data Center: no app passwords there.
func dataCenter() {
	req, _ := http.NewRequest("GET", "https://bitbucket.example.com/rest/api/1.0/projects", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// A host the code does not write.
func configuredHost() {
	req, _ := http.NewRequest("GET", os.Getenv("BITBUCKET_URL")+"/2.0/user", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// A host that only starts like Bitbucket's.
func lookalike(rest string) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org"+rest, nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// Access tokens are Bearer tokens.
func accessToken() {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/repositories/ws/repo", nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BITBUCKET_ACCESS_TOKEN"))
}

// An app password sent as Bearer is not Basic auth (and never worked).
func bearer() {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// An OAuth consumer's key and secret at the token endpoint.
func oauthConsumer() {
	req, _ := http.NewRequest("POST", "https://bitbucket.org/site/oauth2/access_token", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_OAUTH_KEY"), os.Getenv("BITBUCKET_OAUTH_SECRET"))
	req2, _ := http.NewRequest("POST", "https://bitbucket.org/site/oauth2/access_token", nil)
	req2.SetBasicAuth(os.Getenv("BITBUCKET_CLIENT_ID"), os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// API tokens sent with an email: already migrated.
func apiToken(cfg *Config) {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_EMAIL"), os.Getenv("BITBUCKET_API_TOKEN"))
	req.SetBasicAuth(cfg.Username, cfg.APIToken)
	// An old variable name, but the user is the email: an API token.
	req.SetBasicAuth(cfg.Email, cfg.AppPassword)
	req.SetBasicAuth("me@example.com", os.Getenv("BITBUCKET_APP_PASSWORD"))
	email := os.Getenv("ATLASSIAN_EMAIL")
	req.SetBasicAuth(email, os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// A value named only "password" is not taken for an app password.
func plainPassword() {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_PASSWORD"))
}

// Jira Cloud is not Bitbucket.
func jira() {
	req, _ := http.NewRequest("GET", "https://mysite.atlassian.net/rest/api/3/myself", nil)
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// A directive silences a finding.
func ignored() {
	req, _ := http.NewRequest("GET", "https://api.bitbucket.org/2.0/user", nil)
	//atlint:ignore ATL102 talks to a recorded mock in tests
	req.SetBasicAuth(os.Getenv("BITBUCKET_USERNAME"), os.Getenv("BITBUCKET_APP_PASSWORD"))
}

// A RoundTripper of the package that authenticates every request of a
// client used for Bitbucket Cloud.
type bbTransport struct {
	user, appPassword string
	next              http.RoundTripper
}

func (t *bbTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req.SetBasicAuth(t.user, t.appPassword) // want `ATL102 Bitbucket app password from bbTransport\.appPassword sent to api\.bitbucket\.org`
	return t.next.RoundTrip(req)
}

func withTransport() {
	c := &http.Client{Transport: &bbTransport{user: os.Getenv("BITBUCKET_USERNAME"), appPassword: os.Getenv("BITBUCKET_APP_PASSWORD")}}
	c.Get("https://api.bitbucket.org/2.0/user")
}
