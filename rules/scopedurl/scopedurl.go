package scopedurl

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Analyzer is the scopedurl analyzer with its own flags.
var Analyzer = New()

// New returns a fresh scopedurl analyzer whose options are its own flags.
func New() *analysis.Analyzer {
	opts := &options{cloudIDs: cloudIDs{}, hint: hintFlag}
	a := Spec.NewAnalyzer(func(pass *analysis.Pass) (any, error) { return run(pass, opts) })
	a.Flags.Var(opts.cloudIDs, "cloudid", "cloud ID of a site, for the suggested fix: SITE=UUID (SITE is mysite or mysite.atlassian.net; repeatable, or comma-separated); the ID is at https://SITE.atlassian.net/_edge/tenant_info")
	a.Flags.Var(&opts.hint, "hint", "how messages name the cloud-ID option: flag (-scopedurl.cloudid, for the command line and go vet), setting (cloud-ids:, for golangci-lint and .atlint.yml) or both")
	return a
}

type options struct {
	cloudIDs cloudIDs
	hint     hint
}

// hint is how messages name the cloud-ID option: the spelling of the
// driver in use, or both.
type hint string

const (
	hintFlag    hint = "flag"
	hintSetting hint = "setting"
	hintBoth    hint = "both"
)

func (h *hint) String() string { return string(*h) }

func (h *hint) Set(v string) error {
	switch hint(v) {
	case hintFlag, hintSetting, hintBoth:
		*h = hint(v)
		return nil
	}
	return fmt.Errorf("hint %q: want flag, setting or both", v)
}

// option names the cloud-ID option for site name with ID.
func (h hint) option(name string) string {
	flag := "pass -scopedurl.cloudid " + name + "=ID"
	setting := "set cloud-ids: {" + name + ": ID} in the atlint settings"
	switch h {
	case hintSetting:
		return setting
	case hintBoth:
		return flag + " or " + setting
	}
	return flag
}

// cloudIDs maps site hosts (mysite.atlassian.net) to cloud IDs. It is a
// repeatable flag.Value: each Set adds SITE=UUID pairs.
type cloudIDs map[string]string

func (c cloudIDs) String() string {
	var pairs []string
	for site, id := range c {
		pairs = append(pairs, site+"="+id)
	}
	sort.Strings(pairs)
	return strings.Join(pairs, ",")
}

func (c cloudIDs) Set(v string) error {
	for _, pair := range strings.Split(v, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		site, id, ok := strings.Cut(pair, "=")
		if !ok {
			return fmt.Errorf("cloud ID %q: want SITE=UUID, e.g. mysite=0b3c1f9e-5a7d-4c2b-9e8f-1a2b3c4d5e6f", pair)
		}
		host, ok := atlassian.NormalizeSite(site)
		if !ok {
			return fmt.Errorf("cloud ID %q: %q is not an Atlassian Cloud site (want mysite or mysite.atlassian.net)", pair, site)
		}
		id = strings.TrimSpace(id)
		if !atlassian.IsCloudID(id) {
			return fmt.Errorf("cloud ID %q: %q is not a UUID (read it from https://%s/_edge/tenant_info)", pair, id, host)
		}
		c[host] = strings.ToLower(id)
	}
	return nil
}

// A credential class, for the message.
type credClass int

const (
	credAPIToken   credClass = iota // Basic auth: an API token (Cloud accepts no passwords)
	credBearer                      // a Bearer token: OAuth 2.0 unless told otherwise
	credAPIBearer                   // a Cloud API token sent as Bearer
	credDataCenter                  // a Data Center PAT or Bitbucket DC token
)

// A finding before fixes are decided.
type finding struct {
	reach   *model.Reach
	cls     credClass
	kind    string          // the credential's kind, for Data Center messages
	site    string          // site host, "" when only constrained
	origin  string          // the site origin as written ("https://mysite.atlassian.net")
	path    string          // the constant path after the origin
	full    bool            // path is the whole rest of the URL
	product string          // "jira", "confluence" or ""
	graphql bool            // the path is the site's GraphQL gateway (/gateway/api/graphql)
	cand    model.Candidate // the site candidate (for the fix)
	located bool            // the URL's origin is a site or a placeholder site (origin is set)

	// doc is the documentation that says the URL is a site URL, when that
	// is the only evidence: "the usage text of flag -url names a site",
	// "placeholder https://<your-domain>.atlassian.net".
	doc string

	shared *sharedUse // the literal to rewrite also builds other strings
}

// A sharedUse is why a site literal gets no fix: it also builds a string
// that is not the URL of a reported request (a link for people).
type sharedUse struct {
	lit *ast.BasicLit
	use ast.Node
}

func run(pass *analysis.Pass, opts *options) (any, error) {
	rep := model.NewReporter(pass, Spec)
	m := rep.Model
	extra := libraryReaches(pass.TypesInfo, m)
	if len(m.Sinks) == 0 && len(extra) == 0 {
		return rep.Result(), nil
	}
	// A sample configuration beside the code may be the only place that
	// names a site.
	samples := sampleSites(m)
	if samples == nil && !mentionsSiteDomain(m) {
		return rep.Result(), nil
	}
	var reaches []*model.Reach
	if len(m.Sinks) > 0 {
		reaches = m.Reaches(pass.TypesInfo)
	}
	reaches = append(reaches, extra...)
	if len(reaches) == 0 {
		return rep.Result(), nil
	}
	ck := newChecker(pass.TypesInfo, m)
	ck.samples = samples
	var constrained map[types.Object]*evidence
	gatewayOK := -1 // whether the package accepts the gateway form or a cloud ID; -1 unknown
	var findings []*finding
	seen := map[token.Pos]bool{}
	urls := map[ast.Node]bool{} // URL expressions of reported requests
	for _, r := range reaches {
		if seen[r.URL.Pos()] {
			continue
		}
		cls, kind, ok := classify(pass.TypesInfo, m, r.Sink)
		if !ok {
			continue
		}
		// Evidence that only tests supply (a site URL passed by a test,
		// a suffix check in a test) says nothing about code outside
		// tests: the host of an SDK's request is its caller's.
		test := ck.inTest(r.URL)
		f := &finding{reach: r, cls: cls, kind: kind}
		for _, c := range ck.candidates(r.URL) {
			if c.Test && !test {
				continue
			}
			s, complete := c.Prefix()
			// Placeholders first: https://your-domain.atlassian.net is
			// documentation, not a site.
			u, ok := atlassian.ParsePlaceholderSite(s)
			if !ok {
				if u, ok = atlassian.ParseURL(s); !ok || u.Kind != atlassian.HostSite {
					continue
				}
			}
			f.site, f.origin, f.path, f.full, f.cand = u.Host, s[:u.OriginEnd], u.Path, complete, c
			f.product = u.Product
			if u.Placeholder != "" {
				f.site = ""
				f.origin = strings.Replace(f.origin, atlassian.Hole, "<site>", 1)
				if u.Placeholder != atlassian.Hole {
					f.doc = "placeholder " + f.origin
				}
			}
			f.located = true
			break
		}
		if !f.located {
			if constrained == nil {
				constrained = ck.constraints()
			}
			var hit *evidence
			for obj := range ck.roots(r.URL, 0) {
				if e := constrained[obj]; e != nil && (e.nonTest || test) && (hit == nil || hit.doc != "") {
					hit = e
				}
			}
			f.path, f.full = ck.pathHint(r.URL)
			switch {
			case hit != nil:
				f.doc = hit.doc
			case cls == credAPIToken && atlassian.CloudOnlyPath(f.path) != "" && ck.configurable(r.URL):
				// A Cloud-only path with Basic auth to a configurable
				// base URL: users will enter their site URL, unless the
				// code accepts the gateway form or a cloud ID.
				if gatewayOK < 0 {
					gatewayOK = 0
					if acceptsGateway(pass.TypesInfo, m) {
						gatewayOK = 1
					}
				}
				if gatewayOK == 1 {
					continue
				}
				f.doc = "the path " + atlassian.CloudOnlyPath(f.path) + " exists only on Atlassian Cloud"
			default:
				continue
			}
			f.product = atlassian.ProductOfPath(f.path)
		}
		f.graphql = atlassian.IsSiteGraphQL(f.path)
		if f.product == "" && !f.graphql {
			f.product = libraryProduct(r)
		}
		seen[r.URL.Pos()] = true
		urls[ast.Unparen(r.URL)] = true
		findings = append(findings, f)
	}
	// A literal rewritten for different products gets no fix, nor one that
	// also builds strings other than the URLs of these requests.
	products := map[*ast.BasicLit]string{}
	for _, f := range findings {
		if lit, _, _ := f.fixLit(opts); lit != nil {
			if p, ok := products[lit]; ok && p != f.fixProduct() {
				products[lit] = ""
			} else if !ok {
				products[lit] = f.fixProduct()
			}
		}
	}
	sh := &shareCheck{ck: ck, pkg: pass.Pkg, urls: urls, memo: map[types.Object]ast.Node{}}
	for _, f := range findings {
		if f.site == "" || f.cls == credDataCenter || f.cls == credAPIBearer {
			continue
		}
		if lit, _ := f.cand.LitAt(len(f.origin)); lit != nil {
			if use := sh.otherUse(lit); use != nil {
				f.shared = &sharedUse{lit: lit, use: use}
			}
		}
	}
	fixed := map[*ast.BasicLit]bool{}
	for _, f := range findings {
		d := analysis.Diagnostic{Pos: f.reach.URL.Pos(), End: f.reach.URL.End(), Message: f.message(pass.Fset, opts)}
		if lit, off, n := f.fixLit(opts); lit != nil && products[lit] != "" && f.shared == nil && !fixed[lit] {
			fixed[lit] = true
			base := f.fixBase(opts)
			start := lit.ValuePos + token.Pos(model.LitOffset(lit.Value, off))
			end := lit.ValuePos + token.Pos(model.LitOffset(lit.Value, off+n))
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Send the request to " + base,
				TextEdits: []analysis.TextEdit{{Pos: start, End: end, NewText: []byte(base)}},
			}}
		}
		rep.Report(f.ruleID(), d)
	}
	return rep.Result(), nil
}

// mentionsSiteDomain is the gate: a package with no constant string,
// struct tag or comment that names a site domain, and no constant string
// with a Cloud-only path, has nothing to report.
func mentionsSiteDomain(m *model.Result) bool {
	for _, s := range m.Strings {
		v := s.Value
		if hasSiteDomain(v) || strings.Contains(v, "/rest/api/3") || strings.Contains(v, "/gateway/api") || strings.Contains(v, "/wiki/api/v2") {
			return true
		}
	}
	for _, f := range m.Files {
		for _, cg := range f.File.Comments {
			for _, c := range cg.List {
				if hasSiteDomain(c.Text) {
					return true
				}
			}
		}
	}
	for c := range m.Inspector.Root().Preorder((*ast.Field)(nil)) {
		if tag := c.Node().(*ast.Field).Tag; tag != nil && hasSiteDomain(tag.Value) {
			return true
		}
	}
	return false
}

// hasSiteDomain reports whether s holds atlassian.net or .jira.com, in any case.
func hasSiteDomain(v string) bool {
	if strings.Contains(v, "atlassian.net") || strings.Contains(v, ".jira.com") {
		return true
	}
	// Upper-case spellings, without allocating for strings that
	// cannot hold a domain.
	if strings.IndexByte(v, '.') >= 0 && hasUpper(v) {
		v = strings.ToLower(v)
		return strings.Contains(v, "atlassian.net") || strings.Contains(v, ".jira.com")
	}
	return false
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// fixLit returns the literal whose value bytes [off, off+n) write what a
// fix replaces: the site origin, or the origin and /gateway/api of a
// GraphQL URL.
func (f *finding) fixLit(opts *options) (lit *ast.BasicLit, off, n int) {
	if f.site == "" {
		return nil, 0, 0
	}
	if f.cls != credAPIToken && f.cls != credBearer {
		return nil, 0, 0 // a new URL alone does not make these work
	}
	n = len(f.origin)
	switch {
	case f.graphql:
		// "/gateway/api" goes with the origin: /graphql stays.
		n += len(atlassian.SiteGraphQLPath) - len("/graphql")
	case f.product == "" || opts.cloudIDs[f.site] == "":
		return nil, 0, 0
	}
	lit, off = f.cand.LitAt(n)
	return lit, off, n
}

// fixProduct is what the fix of f rewrites the literal for.
func (f *finding) fixProduct() string {
	if f.graphql {
		return "graphql"
	}
	return f.product
}

// fixBase is the text the fix puts in place of the site origin.
func (f *finding) fixBase(opts *options) string {
	if f.graphql {
		return atlassian.Gateway
	}
	return atlassian.GatewayBase(f.product, opts.cloudIDs[f.site])
}

// libraryProduct is the product a library client talks to.
func libraryProduct(r *model.Reach) string {
	switch r.Library {
	case "confluence-go-api":
		return atlassian.ProductConfluence
	case "go-jira":
		return atlassian.ProductJira
	case "go-atlassian":
		if strings.Contains(r.Package, "/confluence") {
			return atlassian.ProductConfluence
		}
		if strings.Contains(r.Package, "/jira") {
			return atlassian.ProductJira
		}
	}
	return ""
}

// ruleID is ATL204 (a warning) when the site comes from documentation or
// usage evidence about a configurable base URL (f.doc), ATL201 (an error)
// when the code itself names or checks a site.
func (f *finding) ruleID() string {
	if f.doc != "" {
		return "ATL204"
	}
	return "ATL201"
}

func (f *finding) message(fset *token.FileSet, opts *options) string {
	where := f.origin
	switch {
	case f.doc != "":
		where = "a <site>.atlassian.net host (" + f.doc + ")"
	case f.site == "" && !f.located:
		where = "a <site>.atlassian.net host (the code expects one)"
	}
	id := opts.cloudIDs[f.site]
	gateway := f.replacement(id)
	cloudID := ""
	switch {
	case f.graphql:
		// The platform GraphQL URL needs no cloud ID.
	case id != "":
	case f.site == "":
		cloudID = "; the cloud ID of a site is at https://<site>.atlassian.net/_edge/tenant_info"
	case f.cls == credBearer:
		cloudID = "; the token's cloud IDs are at " + atlassian.AccessibleResourcesURL
	case f.shared != nil:
		cloudID = "; the cloud ID is at " + atlassian.TenantInfoURL(f.site)
	default:
		cloudID = fmt.Sprintf("; the cloud ID is at %s (%s for a fix)", atlassian.TenantInfoURL(f.site), opts.hint.option(siteName(f.site)))
	}
	if f.shared != nil {
		lit, use := fset.Position(f.shared.lit.Pos()), fset.Position(f.shared.use.Pos())
		cloudID += fmt.Sprintf("; no fix: the site URL at %s:%d also builds a string that is not an API request (%s:%d), so give the API requests a base URL of their own", filepath.Base(lit.Filename), lit.Line, filepath.Base(use.Filename), use.Line)
	}
	if f.doc != "" && f.cls == credAPIToken {
		// Documentation evidence: the code takes any URL, its documentation
		// tells users to enter a site.
		if !f.graphql {
			gateway += " or a cloud ID option"
		}
		return fmt.Sprintf("API token sent with Basic auth to %s: the documented base URL is a site URL, where scoped API tokens fail with 401/404 errors that look like missing permissions; accept %s%s", where, gateway, cloudID)
	}
	switch f.cls {
	case credBearer:
		return fmt.Sprintf("OAuth 2.0 Bearer token sent to %s: sites reject Bearer tokens, only api.atlassian.com accepts them; send the request to %s%s", where, gateway, cloudID)
	case credAPIBearer:
		return fmt.Sprintf("Atlassian API token sent as a Bearer token to %s: API tokens are sent with Basic auth (email:token), and scoped ones only through api.atlassian.com; use SetBasicAuth(email, token) and send the request to %s%s", where, gateway, cloudID)
	case credDataCenter:
		return fmt.Sprintf("%s sent to %s: Data Center tokens work only on your own Data Center host, never on Atlassian Cloud; point the client at your Data Center host, or use an Atlassian API token with Basic auth and %s", f.kind, where, gateway)
	}
	return fmt.Sprintf("API token sent with Basic auth to %s: scoped API tokens fail there with 401/404 errors that look like missing permissions, and classic tokens are being retired; send the request to %s%s", where, gateway, cloudID)
}

// replacement is the gateway form of the URL for the message.
func (f *finding) replacement(id string) string {
	if f.graphql {
		rest := f.path[len(atlassian.SiteGraphQLPath):]
		if !f.full {
			rest += "…"
		}
		return atlassian.GraphQLGateway + rest
	}
	if id == "" {
		id = "{cloudId}"
	}
	path := f.path
	const maxPath = 60
	if len(path) > maxPath {
		path, f.full = path[:maxPath], false
	}
	if !f.full || path == "" {
		path += "…"
	}
	if f.product == "" {
		return atlassian.GatewayBase(atlassian.ProductJira, id) + path + " (Jira; Confluence: " + atlassian.GatewayBase(atlassian.ProductConfluence, id) + path + ")"
	}
	return atlassian.GatewayBase(f.product, id) + path
}

func siteName(host string) string {
	if s, ok := strings.CutSuffix(host, ".atlassian.net"); ok {
		return s
	}
	return host
}

// classify tells what credential a sink sends. It returns false for sinks
// whose scheme is not visible.
func classify(info *types.Info, m *model.Result, s *model.AuthSink) (credClass, string, bool) {
	scheme := s.Scheme
	if s.Kind == model.AuthBasic {
		scheme = "Basic"
	} else if s.Kind == model.AuthBearer {
		scheme = "Bearer"
	}
	kind := tokenKind(info, m, s.Secret)
	if s.Library == "go-jira" {
		if lit, ok := s.Target.(*ast.CompositeLit); ok {
			if tv, ok := info.Types[lit]; ok && strings.HasSuffix(tv.Type.String(), ".PATAuthTransport") && kind == 0 {
				kind = atlassian.DataCenterPAT
			}
		}
	}
	switch kind {
	case atlassian.DataCenterPAT, atlassian.BitbucketDCToken:
		return credDataCenter, kind.String(), scheme != ""
	}
	switch scheme {
	case "Basic":
		return credAPIToken, "", true
	case "Bearer":
		if kind == atlassian.APIToken || kind == atlassian.LegacyAPIToken {
			return credAPIBearer, "", true
		}
		return credBearer, "", true
	}
	return 0, "", false
}

// tokenKind returns the kind of the credential e holds: from its value
// when a constant reaches it, else from the names around it; 0 if unknown.
func tokenKind(info *types.Info, m *model.Result, e ast.Expr) atlassian.Kind {
	var names []string
	var kind atlassian.Kind
	seen := map[ast.Expr]bool{}
	var visit func(e ast.Expr, depth int)
	visit = func(e ast.Expr, depth int) {
		if e == nil || kind != 0 || depth > 4 || seen[e] {
			return
		}
		seen[e] = true
		ast.Inspect(e, func(n ast.Node) bool {
			if kind != 0 {
				return false
			}
			x, ok := n.(ast.Expr)
			if !ok {
				return !isFuncLit(n)
			}
			if s, ok := model.ConstString(info, x); ok {
				if ms := atlassian.ScanContext(s); len(ms) > 0 {
					kind = ms[0].Kind
				} else {
					names = append(names, s)
				}
				return false
			}
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident, *ast.SelectorExpr:
				if id := identOf(x); id != nil {
					names = append(names, id.Name)
				}
				for _, v := range m.Values(info, x) {
					if v.Expr != x && v.Index < 1 {
						visit(v.Expr, depth+1)
					}
				}
				_, sel := x.(*ast.SelectorExpr)
				return sel
			}
			return true
		})
	}
	visit(e, 0)
	if kind != 0 {
		return kind
	}
	for _, name := range names {
		if k := kindOfName(name); k != 0 {
			return k
		}
	}
	return 0
}

func isFuncLit(n ast.Node) bool {
	_, ok := n.(*ast.FuncLit)
	return ok
}

// kindOfName guesses a credential's kind from a name: JIRA_PAT,
// personalAccessToken → Data Center PAT; BBDC → Bitbucket DC token;
// apiToken, API_TOKEN → API token.
func kindOfName(name string) atlassian.Kind {
	if len(name) > 64 {
		return 0
	}
	w := words(name)
	switch {
	case slices.Contains(w, "bbdc"):
		return atlassian.BitbucketDCToken
	case slices.Contains(w, "pat"), containsSeq(w, "personal", "access", "token"), containsSeq(w, "personal", "token"):
		return atlassian.DataCenterPAT
	case containsSeq(w, "api", "token"), slices.Contains(w, "apitoken"):
		return atlassian.APIToken
	}
	return 0
}

// words splits a name at non-letters and camel-case boundaries, lower case.
func words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (nextLower && unicode.IsUpper(rs[i-1])) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

func containsSeq(w []string, seq ...string) bool {
	for i := 0; i+len(seq) <= len(w); i++ {
		if slices.Equal(w[i:i+len(seq)], seq) {
			return true
		}
	}
	return false
}
