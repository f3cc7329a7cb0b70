// Package jpdgraphqljson posts GraphQL-over-HTTP JSON request bodies
// written as Go string constants.
package jpdgraphqljson

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

// post sends a body to the gateway with a classic API token.
func post(body string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, "https://api.atlassian.com/graphql", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(os.Getenv("JIRA_EMAIL"), os.Getenv("JIRA_API_TOKEN"))
	return http.DefaultClient.Do(req)
}

// A raw string body: the finding points at the name inside the JSON.
const insightsBody = `{"query":"query { polarisInsights(project: \"P\") { id } }","variables":{}}` // want `ATL302 .* polarisInsights .*read:insight:jira-product-discovery`

// An interpreted string: JSON escapes inside Go escapes.
var createBody = "{\"query\": \"mutation {\\n\\tcreatePolarisInsight(input: {title: \\\"t\\\"}) { id } }\"}" // want `ATL302 .* createPolarisInsight .*write:insight:jira-product-discovery`

// operationName and variables before the query, over several lines.
//
// want +5 `ATL302 .* polarisView .*read:view:jira-product-discovery`
const viewBody = `{
	"operationName": "View",
	"variables": {"id": "1", "note": "{ \"polarisProject\": 1 }"},
	"query":
		"query View($id: ID!) { polarisView(id: $id) { id } }"
}`

// A concatenation of constants: the name is in the second piece.
const jsonHead = `{"query": "query { `

var concatBody = jsonHead + `polarisInsight(id: \"1\") { id } }"}` // want `ATL302 .* polarisInsight `

// A GraphQL-over-HTTP batch: every element is read.
var batchBody = `[{"query": "{ polarisProject(id: 1) { id } }"}, {"query": "{ teams { id } }"}, {"query": "subscription { onViewCreated { id } }"}]` // want `ATL302 .* polarisProject ` `ATL301 .* onViewCreated .*OAuth 2.0`

// A name written with a JSON unicode escape: the finding points at it.
const escapedBody = `{"query": "{ \u0070olarisInsights(project: \"P\") { id } }"}` // want `ATL302 .* polarisInsights `

// Non-ASCII text and escapes before the name.
const unicodeBody = `{"query": "{ teams(q: \"日本 \u00e9 \ud83d\ude00\") { id } polarisLabels(projectId: 1) { id } }"}` // want `ATL302 .* polarisLabels `

// A fmt.Sprintf format: a verb in the query is masked, a verb standing for
// the variables object leaves the JSON malformed after the query.
func sprintf(project, vars string) (*http.Response, error) {
	return post(fmt.Sprintf(`{"query": "query { polarisInsightsWithErrors(project: \"%s\") { id } }", "variables": %s}`, project, vars)) // want `ATL302 .* polarisInsightsWithErrors `
}

// A body cut by a runtime value: the constant piece before it visibly
// calls the operation.
func cut(project string) (*http.Response, error) {
	return post("{\"query\": \"mutation { applyPolarisProjectTemplate(project: \\\"" + project + "\\\") { id } }\"}") // want `ATL301 .* applyPolarisProjectTemplate `
}

func send() {
	for _, b := range []string{insightsBody, createBody, viewBody, concatBody, batchBody, escapedBody, unicodeBody} {
		_, _ = post(b)
	}
}
