// Package tokencollectconn is a data-integration app: connection models
// name the product by their type and keep the token in an embedded generic
// struct; API handlers persist them through a generic data-access layer.
package tokencollectconn

import (
	"context"
	"encoding/json"
	"net/http"
	"os"

	"gorm.io/gorm"

	"tokencollectconn/dal"
	"tokencollectconn/helper"
)

// JiraConn names its product; the token is in the embedded BasicAuth. It is
// not persisted by itself.
type JiraConn struct {
	helper.RestConnection `mapstructure:",squash"`
	helper.BasicAuth      `mapstructure:",squash"`
}

// JiraConnection is the persisted model (gorm tags in BaseConnection).
type JiraConnection struct {
	helper.BaseConnection `mapstructure:",squash"`
	JiraConn              `mapstructure:",squash"` // want `ATL401 struct JiraConnection persists an Atlassian API token in field Password \(embedded JiraConn\): apps must not store users' API tokens; use OAuth 2.0 \(3LO\) or Forge`
}

// BitbucketConnection keeps a token in an embedded AccessToken.
type BitbucketConnection struct {
	helper.BaseConnection
	helper.RestConnection
	helper.AccessToken // want `ATL401 struct BitbucketConnection persists an Atlassian API token in field Token \(embedded AccessToken\)`
}

// ConnectionRepository is a repository interface.
type ConnectionRepository interface {
	Save(ctx context.Context, c *BitbucketConnection) error
}

var db dal.Dal

// PostJiraConnection is an API handler of the framework: the body is a map.
func PostJiraConnection(input *helper.ApiResourceInput) error {
	conn := &JiraConnection{}
	if err := helper.Decode(input.Body, conn, nil); err != nil {
		return err
	}
	return db.Create(conn) // want `ATL401 Atlassian API token from the request is stored with dal.Dal Create: apps must not collect or store users' API tokens`
}

// PatchJiraConnection sets one field from the body.
func PatchJiraConnection(input *helper.ApiResourceInput) error {
	conn := &JiraConnection{}
	if err := db.First(conn); err != nil {
		return err
	}
	conn.Password, _ = input.Body["password"].(string)
	return db.CreateOrUpdate(conn) // want `ATL401 Atlassian API token from the request is stored with dal.Dal CreateOrUpdate`
}

type handler struct {
	gdb  *gorm.DB
	repo ConnectionRepository
}

func (h *handler) postBitbucket(w http.ResponseWriter, r *http.Request) {
	var conn BitbucketConnection
	if err := json.NewDecoder(r.Body).Decode(&conn); err != nil {
		return
	}
	h.gdb.Save(&conn)                   // want `ATL401 Atlassian API token from the request is stored with gorm Save`
	_ = h.repo.Save(r.Context(), &conn) // want `ATL401 Atlassian API token from the request is stored with tokencollectconn.ConnectionRepository Save`
}

// Near misses.

// SlackConn has the same embedded BasicAuth but names no Atlassian product.
type SlackConn struct {
	helper.BaseConnection
	helper.BasicAuth
}

// PostSlackConnection stores a token of another service.
func PostSlackConnection(input *helper.ApiResourceInput) error {
	conn := &SlackConn{}
	if err := helper.Decode(input.Body, conn, nil); err != nil {
		return err
	}
	return db.Create(conn)
}

// JiraSeed is saved by a setup function that handles no request, with the
// operator's own token from the environment.
type JiraSeed struct {
	helper.RestConnection
	helper.BasicAuth
}

func seed(store dal.Dal) error {
	s := &JiraSeed{}
	s.Password = os.Getenv("JIRA_API_TOKEN")
	return store.Create(s)
}

// reporter has a Create method but is no data-access layer.
type reporter struct{}

func (reporter) Create(v interface{}) error { return nil }

func report(input *helper.ApiResourceInput) error {
	conn := &JiraConnection{}
	_ = helper.Decode(input.Body, conn, nil)
	return reporter{}.Create(conn)
}

// TestJiraConnection checks a connection the user typed in: the token of
// the embedded BasicAuth goes to Jira as Basic auth.
func TestJiraConnection(input *helper.ApiResourceInput) (*http.Request, error) {
	var c JiraConn
	if err := helper.Decode(input.Body, &c, nil); err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodGet, c.Endpoint+"/rest/api/3/myself", nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.Username, c.Password) // want `ATL401 Atlassian API token from request field JiraConn.Password is used for Basic auth`
	return req, nil
}

// A response from Jira is no input of the app.
func readBack(resp *http.Response, store dal.Dal) error {
	var c JiraConn
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
		return err
	}
	return store.Create(&c)
}
