// Package scopesfixturegql names Jira Product Discovery GraphQL operations
// the three ways atlint scopes reads besides strings: the query structs of
// hasura/go-graphql-client and shurcooL/graphql, and embedded .graphql files.
package scopesfixturegql

import (
	"context"
	"embed"

	hasura "github.com/hasura/go-graphql-client"
	"github.com/shurcooL/graphql"
)

//go:embed queries
var queries embed.FS

//go:embed labels.graphql
var labelsDoc string

// A shurcooL query: a tagged root field and an untagged one (its name in
// lower camel case).
func views(ctx context.Context, c *graphql.Client) error {
	var q struct {
		View struct {
			ID string
		} `graphql:"polarisView(id: $id)"`
		PolarisProject struct {
			Key string
		}
	}
	return c.Query(ctx, &q, map[string]any{"id": "v1"})
}

// A hasura mutation.
func addInsight(ctx context.Context, c *hasura.Client) error {
	var m struct {
		Created struct {
			ID string
		} `graphql:"createPolarisInsight(input: $in)"`
	}
	return c.Mutate(ctx, &m, nil)
}

// Not an operation of the table: silent.
func other(ctx context.Context, c *graphql.Client) error {
	var q struct {
		Viewer struct {
			Login string
		}
	}
	return c.Query(ctx, &q, nil)
}
