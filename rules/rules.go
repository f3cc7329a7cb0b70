// Package rules is the registry of atlint's rule packages: one line per
// rule package under rules/, in rule-ID order. Everything else that knows
// the rules (the suite in package analyzer, its catalog, atlint help, SARIF
// metadata, the configuration keys, the README rules table, and the
// unknown-rule check of ATL001) is made of the [model.Spec] each package
// declares next to its analyzer (rules/NAME/rule.go).
//
// The stale-directive check (ATL001, package ignores) is not listed: it
// checks the others, so the suite adds it bound to the rules it runs.
package rules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/rules/apppassword"
	"github.com/atlint/atlint/rules/credentials"
	"github.com/atlint/atlint/rules/deprecatedapi"
	"github.com/atlint/atlint/rules/jpdgraphql"
	"github.com/atlint/atlint/rules/readonlytoken"
	"github.com/atlint/atlint/rules/scopedurl"
	"github.com/atlint/atlint/rules/tokencollect"
	"github.com/atlint/atlint/rules/tokenscopes"
)

// A Package is one rule package: its spec, its package-level analyzer (as
// Bazel nogo and go vet run it) and the constructor of fresh ones with
// their own flags.
type Package struct {
	Spec     *model.Spec
	Analyzer *analysis.Analyzer
	New      func() *analysis.Analyzer
}

// All lists every rule package but ignores, in rule-ID order.
var All = []Package{
	{credentials.Spec, credentials.Analyzer, credentials.New},
	{apppassword.Spec, apppassword.Analyzer, apppassword.New},
	{scopedurl.Spec, scopedurl.Analyzer, scopedurl.New},
	{tokenscopes.Spec, tokenscopes.Analyzer, tokenscopes.New},
	{deprecatedapi.Spec, deprecatedapi.Analyzer, deprecatedapi.New},
	{jpdgraphql.Spec, jpdgraphql.Analyzer, jpdgraphql.New},
	{tokencollect.Spec, tokencollect.Analyzer, tokencollect.New},
	{readonlytoken.Spec, readonlytoken.Analyzer, readonlytoken.New},
}
