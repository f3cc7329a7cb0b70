package jpdgraphqloauth

import (
	"context"
	"net/http"
	"os"

	hasura "github.com/hasura/go-graphql-client"
	"github.com/machinebox/graphql"
	shurcool "github.com/shurcooL/graphql"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", Scopes: []string{"read:insight:jira-product-discovery"}}

// machinebox request with an OAuth access token in the Bearer header: silent.
func bearerFromOAuthToken(ctx context.Context, tok *oauth2.Token) error {
	req := graphql.NewRequest(`subscription { onInsightCreated { id } }`)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

// A constant used only by OAuth requests: silent.
const viewDoc = `query { polarisView(id: 1) { id } }`

func constUsedWithOAuth(ctx context.Context, ts oauth2.TokenSource) error {
	tok, err := ts.Token()
	if err != nil {
		return err
	}
	req := graphql.NewRequest(viewDoc)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

// machinebox client over an OAuth HTTP client: silent.
func oauthHTTPClient(ctx context.Context, tok *oauth2.Token) error {
	hc := conf.Client(ctx, tok)
	client := graphql.NewClient("https://api.atlassian.com/graphql", graphql.WithHTTPClient(hc))
	req := graphql.NewRequest(`{ jiraProductDiscovery { id } }`)
	return client.Run(ctx, req, nil)
}

// Struct queries on an OAuth client: silent.
type insights struct {
	PolarisInsights []struct{ ID string } `graphql:"polarisInsights(project: $p)"`
}

func structOAuth(ctx context.Context, ts oauth2.TokenSource) error {
	c := hasura.NewClient("https://api.atlassian.com/graphql", oauth2.NewClient(ctx, ts))
	var q insights
	if err := c.Query(ctx, &q, nil); err != nil {
		return err
	}
	hc := &http.Client{Transport: &oauth2.Transport{Source: ts}}
	sh := shurcool.NewClient("https://api.atlassian.com/graphql", hc)
	var p struct {
		PolarisProject struct{ ID string } `graphql:"polarisProject(id: $id)"`
	}
	if err := sh.Query(ctx, &p, nil); err != nil {
		return err
	}
	_, err := c.ExecRaw(ctx, `mutation { refreshPolarisSnippets(project: 1) { id } }`, nil)
	return err
}

// Near misses, all reported.

// The constant is also used by a request with an API token.
const labelsDoc = `query { polarisLabels(projectId: 1) { id } }` // want `ATL302 .* polarisLabels `

func labelsOAuth(ctx context.Context, tok *oauth2.Token) error {
	req := graphql.NewRequest(labelsDoc)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

func labelsToken(ctx context.Context) error {
	req := graphql.NewRequest(labelsDoc)
	req.Header.Set("Authorization", "Basic "+os.Getenv("JIRA_BASIC"))
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

// Bearer with a string that is not an oauth2.Token's access token.
func bearerFromEnv(ctx context.Context) error {
	req := graphql.NewRequest(`{ polarisProject(id: 1) { id } }`) // want `ATL302 .* polarisProject `
	req.Header.Set("Authorization", "Bearer "+os.Getenv("ATLASSIAN_TOKEN"))
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

// The OAuth header is set on another request.
func otherRequest(ctx context.Context, tok *oauth2.Token) error {
	req := graphql.NewRequest(`{ polarisInsight(id: 1) { id } }`) // want `ATL302 .* polarisInsight `
	other := graphql.NewRequest(`{ teams { id } }`)
	other.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return graphql.NewClient("https://api.atlassian.com/graphql").Run(ctx, req, nil)
}

// The HTTP client is plain, and the client variable is reassigned.
type viewQuery struct {
	PolarisView struct{ ID string } `graphql:"polarisView(id: $id)"` // want `ATL302 .* polarisView `
}

func plainClient(ctx context.Context, ts oauth2.TokenSource) error {
	c := hasura.NewClient("https://api.atlassian.com/graphql", oauth2.NewClient(ctx, ts))
	c = hasura.NewClient("https://example.atlassian.net/gateway/api/graphql", http.DefaultClient)
	var v viewQuery
	return c.Query(ctx, &v, nil)
}
