// Package pluginfilter is the fixture of the golangci-lint plugin's
// diagnostic filter (package plugin): a fake rule reports every string
// literal that names a rule ID, with two alternative fixes.
package pluginfilter

var (
	a = "ATL101" // want `ATL101 found`
	b = "ATL302"
	c = "ATL301" // want `ATL301 found`
	d = "ATL999" // want `ATL999 found`
	e = "plain"
)
