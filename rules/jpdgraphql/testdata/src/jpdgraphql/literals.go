package jpdgraphql

import "fmt"

// Interpreted and raw literals; the finding points at the operation name.
var listInsights = "query { polarisInsights(project: \"P-1\") { id } }" // want `^ATL302 API token access to Jira Product Discovery GraphQL operation polarisInsights stops working after 2026-10-31 for classic tokens: use a scoped API token with scope read:insight:jira-product-discovery$`

// want +4 `^ATL302 .* operation createPolarisInsight stops working after 2026-10-31 .*scope write:insight:jira-product-discovery$`
// want +4 `^ATL302 .* operation deletePolarisInsight .*scope delete:insight:jira-product-discovery$`
const mutations = `
mutation Manage($in: CreatePolarisInsightInput!, $id: ID!) {
  created: createPolarisInsight(input: $in) { id }
  deletePolarisInsight(id: $id) { success }
  teams { id }
}`

// ATL301: operations with no API token access at all.
const onboarded = `{ polarisGetEarliestOnboardedProjectForCloudId(cloudId: "c") { id } }` // want `^ATL301 API token access to Jira Product Discovery GraphQL operation polarisGetEarliestOnboardedProjectForCloudId stops working after 2026-10-31 and no scoped token can call it: use OAuth 2.0 \(3LO\) or a Forge app, or remove the operation$`

const subscribe = `subscription { onInsightCreated(projectId: "1") { id } onViewSetDeleted { id } }` // want `ATL301 .* onInsightCreated ` `ATL301 .* onViewSetDeleted `

// Named constants and concatenations: the type checker folds them.
const (
	fieldsPart = "{ id summary }"
	viewQuery  = "query V($id: ID!) { polarisView(id: $id) " + fieldsPart + " }" // want `ATL302 .* polarisView .*scope read:view:jira-product-discovery$`
	root       = "query { "
	projectDoc = root + "polarisProject(id: 1) " + fieldsPart + " }" // want `ATL302 .* polarisProject .*read:project:jira-product-discovery$`
)

// The operation name comes from a constant declared elsewhere: the finding
// points at the constant's name in the concatenation.
const opName = "applyPolarisProjectTemplate"
const applyTemplate = "mutation { " + opName + "(input: {}) { success } }" // want `ATL301 .* applyPolarisProjectTemplate `

// Aliases, fragments, inline fragments on the root type.
// want +3 `ATL302 .* polarisInsight .*read:insight`
// want +6 `ATL302 .* updatePolarisView .*write:view`
const fragments = `query Q {
  one: polarisInsight(id: 1) { ...I }
  ...RootFields
}
fragment RootFields on Query {
  v: updatePolarisView(id: 2) { id }
}
fragment I on PolarisInsight { id insight { id } }`

// want +3 `ATL301 .* jiraProductDiscovery `
const inline = `query {
  ... on Query {
    jiraProductDiscovery { id }
  }
}`

// fmt.Sprintf formats: verbs are masked so the document still parses.
func sprintf(project string, first int) string {
	return fmt.Sprintf(`query { polarisInsightsWithErrors(project: %q, first: %d) { id } }`, project, first) // want `ATL302 .* polarisInsightsWithErrors `
}

// A format kept in a constant.
const labelsFormat = "query { polarisLabels(projectId: %s) { id } }" // want `ATL302 .* polarisLabels `

func useFormat(p string) string { return fmt.Sprintf(labelsFormat, p) }

// A document cut by a runtime value: the constant piece still names the
// operation at the root.
func concat(p string) string {
	return "mutation { archivePolarisInsights(ids: [" + p + "]) { success } }" // want `ATL302 .* archivePolarisInsights .*delete:insight`
}

// Every table row in one document.
func everyRow() string {
	// want +10 `ATL302 .* updatePolarisInsight .*write:insight`
	// want +10 `ATL302 .* copyPolarisInsights .*write:insight`
	// want +10 `ATL302 .* resolvePolarisObject .*write:insight`
	// want +10 `ATL302 .* unarchivePolarisInsights .*delete:insight`
	// want +10 `ATL302 .* createPolarisView .*write:view`
	// want +10 `ATL302 .* updatePolarisViewArrangementInfo .*write:view`
	// want +10 `ATL301 .* refreshPolarisSnippets `
	// want +10 `ATL302 .* polarisSnippetPropertiesConfig .*read:insight`
	// want +10 `ATL302 .* insight .*read:insight`
	return `mutation {
  a: updatePolarisInsight(id: 1) { id }
  b: copyPolarisInsights(from: 1) { id }
  c: resolvePolarisObject(id: 1) { id }
  d: unarchivePolarisInsights(ids: [1]) { id }
  e: createPolarisView(input: {}) { id }
  f: updatePolarisViewArrangementInfo(id: 1) { id }
  g: refreshPolarisSnippets(project: 1) { id }
  h: polarisSnippetPropertiesConfig(project: 1) { id }
  i: insight(id: 1) { id }
}`
}

// Escapes: the position still points at the name.
var escaped = "query {\n\tpolarisInsights(project: \"\u00e9\") { id }\n}" // want `ATL302 .* polarisInsights `

// Silenced by a directive.
//
//atlint:ignore ATL302 read-only import job, token scoped in PROJ-12
var ignored = "{ polarisProject(id: 1) { id } }"
