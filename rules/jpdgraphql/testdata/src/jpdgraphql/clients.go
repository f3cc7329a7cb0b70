package jpdgraphql

import (
	"context"
	"net/http"
	"os"

	hasura "github.com/hasura/go-graphql-client"
	"github.com/machinebox/graphql"
)

// machinebox/graphql with an API token over Basic auth: reported.
func machinebox(ctx context.Context) error {
	req := graphql.NewRequest(`query { polarisInsights(project: "P") { id } }`) // want `ATL302 .* polarisInsights `
	req.Header.Set("Authorization", "Basic "+os.Getenv("JIRA_BASIC"))
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

// A Bearer header alone proves nothing: service-account API tokens are
// Bearer tokens too.
func machineboxBearer(ctx context.Context) error {
	req := graphql.NewRequest(`subscription { onViewCreated { id } }`) // want `ATL301 .* onViewCreated `
	req.Header.Set("Authorization", "Bearer "+os.Getenv("ATLASSIAN_SERVICE_TOKEN"))
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

// hasura string queries.
func hasuraExec(ctx context.Context) error {
	c := hasura.NewClient("https://api.atlassian.com/graphql", http.DefaultClient)
	var out struct{}
	if err := c.Exec(ctx, `mutation { refreshPolarisSnippets(project: 1) { id } }`, &out, nil); err != nil { // want `ATL301 .* refreshPolarisSnippets `
		return err
	}
	sc := hasura.NewSubscriptionClient("wss://api.atlassian.com/graphql")
	_, err := sc.Exec(`subscription { onPlayUpdated { id } }`, nil, nil) // want `ATL301 .* onPlayUpdated `
	return err
}
