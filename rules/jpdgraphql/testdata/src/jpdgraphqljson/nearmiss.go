package jpdgraphqljson

// A "query" member that is not GraphQL.
var sqlBody = `{"query": "SELECT polarisInsights FROM insights WHERE {x}"}`

// Just the name as the query.
var nameOnly = `{"query": "polarisInsights"}`

// The name in another member; the query itself is about teams.
var describedBody = `{"description": "replaces { polarisInsights { id } }", "query": "{ teams { id } }"}`

// A search DSL whose "query" is an object.
var searchBody = `{"query": {"match": {"polarisInsights": "{ x }"}}}`

// A variable named query holding a document: only the top-level member
// is the request's query.
var variableBody = `{"query": "{ teams { id } }", "variables": {"query": "{ polarisView { id } }"}}`

// A "query" nested in another object, and a batch nested in an array.
var nestedBody = `{"data": {"query": "{ polarisView { id } }"}}`
var nestedBatch = `[[{"query": "{ polarisView { id } }"}]]`

// A response body: the names are JSON keys.
var responseBody = `{"data": {"polarisInsights": [{"id": "1"}]}, "query": null}`

// A nested field of the query, and a different key case.
var nestedField = `{"query": "{ jira { polarisInsights { id } } }"}`
var upperKey = `{"Query": "{ polarisView { id } }"}`

// Prose mentioning a JSON body.
var prose = `send {"query": ...} with polarisInsights in it`
