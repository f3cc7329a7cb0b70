// Package queries sends Jira Product Discovery GraphQL documents kept in
// .graphql files next to the code.
package queries

import (
	"embed"
	"net/http"
	"os"
	"strings"
)

// insights lists a project's insights; the finding is in the .graphql file.
//
//go:embed queries/insights.graphql
var insights string

// views is silenced by the directive above its //go:embed line.
//
//atlint:ignore ATL302 views move to OAuth in the next release
//go:embed queries/views.graphql
var views []byte

// all embeds the whole directory: insights.graphql and views.graphql again.
//
//go:embed queries
var all embed.FS

// Send posts a document to the gateway with a classic API token.
func Send(doc string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, "https://api.atlassian.com/graphql", strings.NewReader(doc))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(os.Getenv("JIRA_EMAIL"), os.Getenv("JIRA_API_TOKEN"))
	return req, nil
}

// Insights sends the embedded documents.
func Insights() (*http.Request, error) {
	b, err := all.ReadFile("queries/views.graphql")
	if err != nil {
		return nil, err
	}
	if _, err := Send(string(views) + string(b)); err != nil {
		return nil, err
	}
	return Send(insights)
}
