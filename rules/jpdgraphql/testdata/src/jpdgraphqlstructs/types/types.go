// Package types declares a query struct in another package.
package types

type ProjectQuery struct {
	PolarisProject struct {
		ID string
	} `graphql:"polarisProject(id: $id)"`
}
