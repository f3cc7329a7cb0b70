package jpdgraphqlscopes

// With -token-scopes=read:insight:jira-product-discovery,write:view:jira-product-discovery
// and -now=2026-11-23.

const covered = `{ polarisInsights(project: 1) { id } updatePolarisView(id: 1) { id } }`

const missing = `mutation { createPolarisInsight(input: {}) { id } }` // want `^ATL302 API token access to Jira Product Discovery GraphQL operation createPolarisInsight stopped working on 2026-11-01 for classic tokens and the project's token lacks its scope: add scope write:insight:jira-product-discovery to the token and to -jpdgraphql.token-scopes$`

const noToken = `subscription { onViewUpdated { id } }` // want `^ATL301 API token access to Jira Product Discovery GraphQL operation onViewUpdated stopped working on 2026-11-01 and no scoped token can call it: use OAuth 2.0 \(3LO\) or a Forge app, or remove the operation$`
