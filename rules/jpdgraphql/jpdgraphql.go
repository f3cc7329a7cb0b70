package jpdgraphql

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Analyzer reports ATL301 and ATL302 with default options.
var Analyzer = New()

// New returns a fresh analyzer whose options are its own flags.
func New() *analysis.Analyzer {
	o := &options{}
	a := Spec.NewAnalyzer(func(pass *analysis.Pass) (any, error) { return run(pass, o) })
	a.Flags.Var(&o.scopes, "token-scopes", "comma-separated JPD scopes the project's API token has (e.g. read:insight:jira-product-discovery); ATL302 then reports only operations whose scope is missing")
	a.Flags.Var(&o.now, "now", "the date findings are written for, YYYY-MM-DD or RFC 3339 (default: today)")
	return a
}

type options struct {
	scopes scopeList
	now    dateFlag
}

// scopeList is the -token-scopes flag.
type scopeList struct{ scopes []string }

func (s *scopeList) String() string { return strings.Join(s.scopes, ",") }

func (s *scopeList) Set(v string) error {
	var out []string
	for _, x := range strings.Split(v, ",") {
		x = strings.TrimSpace(x)
		if x == "" {
			continue
		}
		if !atlassian.IsJPDScope(x) {
			return fmt.Errorf("unknown Jira Product Discovery scope %q (known: %s)", x, strings.Join(atlassian.JPDScopes, ", "))
		}
		out = append(out, x)
	}
	s.scopes = out
	return nil
}

func (s *scopeList) has(scope string) bool {
	for _, x := range s.scopes {
		if x == scope {
			return true
		}
	}
	return false
}

// dateFlag is the -now flag; the zero value means the current time.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		d.t = time.Time{}
		return nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, v); err == nil {
			d.t = t
			return nil
		}
	}
	return fmt.Errorf("bad date %q: want YYYY-MM-DD or RFC 3339", v)
}

func (d *dateFlag) get() time.Time {
	if d.t.IsZero() {
		return time.Now()
	}
	return d.t
}

// checker holds one pass's state.
type checker struct {
	pass   *analysis.Pass
	m      *model.Result
	rep    *model.Reporter
	opts   *options
	passed bool // the cutoff has passed
	seen   map[token.Pos]bool
	oauth  *oauthIndex // built on first need

	fields map[token.Pos]*ast.Field // struct fields by name position, built on first need

	// uses, when not nil, receives every use instead of the reporter:
	// the rule's filters (OAuth clients, declared scopes, ignore
	// directives) are not applied. See Operations.
	uses *[]OperationUse
}

// An OperationUse is one place where a package names a Jira Product
// Discovery GraphQL operation: [Pos, End) covers the operation's name, in
// a Go file or in an embedded .graphql file.
type OperationUse struct {
	Op       atlassian.JPDOperation
	Pos, End token.Pos
}

// Operations returns the JPD GraphQL operations a package names, found as
// ATL301 and ATL302 find them: in constant strings (GraphQL documents and
// JSON request bodies), in the root fields of the query structs of the
// struct-tag clients (hasura/go-graphql-client, shurcooL/graphql), and in
// .graphql and .gql files embedded with //go:embed, which are added to
// fset for their positions. Every use is returned, whatever credential
// sends it. readFile reads embedded files (nil: from disk).
func Operations(fset *token.FileSet, info *types.Info, m *model.Result, readFile func(string) ([]byte, error)) []OperationUse {
	uses := []OperationUse{}
	c := &checker{
		pass: &analysis.Pass{Fset: fset, TypesInfo: info, ReadFile: readFile},
		m:    m,
		opts: &options{},
		seen: map[token.Pos]bool{},
		uses: &uses,
	}
	c.checkStrings()
	c.checkEmbeds()
	c.checkStructQueries()
	return uses
}

func run(pass *analysis.Pass, o *options) (any, error) {
	c := &checker{
		pass:   pass,
		m:      pass.ResultOf[model.Analyzer].(*model.Result),
		rep:    model.NewReporter(pass, Spec),
		opts:   o,
		passed: atlassian.JPDCutoffPassed(o.now.get()),
		seen:   map[token.Pos]bool{},
	}
	c.checkStrings()
	c.checkEmbeds()
	c.checkStructQueries()
	return c.rep.Result(), nil
}

// checkStrings reports operations in constant strings.
func (c *checker) checkStrings() {
	for _, s := range c.m.Strings {
		if !strings.Contains(s.Value, "{") || !atlassian.MayNameJPDOperation(s.Value) {
			continue
		}
		switch s.Cursor.ParentEdgeKind() {
		case edge.Field_Tag, edge.ImportSpec_Path:
			continue // struct tags are read by checkStructQueries
		}
		// A JSON request body ({"query": "..."}) first; the document
		// itself otherwise.
		uses := ExtractJSON(s.Value)
		if uses == nil {
			uses = Extract(s.Value)
		}
		if len(uses) == 0 || c.uses == nil && c.oauthIndex().constOnlyOAuth(s) {
			continue
		}
		for _, u := range uses {
			c.report(u.Op, s.Pos(u.Offset), s.End(u.End), "")
		}
	}
}

// report reports one use of op at [pos, end), once per position, with
// related positions (the //go:embed directive of an embedded file).
func (c *checker) report(op atlassian.JPDOperation, pos, end token.Pos, where string, related ...analysis.RelatedInformation) {
	if c.seen[pos] || c.covered(op) {
		return
	}
	c.seen[pos] = true
	if c.uses != nil {
		*c.uses = append(*c.uses, OperationUse{Op: op, Pos: pos, End: end})
		return
	}
	id, msg := c.message(op, where)
	c.rep.Report(id, analysis.Diagnostic{Pos: pos, End: end, Message: msg, Related: related})
}

// message returns the rule ID and message for op; where, when not empty,
// says where the operation is ("in field Insights of type Q").
func (c *checker) message(op atlassian.JPDOperation, where string) (string, string) {
	when := "stops working after " + atlassian.JPDCutoff.Format(time.DateOnly)
	if c.passed {
		when = "stopped working on " + atlassian.JPDCutoff.AddDate(0, 0, 1).Format(time.DateOnly)
	}
	subject := "API token access to Jira Product Discovery GraphQL operation " + op.Name
	if where != "" {
		subject += " (" + where + ")"
	}
	if op.NoTokenAccess() {
		return "ATL301", subject + " " + when + " and no scoped token can call it: use OAuth 2.0 (3LO) or a Forge app, or remove the operation"
	}
	if len(c.opts.scopes.scopes) > 0 {
		return "ATL302", subject + " " + when + " for classic tokens and the project's token lacks its scope: add scope " + op.Scope + " to the token and to -jpdgraphql.token-scopes"
	}
	return "ATL302", subject + " " + when + " for classic tokens: use a scoped API token with scope " + op.Scope
}

// covered reports whether the declared token scopes make op work.
func (c *checker) covered(op atlassian.JPDOperation) bool {
	return !op.NoTokenAccess() && c.opts.scopes.has(op.Scope)
}
