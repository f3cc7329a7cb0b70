package jpdgraphqlstructs

import (
	"context"
	"net/http"

	hasura "github.com/hasura/go-graphql-client"
	shurcool "github.com/shurcooL/graphql"

	"jpdgraphqlstructs/types"
)

type insightsQuery struct {
	PolarisInsights []struct { // want `ATL302 .* polarisInsights .*read:insight`
		ID      string
		Insight struct{ ID string } // nested: not a root field
	}
	Teams struct{ ID string }
}

type tagged struct {
	Insights []struct{ ID string } `graphql:"polarisInsights(project: $project)"` // want `ATL302 .* polarisInsights `
	View     struct{ ID string }   `graphql:"v: polarisView(id: $view)"`           // want `ATL302 .* polarisView .*read:view`
	Other    struct{ ID string }   `graphql:"teams(first: 1)" json:"polarisView"`
}

type createInsight struct {
	CreatePolarisInsight struct{ ID string } `graphql:"createPolarisInsight(input: $input)"` // want `ATL302 .* createPolarisInsight .*write:insight`
}

type Embedded struct {
	JiraProductDiscovery struct{ ID string } // want `ATL301 .* jiraProductDiscovery `
}

type withEmbedded struct {
	Embedded
	OnQuery struct {
		PolarisLabels []struct{ ID string } `graphql:"polarisLabels(projectId: $p)"` // want `ATL302 .* polarisLabels `
	} `graphql:"... on Query"`
}

type subscription struct {
	OnInsightUpdated struct{ ID string } `graphql:"onInsightUpdated(projectId: $p)"` // want `ATL301 .* onInsightUpdated `
}

// Declared but never passed to a client: silent.
type unused struct {
	PolarisView struct{ ID string }
}

func run(ctx context.Context) error {
	c := hasura.NewClient("https://api.atlassian.com/graphql", http.DefaultClient)
	var q insightsQuery
	if err := c.Query(ctx, &q, nil); err != nil {
		return err
	}
	var t tagged
	if err := c.NamedQuery(ctx, "Tagged", &t, nil); err != nil {
		return err
	}
	var m createInsight
	if err := c.Mutate(ctx, &m, nil); err != nil {
		return err
	}
	var e withEmbedded
	if _, err := c.QueryRaw(ctx, e, nil); err != nil {
		return err
	}
	var p types.ProjectQuery
	if err := c.Query(ctx, &p, nil); err != nil { // want `ATL302 .* polarisProject \(field PolarisProject of ProjectQuery\) .*read:project`
		return err
	}
	sc := hasura.NewSubscriptionClient("wss://api.atlassian.com/graphql")
	var s subscription
	if _, err := sc.Subscribe(&s, nil, nil); err != nil {
		return err
	}

	// shurcooL/graphql, with an anonymous struct.
	sh := shurcool.NewClient("https://api.atlassian.com/graphql", http.DefaultClient)
	var anon struct {
		PolarisGetEarliestOnboardedProjectForCloudId struct{ ID string } `graphql:"polarisGetEarliestOnboardedProjectForCloudId(cloudId: $c)"` // want `ATL301 .* polarisGetEarliestOnboardedProjectForCloudId `
	}
	if err := sh.Query(ctx, &anon, nil); err != nil {
		return err
	}
	// The same struct twice: one finding.
	return c.Query(ctx, &q, nil)
}
