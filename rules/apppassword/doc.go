// Package apppassword defines the analyzer behind rule ATL102: a Bitbucket
// Cloud app password sent to Bitbucket Cloud, which has failed since
// 2026-07-28.
//
// # Analyzer apppassword
//
// apppassword: report Bitbucket Cloud app passwords, which stopped working on 2026-07-28 (ATL102)
//
// Rule ATL102. Bitbucket Cloud stopped issuing app passwords on 2025-09-09,
// failed them in brownouts from 2026-06-09 and removed them on 2026-07-28:
// every request that authenticates with one gets 401. The replacement is a
// user API token created "with scopes" for Bitbucket, and it is not a
// drop-in secret: for the REST API (https://api.bitbucket.org/2.0/…) the
// Basic-auth user becomes the Atlassian account email instead of the
// Bitbucket username, and the token needs the scopes of the calls it makes.
// For git over HTTPS (https://USER:TOKEN@bitbucket.org/…) the user stays the
// Bitbucket username, or the static name x-bitbucket-api-token-auth;
// Atlassian's "Using API tokens" page for Bitbucket Cloud
// (https://support.atlassian.com/bitbucket-cloud/docs/using-api-tokens/)
// documents both: "--user {atlassian_account_email}:{api_token}" for the
// APIs, "https://{bitbucket_username}:{api_token}@bitbucket.org/…" and
// "x-bitbucket-api-token-auth" for git.
//
// The rule reports where the password is handed over, when the code itself
// says the value is an app password:
//
//   - a literal app password (ATBB + 32 characters with a valid checksum),
//     written elsewhere and reaching the place through constants, variables
//     or helper parameters;
//   - an environment variable, flag, config key or map key whose name says
//     app password (BITBUCKET_APP_PASSWORD, BB_APP_PASSWORD, --app-password,
//     "bitbucket.app_password", appPass), read with any call that takes the
//     name as a constant argument (os.Getenv, os.LookupEnv, flag.String,
//     flag.StringVar, viper.GetString...);
//   - a variable or struct field named so (AppPassword, appPassword,
//     app_password), or a field whose struct tag names it (json:"app_password").
//
// Values are followed with the shared model: within a function through
// assignments, struct fields, concatenation and the string and encoding
// helpers, and across the package's own functions through their
// parameters. The places are:
//
//   - net/http: (*http.Request).SetBasicAuth and Header.Set/Add("Authorization",
//     "Basic …"), on a request or client whose URL is Bitbucket Cloud
//     (api.bitbucket.org, bitbucket.org), with the links the model finds
//     (http.NewRequest, Client.Do/Get/Post, RoundTrippers of the package);
//   - github.com/ktrysmt/go-bitbucket: NewBasicAuth, NewBasicAuthWithCaCert,
//     NewAPITokenAuth and NewAPITokenAuthWithCaCert (the client talks to
//     https://api.bitbucket.org/2.0 unless BITBUCKET_API_BASE_URL says
//     otherwise), and their WithBaseUrlStr forms when the URL is Bitbucket
//     Cloud;
//   - git over HTTPS: a URL built with the password as its userinfo,
//     "https://" + user + ":" + pw + "@bitbucket.org/…" or
//     fmt.Sprintf("https://%s:%s@bitbucket.org/%s", user, pw, repo), a
//     url.UserPassword(user, pw) stored as the User of a url.URL whose Host
//     (or url.Parse argument) is bitbucket.org, and a go-git http.BasicAuth (github.com/go-git/go-git/v5) in clone, fetch,
//     pull or push options whose URL is bitbucket.org.
//
// Silent: Bitbucket Data Center and other hosts (they never had app
// passwords; their HTTP access tokens are Bearer tokens); URLs the code
// reads only from configuration; Bearer credentials, among them workspace,
// project and repository access tokens (ATCTT3…, x-token-auth); OAuth
// consumers (key and secret sent to bitbucket.org/site/oauth2/…); values
// named an API token or holding one (ATATT3…); and Basic auth whose user is
// an email (a constant with "@", or a value named email), which is how an
// API token is sent even when the variable kept its old app-password name.
// A value named only "password" is not taken for an app password.
//
// One finding per place: a literal app password written inside the call
// that sends it (req.SetBasicAuth("me", "ATBB…")) is already reported there
// by ATL101, whose message says app passwords stopped working and whose fix
// reads BITBUCKET_API_TOKEN, so ATL102 adds nothing; a literal written
// elsewhere gets ATL101 where it is written and ATL102 where it is sent.
//
// The message says what to do: a scoped API token replaces the password,
// and for the REST API the user must be the Atlassian account email; when
// the user is a constant it says that constant must become the email (git:
// the Bitbucket username or x-bitbucket-api-token-auth). There is no
// suggested fix: the linter cannot know the email, and a fix that sends a
// wrong user name only trades one 401 for another.
//
// Scopes. The message names the granular scopes the token needs ("the
// token needs scopes read:pullrequest:bitbucket, write:pullrequest:bitbucket")
// when the shared request model resolves every Bitbucket Cloud request the
// credential reaches to an operation of Atlassian's REST scope table: net/http
// requests with a constant method and path, and the go-bitbucket service
// calls (c.Repositories.PullRequests.Create) of the client the constructor
// returns (see atlassian.LookupOperation). When one of them does not
// resolve, no scopes are named rather than a partial list. Git over HTTPS
// always names read:repository:bitbucket, and write:repository:bitbucket to
// push: Atlassian's "API token permissions" page says the write scope does
// not imply the read one
// (https://support.atlassian.com/bitbucket-cloud/docs/api-token-permissions/),
// and its Forge page on Bitbucket git operations names read for clone and
// write for push.
//
// Suppression:
//
//	//atlint:ignore ATL102 talks to a mock server in tests
package apppassword

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
