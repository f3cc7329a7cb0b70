package tokencollect

import (
	"database/sql"
	"net/http"
)

func testStore(r *http.Request, db *sql.DB) {
	db.Exec("INSERT INTO t VALUES(?)", r.FormValue("jira_api_token")) // tests are silent
}
