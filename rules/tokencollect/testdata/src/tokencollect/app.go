// Package tokencollect is an app that asks its users for Atlassian API
// tokens: every way it stores or uses them is a finding of ATL401.
package tokencollect

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	jira "github.com/andygrunwald/go-jira"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

// JiraConnection is a gorm model next to an Atlassian base URL.
type JiraConnection struct {
	gorm.Model
	BaseURL  string
	Email    string
	APIToken string // want `ATL401 struct JiraConnection persists an Atlassian API token in field APIToken: apps must not store users' API tokens; use OAuth 2.0 \(3LO\) or Forge`
}

// Workspace has sql tags and a Bitbucket app password column.
type Workspace struct {
	ID       int64  `db:"id"`
	Password string `db:"bitbucket_app_password"` // want `ATL401 struct Workspace persists an Atlassian API token in field Password`
}

// Settings is a plugin's admin configuration.
type Settings struct {
	JiraURL      string `json:"jira_url"`
	JiraAPIToken string `json:"jira_api_token"` // want `ATL401 struct Settings persists an Atlassian API token in field JiraAPIToken`
}

// Stored is persisted only because the package hands it to gorm.
type Stored struct {
	ConfluenceToken string // want `ATL401 struct Stored persists an Atlassian API token in field ConfluenceToken`
	Note            string
}

type connectForm struct {
	Email string `json:"email"`
	Token string `json:"jira_token"` // want `ATL401 struct connectForm persists an Atlassian API token in field Token`
}

func connect(w http.ResponseWriter, r *http.Request, db *sql.DB, rdb *redis.Client, gdb *gorm.DB) {
	tok := r.FormValue("jira_api_token")
	email := r.FormValue("email")
	db.Exec("INSERT INTO creds(email, token) VALUES(?, ?)", email, tok) // want `ATL401 Atlassian API token from request value "jira_api_token" is stored with database/sql Exec: apps must not collect or store users' API tokens; use OAuth 2.0 \(3LO\) or Forge`
	db.Exec("INSERT INTO users(email) VALUES(?)", email)               // near miss: the e-mail alone

	t2 := strings.TrimSpace(r.URL.Query().Get("atlassian_token"))
	rdb.Set(context.Background(), "tok:"+email, t2, 0) // want `ATL401 Atlassian API token from request value "atlassian_token" is stored with redis Set`

	var f connectForm
	if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
		return
	}
	gdb.Create(&JiraConnection{Email: f.Email, APIToken: f.Token}) // want `ATL401 Atlassian API token from request field connectForm.Token is stored with gorm Create`

	var whole connectForm
	body, _ := io.ReadAll(r.Body)
	_ = json.Unmarshal(body, &whole)
	gdb.Save(&whole) // want `ATL401 Atlassian API token from the request is stored with gorm Save`

	http.SetCookie(w, &http.Cookie{Name: "jt", Value: tok}) // want `ATL401 Atlassian API token from request value "jira_api_token" is stored with a cookie`

	req, _ := http.NewRequest(http.MethodGet, "https://example.atlassian.net/rest/api/3/myself", nil)
	req.SetBasicAuth(email, tok) // want `ATL401 Atlassian API token from request value "jira_api_token" is used for Basic auth`

	pw := r.Header.Get("X-Password")
	req.SetBasicAuth(email, pw) // want `ATL401 Atlassian API token from the request is used for Basic auth`

	other, _ := http.NewRequest(http.MethodGet, "https://example.com/api", nil)
	other.SetBasicAuth(email, pw) // near miss: a request value toward a non-Atlassian host
}

func plugin(s *Settings, gdb *gorm.DB) {
	tp := jira.BasicAuthTransport{Username: "bot@example.com", Password: s.JiraAPIToken} // want `ATL401 Atlassian API token from field Settings.JiraAPIToken is used for Basic auth`
	_ = tp
	_ = os.WriteFile("/var/lib/app/token", []byte(s.JiraAPIToken), 0o600) // want `ATL401 Atlassian API token from field Settings.JiraAPIToken is stored with os.WriteFile`
	gdb.Create(&Stored{Note: "x"})
}

func files(f *os.File, s Settings) {
	fmt.Fprintf(f, "token=%s\n", s.JiraAPIToken) // want `ATL401 .* is stored with a file write`
	io.WriteString(f, "url="+s.JiraURL)          // near miss: the URL
	fmt.Fprintf(os.Stdout, "%s\n", s.JiraURL)
	_ = json.NewEncoder(f).Encode(s) // the type is reported once, at its field
}

func atlassianClient(r *http.Request) {
	c, _ := v3.New(nil, "https://example.atlassian.net")
	c.Auth.SetBasicAuth(r.PostFormValue("email"), r.PostFormValue("token")) // want `ATL401 Atlassian API token from the request is used for Basic auth`
}

// OAuthToken is the 3LO token: storing it is what apps should do.
type OAuthToken struct {
	AccessToken  string `gorm:"column:access_token"`
	RefreshToken string `gorm:"column:refresh_token"`
	JiraCloudID  string `gorm:"column:jira_cloud_id"`
}

func oauth(r *http.Request, gdb *gorm.DB, db *sql.DB) {
	code := r.FormValue("code")
	gdb.Create(&OAuthToken{AccessToken: code})
	db.Exec("UPDATE t SET v = ?", r.FormValue("jira_access_token"))
	db.Exec("UPDATE t SET v = ?", r.FormValue("jira_token_url"))
}

func fromEnv(db *sql.DB) {
	var s Settings
	s.JiraAPIToken = os.Getenv("JIRA_API_TOKEN")
	req, _ := http.NewRequest(http.MethodGet, "https://example.atlassian.net/rest/api/3/myself", nil)
	req.SetBasicAuth("me@example.com", s.JiraAPIToken) // near miss: the user's own token from the environment
}
