package jpdgraphql

import (
	"errors"
	"fmt"
)

// The same names as Go identifiers, prose, JSON and other gateway fields:
// all silent.

type polarisInsights struct{ insight string }

func insight() string { return "polarisInsights" }

var prose = "call polarisInsights { with } a token before 2026-10-31"

var errInsight = errors.New("polarisInsights: not found {id}")

var logLine = fmt.Sprintf("loaded insight {%s} for onInsightCreated", "x")

var jsonBody = `{"polarisInsights": {"id": 1}, "insight": "x"}`

const otherFields = `query { teams { id } compass { component(id: 1) { id } } identity { user { id } } }`

// Nested fields that share a name: a Jira issue's insight, polaris fields
// below another root field.
const nested = `query {
  jira {
    issue(id: 1) { insight { id } polarisInsights { id } }
    jiraProductDiscovery { id }
  }
}`

// Names inside GraphQL strings, comments, variables and descriptions.
const inside = `
"""polarisInsights docs"""
query ($polarisInsights: ID) {
  # polarisInsights is not called here
  teams(filter: "polarisInsights { id }", id: $polarisInsights) { id }
}`

// Case and longer names.
const similar = `{ PolarisInsights { id } polarisInsightsCount { id } insights { id } onInsightCreatedV2 { id } }`

// An alias that spells a listed name does not call it.
const aliased = `{ polarisView: teams { id } }`

// A fragment on a non-root type that is never spread at the root.
const fragmentOnly = `fragment F on JiraIssue { insight { id } polarisInsights { id } }`

// Malformed before the name: nothing is trusted.
const broken = `query { ( polarisInsights { id } }`

// A verb glued to a name hides the real name.
const glued = "query { polarisView%s { id } }"
