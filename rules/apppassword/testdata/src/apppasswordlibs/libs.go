// Package apppasswordlibs holds ATL102 fixtures for client libraries
// (go-bitbucket, go-git) and git-over-HTTPS URLs.
package apppasswordlibs

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"

	"github.com/go-git/go-git/v5"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/ktrysmt/go-bitbucket"
)

type Settings struct {
	Workspace   string
	User        string
	AppPassword string
	Email       string
	Token       string `json:"api_token"`
}

// ---- go-bitbucket ----

func goBitbucket(s Settings) {
	c, _ := bitbucket.NewBasicAuth(s.User, s.AppPassword) // want `ATL102 Bitbucket app password from Settings\.AppPassword sent to api\.bitbucket\.org \(go-bitbucket NewBasicAuth\): app passwords stopped working on 2026-07-28; use a scoped API token \(created with Bitbucket scopes\) with the Atlassian account email, not the Bitbucket username, as the Basic-auth user; the token needs scopes read:pullrequest:bitbucket, write:pullrequest:bitbucket$`
	c.Repositories.PullRequests.Create(&bitbucket.PullRequestsOptions{Owner: s.Workspace})

	bitbucket.NewBasicAuth("ci-bot", os.Getenv("BITBUCKET_APP_PASSWORD"))                                                       // want `ATL102 .*\(go-bitbucket NewBasicAuth\).*the user name is a constant here: it must become the email$`
	bitbucket.NewBasicAuthWithCaCert(s.User, os.Getenv("BITBUCKET_APP_PASSWORD"), nil)                                          // want `\(go-bitbucket NewBasicAuthWithCaCert\)`
	bitbucket.NewBasicAuthWithBaseUrlStr(s.User, os.Getenv("BITBUCKET_APP_PASSWORD"), "https://api.bitbucket.org/2.0")          // want `sent to api\.bitbucket\.org \(go-bitbucket NewBasicAuthWithBaseUrlStr\)`
	bitbucket.NewBasicAuthWithBaseUrlStr(s.User, os.Getenv("BITBUCKET_APP_PASSWORD"), bitbucket.DEFAULT_BITBUCKET_API_BASE_URL) // want `\(go-bitbucket NewBasicAuthWithBaseUrlStr\)`
	// The new constructor with an app password is still an app password.
	bitbucket.NewAPITokenAuth(s.User, s.AppPassword) // want `\(go-bitbucket NewAPITokenAuth\)`
}

// Silent: API tokens with an email, OAuth, access tokens, other hosts.
func goBitbucketSilent(s Settings) {
	bitbucket.NewAPITokenAuth(s.Email, os.Getenv("BITBUCKET_API_TOKEN"))
	bitbucket.NewBasicAuth(s.Email, s.Token)
	bitbucket.NewBasicAuth(os.Getenv("BITBUCKET_EMAIL"), os.Getenv("BITBUCKET_APP_PASSWORD"))
	bitbucket.NewOAuthClientCredentials(os.Getenv("BITBUCKET_CLIENT_ID"), os.Getenv("BITBUCKET_CLIENT_SECRET"))
	bitbucket.NewOAuthbearerToken(os.Getenv("BITBUCKET_ACCESS_TOKEN"))
	bitbucket.NewOAuthbearerToken(os.Getenv("BITBUCKET_APP_PASSWORD"))
	bitbucket.NewBasicAuthWithBaseUrlStr(s.User, os.Getenv("BITBUCKET_APP_PASSWORD"), "https://bitbucket.internal.example.com/rest/api/1.0")
	bitbucket.NewBasicAuthWithBaseUrlStr(s.User, os.Getenv("BITBUCKET_APP_PASSWORD"), os.Getenv("BITBUCKET_API_BASE_URL"))
	bitbucket.NewBasicAuth(s.User, os.Getenv("BITBUCKET_PASSWORD"))
}

// ---- git over HTTPS ----

func gitURL(user, repo string) {
	pw := os.Getenv("BITBUCKET_APP_PASSWORD")
	url := "https://" + user + ":" + pw + "@bitbucket.org/" + repo + ".git" // want `ATL102 Bitbucket app password from \$BITBUCKET_APP_PASSWORD sent to bitbucket\.org: app passwords stopped working on 2026-07-28; use a scoped API token \(created with Bitbucket scopes read:repository:bitbucket, and write:repository:bitbucket to push\); for git over HTTPS the user stays the Bitbucket username or becomes x-bitbucket-api-token-auth$`
	exec.Command("git", "clone", url).Run()

	exec.Command("git", "clone", fmt.Sprintf("https://%s:%s@bitbucket.org/%s.git", user, os.Getenv("BB_APP_PASSWORD"), repo)).Run() // want `from \$BB_APP_PASSWORD sent to bitbucket\.org: .*x-bitbucket-api-token-auth$`
	exec.Command("git", "clone", "https://ci-bot:"+pw+"@bitbucket.org/ws/repo.git").Run()                                           // want `sent to bitbucket\.org: .*for git over HTTPS`

	// URL userinfo on the API host is Basic auth for net/http.
	http.Get(fmt.Sprintf("https://%s:%s@api.bitbucket.org/2.0/user", user, pw)) // want `sent to api\.bitbucket\.org: .*the Atlassian account email`
}

// url.URL with url.UserPassword.
func gitURLUser(user, repo string) {
	u := &url.URL{Scheme: "https", Host: "bitbucket.org", Path: "/ws/" + repo, User: url.UserPassword(user, os.Getenv("BITBUCKET_APP_PASSWORD"))} // want `ATL102 Bitbucket app password from \$BITBUCKET_APP_PASSWORD sent to bitbucket\.org: .*for git over HTTPS`
	exec.Command("git", "clone", u.String()).Run()

	v, _ := url.Parse("https://bitbucket.org/ws/repo.git")
	v.User = url.UserPassword(user, os.Getenv("BITBUCKET_APP_PASSWORD")) // want `sent to bitbucket\.org: .*for git over HTTPS`

	w, _ := url.Parse("https://bitbucket.example.com/scm/ws/repo.git")
	w.User = url.UserPassword(user, os.Getenv("BITBUCKET_APP_PASSWORD"))
	x := url.URL{Host: "bitbucket.org", User: url.UserPassword(user, os.Getenv("BITBUCKET_API_TOKEN"))}
	_, _ = w, x
}

// Silent: access tokens (x-token-auth), API tokens, other hosts, no password.
func gitURLSilent(user, repo string) {
	pw := os.Getenv("BITBUCKET_APP_PASSWORD")
	exec.Command("git", "clone", "https://x-token-auth:"+os.Getenv("BITBUCKET_ACCESS_TOKEN")+"@bitbucket.org/"+repo).Run()
	exec.Command("git", "clone", "https://x-bitbucket-api-token-auth:"+os.Getenv("BITBUCKET_API_TOKEN")+"@bitbucket.org/"+repo).Run()
	exec.Command("git", "clone", "https://"+user+":"+os.Getenv("BITBUCKET_API_TOKEN")+"@bitbucket.org/"+repo).Run()
	exec.Command("git", "clone", "https://"+user+":"+pw+"@bitbucket.example.com/scm/"+repo).Run()
	exec.Command("git", "clone", "https://"+user+"@bitbucket.org/"+repo).Run()
	exec.Command("git", "clone", fmt.Sprintf("https://%s:%s@%s/%s", user, pw, os.Getenv("GIT_HOST"), repo)).Run()
	exec.Command("git", "clone", "https://"+user+":"+pw+"@bitbucket.org.example.com/"+repo).Run()
}

// ---- go-git ----

func goGit(dir string, s Settings) {
	git.PlainClone(dir, false, &git.CloneOptions{
		URL:  "https://bitbucket.org/ws/repo.git",
		Auth: &githttp.BasicAuth{Username: s.User, Password: s.AppPassword}, // want `ATL102 Bitbucket app password from Settings\.AppPassword sent to bitbucket\.org \(go-git BasicAuth\): .*x-bitbucket-api-token-auth$`
	})
	auth := &githttp.BasicAuth{Username: s.User, Password: os.Getenv("BITBUCKET_APP_PASSWORD")} // want `from \$BITBUCKET_APP_PASSWORD sent to bitbucket\.org \(go-git BasicAuth\)`
	r, _ := git.PlainClone(dir, false, &git.CloneOptions{URL: "https://bitbucket.org/" + s.Workspace + "/repo.git", Auth: auth})
	r.Push(&git.PushOptions{Auth: auth})
}

func goGitSilent(dir string, s Settings) {
	git.PlainClone(dir, false, &git.CloneOptions{
		URL:  "https://bitbucket.example.com/scm/ws/repo.git",
		Auth: &githttp.BasicAuth{Username: s.User, Password: s.AppPassword},
	})
	git.PlainClone(dir, false, &git.CloneOptions{
		URL:  "https://bitbucket.org/ws/repo.git",
		Auth: &githttp.BasicAuth{Username: "x-token-auth", Password: os.Getenv("BITBUCKET_ACCESS_TOKEN")},
	})
	git.PlainClone(dir, false, &git.CloneOptions{
		URL:  "https://bitbucket.org/ws/repo.git",
		Auth: &githttp.TokenAuth{Token: os.Getenv("BITBUCKET_APP_PASSWORD")},
	})
	r, _ := git.PlainClone(dir, false, &git.CloneOptions{URL: os.Getenv("REPO_URL")})
	r.Push(&git.PushOptions{Auth: &githttp.BasicAuth{Username: s.User, Password: s.AppPassword}})
}
