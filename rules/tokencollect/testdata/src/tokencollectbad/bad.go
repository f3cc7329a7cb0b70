package tokencollectbad

import (
	"database/sql"
	"net/http"
)

type Conn struct {
	JiraAPIToken string `db:"jira_api_token"` // want `ATL401 struct Conn persists an Atlassian API token in field JiraAPIToken`
	Broken       undefinedType
}

func h(r *http.Request, db *sql.DB) {
	db.Exec("INSERT INTO t VALUES(?)", r.FormValue("jira_api_token"), undefinedVar) // want `ATL401 Atlassian API token from request value "jira_api_token" is stored with database/sql Exec`
	x := undefinedFunc(r.FormValue("confluence_token"))
	db.Exec("INSERT INTO t VALUES(?)", x)
}

// A token-named field whose type is a struct that begins with a pointer to
// itself (a linked list): not a string, and no endless recursion.
type tokenList struct {
	next *tokenList
	val  int
}

type Conn2 struct {
	JiraAPIToken tokenList `db:"jira_api_token"`
}
