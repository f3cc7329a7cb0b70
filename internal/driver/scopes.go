package driver

// atlint scopes [flags] [packages]: the least set of scopes the code's
// Atlassian calls need.
//
// The command loads the packages as the linter does, computes atlint's
// request model of every package (model.Result.Requests: net/http requests
// and clients, go-jira, go-atlassian and go-bitbucket client and service
// methods) and the Jira Product Discovery GraphQL operations it names
// (found as ATL301/ATL302 find them: GraphQL documents and JSON bodies in
// strings, the query structs of struct-tag clients such as
// hasura/go-graphql-client and shurcooL/graphql, and .graphql files
// embedded with //go:embed), looks every request up in the
// REST scope table taken from Atlassian's OpenAPI specs
// (atlassian.LookupOperation) and prints, per product (jira,
// jira-software, jsm, confluence, bitbucket, jpd-graphql):
//
//   - the granular set: the union of the granular scopes of the product's
//     operations, each scope with the operations and call sites that need
//     it; and the classic alternative, built the same way from the classic
//     scopes. A token needs all of one alternative per operation, so each
//     set is the least one that covers every call; operations whose spec
//     gives no scope of a kind are listed as not covered by that set;
//   - a comma-separated line of each set to paste into the token page.
//
// Requests that cannot be resolved (a method or path that is not constant
// enough, a path that is in no spec, a library method atlint's tables do
// not know, a JPD operation that accepts no API token) are listed with the
// reason, never guessed. Requests to a constant host that is not an
// Atlassian Cloud REST host are left out; so are requests of unknown URL
// that no credential reaches and no Atlassian library makes.
//
// -format text (default), json or markdown. The exit status is 0 unless the
// arguments are wrong (2) or loading fails (2). URLs are printed without
// userinfo and scrubbed of anything that looks like a credential.
//
// # JSON (schema version 1; also in docs/scopes.md)
//
//	{
//	  "version": 1,
//	  "packages": 3,                      // packages analysed
//	  "products": [{                       // products with resolved operations, in the order above
//	    "product": "jira",
//	    "granular": [{"scope": "read:issue:jira", "operations": ["GET /rest/api/3/issue/{issueIdOrKey}"], "sites": ["main.go:12:9"]}],
//	    "classic":  [{"scope": "read:jira-work",  "operations": [...], "sites": [...]}],
//	    "granularMissing": ["GET /rest/agile/1.0/board"], // operations the granular set cannot cover (the spec gives no granular scope)
//	    "classicMissing":  [...],
//	    "operations": [{"operation": "GET /rest/api/3/issue/{issueIdOrKey}", "operationId": "getIssue",
//	                    "deprecated": false, "granular": [...], "classic": [...], "sites": ["main.go:12:9"]}]
//	  }],
//	  "unresolved": [{"site": "main.go:40:2", "method": "GET", "url": "{}", "library": "net/http", "reason": "URL not constant enough"}]
//	}
//
// Scopes, operations and sites are sorted; sites are "file:line:column"
// relative to the working directory. Later versions only add fields.

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/output"
	"github.com/atlint/atlint/rules/jpdgraphql"
)

// ScopesVersion is the version of the JSON schema of atlint scopes.
const ScopesVersion = 1

// productJPD is the product of the JPD GraphQL operations.
const productJPD = "jpd-graphql"

// scopeProducts is the order products are printed in.
var scopeProducts = []string{"jira", "jira-software", "jsm", "confluence", "bitbucket", productJPD}

// ScopeReport is what atlint scopes prints.
type ScopeReport struct {
	Version    int              `json:"version"`
	Packages   int              `json:"packages"`
	Products   []*ProductScopes `json:"products"`
	Unresolved []*Unresolved    `json:"unresolved"`
}

// ProductScopes are the scopes one product's operations need.
type ProductScopes struct {
	Product         string      `json:"product"`
	Granular        []*ScopeUse `json:"granular"`
	Classic         []*ScopeUse `json:"classic"`
	GranularMissing []string    `json:"granularMissing"`
	ClassicMissing  []string    `json:"classicMissing"`
	Operations      []*OpUse    `json:"operations"`
}

// A ScopeUse is one scope with the operations and call sites that need it.
type ScopeUse struct {
	Scope      string   `json:"scope"`
	Operations []string `json:"operations"`
	Sites      []string `json:"sites"`
}

// An OpUse is one operation the code calls.
type OpUse struct {
	Operation   string   `json:"operation"`
	OperationID string   `json:"operationId,omitempty"`
	Deprecated  bool     `json:"deprecated"`
	Granular    []string `json:"granular"`
	Classic     []string `json:"classic"`
	Sites       []string `json:"sites"`
}

// Unresolved is a request whose operation atlint cannot tell.
type Unresolved struct {
	Site    string `json:"site"`
	Method  string `json:"method"`
	URL     string `json:"url"`
	Library string `json:"library"`
	Reason  string `json:"reason"`
}

const scopesUsage = `Usage: atlint scopes [flags] [packages]

Print the least set of scopes the packages' Atlassian calls need, per product,
as the granular set and the classic alternative, with the operations and call
sites behind each scope; list the calls atlint cannot resolve, with the reason.

Flags:
`

// scopesMain runs atlint scopes.
func scopesMain(args []string, env Env) int {
	fs := flag.NewFlagSet("atlint scopes", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "output format: text, json or markdown")
	tests := fs.Bool("test", true, "include the calls in _test.go files")
	verbose := fs.Bool("v", false, "print loading progress on stderr")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprint(env.Stderr, scopesUsage)
			fs.SetOutput(env.Stderr)
			fs.PrintDefaults()
			return ExitClean
		}
		fmt.Fprintf(env.Stderr, "atlint scopes: %v\nrun 'atlint scopes -h' for usage\n", err)
		return ExitError
	}
	switch *format {
	case "text", "json", "markdown":
	default:
		fmt.Fprintf(env.Stderr, "atlint scopes: -format %q: want text, json or markdown\n", *format)
		return ExitError
	}
	r := &run{opts: &options{tests: tests, verbose: *verbose}, env: env, start: time.Now()}
	patterns, _, err := r.classifyArgs(fs.Args())
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	if patterns == nil {
		patterns = []string{"./..."}
	}
	// The report needs the model of every package at once: go/packages
	// checks them all up front (the source loader checks each during its
	// analysis and releases it afterwards).
	pkgs, err := r.loadPackages(patterns, false)
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	if r.loadErrors > 0 {
		return ExitError
	}
	rep, err := r.collectScopes(pkgs)
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	case "markdown":
		err = writeScopesMarkdown(env.Stdout, rep)
	default:
		err = writeScopesText(env.Stdout, rep)
	}
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	return ExitClean
}

// collectScopes runs the model on the packages and builds the report.
func (r *run) collectScopes(pkgs []*packages.Package) (*ScopeReport, error) {
	g, err := checker.Analyze([]*analysis.Analyzer{model.Analyzer}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	c := &scopeCollector{r: r, pkgs: map[string]bool{}, ops: map[*atlassian.Operation]*opSites{}, seen: map[string]bool{}}
	for _, act := range g.Roots {
		m, ok := act.Result.(*model.Result)
		if act.Err != nil || !ok {
			continue
		}
		c.pkgs[act.Package.PkgPath] = true
		c.requests(act.Package, m)
		c.graphql(act.Package, m)
	}
	return c.report(), nil
}

type opSites struct {
	op      *atlassian.Operation
	product string
	sites   map[string]bool
}

type scopeCollector struct {
	r          *run
	pkgs       map[string]bool
	ops        map[*atlassian.Operation]*opSites
	jpd        map[string]*opSites // JPD operation name -> sites
	unresolved []*Unresolved
	seen       map[string]bool
}

func (c *scopeCollector) requests(p *packages.Package, m *model.Result) {
	for _, q := range m.Requests(p.TypesInfo) {
		if !atlassianRequest(q) {
			continue
		}
		pos := p.Fset.Position(q.Site())
		site := fmt.Sprintf("%s:%d:%d", c.r.relPath(pos.Filename), pos.Line, pos.Column)
		resolved := false
		var first *model.Resolution
		for _, res := range q.Resolve() {
			if res.Op == nil {
				if first == nil {
					first = &res
				}
				continue
			}
			resolved = true
			o := c.ops[res.Op]
			if o == nil {
				o = &opSites{op: res.Op, product: productOf(res.Op.Product), sites: map[string]bool{}}
				c.ops[res.Op] = o
			}
			o.sites[site] = true
		}
		if resolved || first == nil {
			continue
		}
		u := displayURL(first.URL)
		key := site + " " + q.Method + " " + u
		if c.seen[key] {
			continue // a file of a package and of its test variant
		}
		c.seen[key] = true
		method := q.Method
		if method == "" {
			method = model.Hole
		}
		c.unresolved = append(c.unresolved, &Unresolved{Site: site, Method: method, URL: u, Library: q.Library, Reason: output.Scrub(first.Reason)})
	}
}

// graphql records the JPD GraphQL operations the package names, found as
// ATL301/ATL302 find them (jpdgraphql.Operations): in constant strings and
// JSON bodies, in the query structs of struct-tag clients, and in embedded
// .graphql files.
func (c *scopeCollector) graphql(p *packages.Package, m *model.Result) {
	for _, u := range jpdgraphql.Operations(p.Fset, p.TypesInfo, m, nil) {
		pos := p.Fset.Position(u.Pos)
		site := fmt.Sprintf("%s:%d:%d", c.r.relPath(pos.Filename), pos.Line, pos.Column)
		if u.Op.NoTokenAccess() {
			key := site + " " + u.Op.Name
			if !c.seen[key] {
				c.seen[key] = true
				c.unresolved = append(c.unresolved, &Unresolved{Site: site, Method: "POST", URL: "graphql " + u.Op.Name, Library: "graphql",
					Reason: "accepts no API token: needs OAuth 2.0 (3LO) or Forge"})
			}
			continue
		}
		if c.jpd == nil {
			c.jpd = map[string]*opSites{}
		}
		o := c.jpd[u.Op.Name]
		if o == nil {
			o = &opSites{product: productJPD, sites: map[string]bool{},
				op: &atlassian.Operation{Product: productJPD, Method: "graphql", Path: u.Op.Name, Granular: []string{u.Op.Scope}}}
			c.jpd[u.Op.Name] = o
		}
		o.sites[site] = true
	}
}

// atlassianRequest reports whether a request belongs in the report: one
// made by an Atlassian client library, one to an Atlassian host, or one of
// unknown host that a credential reaches.
func atlassianRequest(q *model.Request) bool {
	if q.Library != model.LibNetHTTP {
		return true
	}
	for _, u := range q.URLs {
		if u.Origin == "" || strings.Contains(u.Origin, model.Hole) {
			if u.Known() || len(q.Creds) > 0 {
				return true
			}
			continue
		}
		if pu, ok := atlassian.ParseURL(u.Origin); ok && pu.Kind != atlassian.HostOther {
			return true
		}
	}
	return false
}

// productOf maps a table product to the product the report groups it under.
func productOf(p string) string {
	switch p {
	case atlassian.ProductJiraPlatform, atlassian.ProductJiraLegacy:
		return "jira"
	case atlassian.ProductConfluenceV1, atlassian.ProductConfluenceV2, atlassian.ProductConfluenceV1Legacy:
		return "confluence"
	}
	return p
}

// displayURL is a URL template fit to print: no userinfo, query or
// fragment, nothing that looks like a credential.
func displayURL(u model.URL) string {
	origin := u.Origin
	if i := strings.Index(origin, "://"); i >= 0 {
		if at := strings.LastIndexByte(origin[i+3:], '@'); at >= 0 {
			origin = origin[:i+3] + origin[i+3+at+1:]
		}
	}
	s := origin + u.Path
	if u.Origin == "" && u.Path == "" {
		s = u.Template
		if i := strings.IndexAny(s, "?#"); i >= 0 {
			s = s[:i]
		}
		if i := strings.Index(s, "://"); i >= 0 {
			if at := strings.IndexByte(s[i+3:], '@'); at >= 0 {
				s = s[:i+3] + s[i+3+at+1:]
			}
		}
	} else if u.Origin == "" {
		s = model.Hole + u.Path
	}
	return output.Scrub(s)
}

func (c *scopeCollector) report() *ScopeReport {
	rep := &ScopeReport{Version: ScopesVersion, Packages: len(c.pkgs), Products: []*ProductScopes{}, Unresolved: []*Unresolved{}}
	byProduct := map[string][]*opSites{}
	for _, o := range c.ops {
		byProduct[o.product] = append(byProduct[o.product], o)
	}
	for _, o := range c.jpd {
		byProduct[productJPD] = append(byProduct[productJPD], o)
	}
	for _, p := range scopeProducts {
		ops := byProduct[p]
		if len(ops) == 0 {
			continue
		}
		sort.Slice(ops, func(i, j int) bool { return ops[i].op.String() < ops[j].op.String() })
		ps := &ProductScopes{Product: p, Granular: []*ScopeUse{}, Classic: []*ScopeUse{}, GranularMissing: []string{}, ClassicMissing: []string{}}
		granular, classic := map[string]*ScopeUse{}, map[string]*ScopeUse{}
		for _, o := range ops {
			name := o.op.String()
			sites := sortedKeys(o.sites)
			ps.Operations = append(ps.Operations, &OpUse{Operation: name, OperationID: o.op.OperationID, Deprecated: o.op.Deprecated,
				Granular: nonNil(o.op.Granular), Classic: nonNil(o.op.Classic), Sites: sites})
			add := func(set map[string]*ScopeUse, scopes []string) {
				for _, s := range scopes {
					u := set[s]
					if u == nil {
						u = &ScopeUse{Scope: s}
						set[s] = u
					}
					u.Operations = append(u.Operations, name)
					u.Sites = append(u.Sites, sites...)
				}
			}
			add(granular, o.op.Granular)
			add(classic, o.op.Classic)
			if len(o.op.Granular) == 0 && len(o.op.Classic) > 0 {
				ps.GranularMissing = append(ps.GranularMissing, name)
			}
			if len(o.op.Classic) == 0 && len(o.op.Granular) > 0 {
				ps.ClassicMissing = append(ps.ClassicMissing, name)
			}
		}
		ps.Granular, ps.Classic = scopeList(granular), scopeList(classic)
		rep.Products = append(rep.Products, ps)
	}
	sort.Slice(c.unresolved, func(i, j int) bool {
		a, b := c.unresolved[i], c.unresolved[j]
		if a.Site != b.Site {
			return a.Site < b.Site
		}
		return a.URL < b.URL
	})
	rep.Unresolved = append(rep.Unresolved, c.unresolved...)
	return rep
}

func scopeList(m map[string]*ScopeUse) []*ScopeUse {
	out := []*ScopeUse{}
	for _, k := range sortedKeys(m) {
		u := m[k]
		u.Operations = uniqSorted(u.Operations)
		u.Sites = uniqSorted(u.Sites)
		out = append(out, u)
	}
	return out
}

func uniqSorted(ss []string) []string {
	sort.Strings(ss)
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func scopeNames(us []*ScopeUse) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Scope
	}
	return out
}

func writeScopesText(w io.Writer, rep *ScopeReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "atlint scopes: %s, %s, %s\n", plural(rep.Packages, "package"), plural(countOps(rep), "operation"), plural(len(rep.Unresolved), "unresolved call"))
	for _, p := range rep.Products {
		fmt.Fprintf(&b, "\n%s\n", p.Product)
		sites := map[string][]string{}
		for _, o := range p.Operations {
			sites[o.Operation] = o.Sites
		}
		for _, alt := range []struct {
			name    string
			set     []*ScopeUse
			missing []string
		}{{"granular", p.Granular, p.GranularMissing}, {"classic", p.Classic, p.ClassicMissing}} {
			if len(alt.set) == 0 {
				fmt.Fprintf(&b, "  %s: none (the specs give no %s scopes for these operations)\n", alt.name, alt.name)
				continue
			}
			fmt.Fprintf(&b, "  %s (%d):\n", alt.name, len(alt.set))
			for _, u := range alt.set {
				fmt.Fprintf(&b, "    %s\n", u.Scope)
				for _, op := range u.Operations {
					fmt.Fprintf(&b, "      %s  at %s\n", op, strings.Join(sites[op], ", "))
				}
			}
			for _, op := range alt.missing {
				fmt.Fprintf(&b, "    not covered (the spec gives no %s scope): %s\n", alt.name, op)
			}
			fmt.Fprintf(&b, "  paste (%s): %s\n", alt.name, strings.Join(scopeNames(alt.set), ","))
		}
	}
	if len(rep.Unresolved) > 0 {
		fmt.Fprintf(&b, "\nunresolved (scopes not known; never guessed)\n")
		for _, u := range rep.Unresolved {
			fmt.Fprintf(&b, "  %s: %s %s (%s): %s\n", u.Site, u.Method, u.URL, u.Library, u.Reason)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func countOps(rep *ScopeReport) int {
	n := 0
	for _, p := range rep.Products {
		n += len(p.Operations)
	}
	return n
}

func writeScopesMarkdown(w io.Writer, rep *ScopeReport) error {
	var b strings.Builder
	code := func(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }
	codes := func(ss []string) string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = code(s)
		}
		return strings.Join(out, ", ")
	}
	fmt.Fprintf(&b, "## Atlassian token scopes\n\n%s, %s, %s.\n", plural(rep.Packages, "package"), plural(countOps(rep), "operation"), plural(len(rep.Unresolved), "unresolved call"))
	for _, p := range rep.Products {
		fmt.Fprintf(&b, "\n### %s\n", p.Product)
		for _, alt := range []struct {
			name    string
			set     []*ScopeUse
			missing []string
		}{{"Granular", p.Granular, p.GranularMissing}, {"Classic", p.Classic, p.ClassicMissing}} {
			if len(alt.set) == 0 {
				fmt.Fprintf(&b, "\n%s: none (the specs give no %s scopes for these operations).\n", alt.name, strings.ToLower(alt.name))
				continue
			}
			fmt.Fprintf(&b, "\n%s scopes:\n\n```\n%s\n```\n\n| scope | operations | call sites |\n|---|---|---|\n", alt.name, strings.Join(scopeNames(alt.set), ","))
			for _, u := range alt.set {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", code(u.Scope), codes(u.Operations), codes(u.Sites))
			}
			if len(alt.missing) > 0 {
				fmt.Fprintf(&b, "\nNot covered by the %s set (the spec gives no such scope): %s\n", strings.ToLower(alt.name), codes(alt.missing))
			}
		}
	}
	if len(rep.Unresolved) > 0 {
		fmt.Fprintf(&b, "\n### Unresolved calls\n\n| call site | request | library | reason |\n|---|---|---|---|\n")
		for _, u := range rep.Unresolved {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", code(u.Site), code(u.Method+" "+u.URL), u.Library, strings.ReplaceAll(u.Reason, "|", "\\|"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
