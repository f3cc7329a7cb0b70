package apppassword

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Analyzer is the ATL102 analyzer.
var Analyzer = New()

// New returns a fresh apppassword analyzer. It has no options.
func New() *analysis.Analyzer {
	return Spec.NewAnalyzer(run)
}

const ruleID = "ATL102"

// Libraries the rule knows, by module path.
const (
	modGoBitbucket = "github.com/ktrysmt/go-bitbucket"
	pkgGoGitHTTP   = "github.com/go-git/go-git/v5/plumbing/transport/http"
)

// How a credential is used, for the message.
type use int

const (
	useREST use = iota // Basic auth to the REST API: the user must become the email
	useGit             // git over HTTPS: the user stays the Bitbucket username
)

// A place where a credential is handed over.
type place struct {
	node   ast.Node // where to report
	user   ast.Expr // the Basic-auth user, nil when not separate
	secret ast.Expr // the password, or the whole header value
	host   string   // the Bitbucket Cloud host it goes to
	use    use
	via    string   // "go-bitbucket NewBasicAuth", for the message; "" for net/http
	scopes []string // the granular scopes the requests need, when all resolve
}

type checker struct {
	pass     *analysis.Pass
	info     *types.Info
	m        *model.Result
	rep      *model.Reporter
	flows    map[*ast.FuncDecl]*model.Flow
	pkgFlow  *model.Flow
	reported map[token.Pos]bool
	depth    int
}

func run(pass *analysis.Pass) (any, error) {
	rep := model.NewReporter(pass, Spec)
	m := rep.Model
	goBitbucket := importedPkg(pass.Pkg, modGoBitbucket)
	if goBitbucket == nil && !mentionsBitbucket(m) {
		return rep.Result(), nil // the cheap gate: no Bitbucket Cloud host, no client
	}
	c := &checker{pass: pass, info: pass.TypesInfo, m: m, rep: rep, flows: map[*ast.FuncDecl]*model.Flow{}, reported: map[token.Pos]bool{}}
	var places []place
	places = append(places, c.httpPlaces()...)
	if goBitbucket != nil {
		places = append(places, c.goBitbucketPlaces(goBitbucket)...)
	}
	places = append(places, c.userinfoPlaces()...)
	if p := importedPkg(pass.Pkg, pkgGoGitHTTP); p != nil {
		places = append(places, c.goGitPlaces(p)...)
	}
	for _, p := range places {
		c.check(p)
	}
	return rep.Result(), nil
}

// mentionsBitbucket: some constant string of the package names a
// Bitbucket Cloud host.
func mentionsBitbucket(m *model.Result) bool {
	for _, s := range m.Strings {
		v := s.Value
		if strings.Contains(v, "bitbucket.org") {
			return true
		}
		// Other spellings (API.Bitbucket.ORG), lowering only the strings
		// that may hold one.
		if len(v) >= len("bitbucket.org") && strings.ContainsAny(v, "bB") && strings.ContainsAny(v, "oO") &&
			strings.Contains(strings.ToLower(v), "bitbucket.org") {
			return true
		}
	}
	return false
}

// importedPkg returns the package the checked package imports at path or
// below it (for a module path), or nil.
func importedPkg(pkg *types.Package, path string) *types.Package {
	for _, p := range pkg.Imports() {
		if p.Path() == path {
			return p
		}
	}
	if path == modGoBitbucket {
		for _, p := range pkg.Imports() {
			if model.PathWithin(p.Path(), path) {
				return p
			}
		}
	}
	return nil
}

// httpPlaces: the model's Basic sinks (SetBasicAuth, Authorization: Basic)
// whose request or client goes to Bitbucket Cloud.
func (c *checker) httpPlaces() []place {
	if len(c.m.Sinks) == 0 {
		return nil
	}
	var out []place
	reaches := map[*model.AuthSink][]*model.Reach{}
	for _, r := range c.m.Reaches(c.info) {
		reaches[r.Sink] = append(reaches[r.Sink], r)
	}
	requests := map[*model.AuthSink][]*model.Request{}
	for _, q := range c.m.Requests(c.info) {
		for _, cr := range q.Creds {
			requests[cr.Sink] = append(requests[cr.Sink], q)
		}
	}
	for _, s := range c.m.Sinks {
		if s.Secret == nil || !(s.Kind == model.AuthBasic || s.Kind == model.AuthHeader && s.Scheme != "Bearer") {
			continue
		}
		for _, r := range reaches[s] {
			if host, ok := c.cloudHost(r.URL); ok {
				out = append(out, place{node: s.Node, user: s.User, secret: s.Secret, host: host, use: useREST, scopes: scopesOf(requests[s])})
				break
			}
		}
	}
	return out
}

// goBitbucketPlaces: the go-bitbucket constructors that take a user and a
// password.
func (c *checker) goBitbucketPlaces(pkg *types.Package) []place {
	// The library's requests (service calls such as
	// c.Repositories.PullRequests.Create), by the constructor call their
	// client comes from.
	requests := map[*ast.CallExpr][]*model.Request{}
	for _, q := range c.m.Requests(c.info) {
		if q.Library != model.LibGoBitbucket || q.Client == nil {
			continue
		}
		for _, v := range c.m.Values(c.info, q.Client) {
			if call, ok := v.Expr.(*ast.CallExpr); ok && v.Index < 1 {
				requests[call] = append(requests[call], q)
			}
		}
	}
	var out []place
	for _, name := range []string{
		"NewBasicAuth", "NewBasicAuthWithCaCert", "NewAPITokenAuth", "NewAPITokenAuthWithCaCert",
		"NewBasicAuthWithBaseUrlStr", "NewBasicAuthWithBaseUrlStrCaCert", "NewAPITokenAuthWithBaseUrlStr", "NewAPITokenAuthWithBaseUrlStrCaCert",
	} {
		fn, _ := pkg.Scope().Lookup(name).(*types.Func)
		if fn == nil {
			continue
		}
		for _, call := range c.callsOf(fn) {
			if len(call.Args) < 2 {
				continue
			}
			host := "api.bitbucket.org"
			if strings.Contains(name, "BaseUrlStr") {
				if len(call.Args) < 3 {
					continue
				}
				h, ok := c.cloudHost(call.Args[2])
				if !ok {
					continue
				}
				host = h
			}
			out = append(out, place{node: call, user: call.Args[0], secret: call.Args[1], host: host, use: useREST, via: "go-bitbucket " + name, scopes: scopesOf(requests[call])})
		}
	}
	return out
}

// callsOf returns the calls of fn in the package, from the model's index
// of uses.
func (c *checker) callsOf(fn types.Object) []*ast.CallExpr {
	var out []*ast.CallExpr
	for _, u := range c.m.Uses(c.info, fn) {
		cur := u
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == u.Node() {
			cur = cur.Parent()
		}
		for {
			if _, ok := cur.Parent().Node().(*ast.ParenExpr); !ok {
				break
			}
			cur = cur.Parent()
		}
		if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && call.Fun == cur.Node() {
			out = append(out, call)
		}
	}
	return out
}

// check reports a place whose secret the code names an app password.
func (c *checker) check(p place) {
	if c.reported[p.node.Pos()] {
		return
	}
	t := c.taint(p.secret)
	if t == nil || t.Flags&(fNamed|fLiteral) == 0 || t.Flags&(fAPI|fEmail) != 0 {
		return
	}
	if t.Flags&fNamed == 0 && p.node.Pos() <= t.Pos && t.Pos < p.node.End() {
		return // ATL101 reports the literal here
	}
	// A name is not enough when the value the code holds is an API token.
	for _, v := range c.m.Values(c.info, p.secret) {
		if s, ok := model.ConstString(c.info, v.Expr); ok {
			if k, _ := valueKind(s); k == fAPI {
				return
			}
		}
	}
	userNote := ""
	if p.user != nil {
		ut := c.taint(p.user)
		if ut != nil && ut.Flags&fEmail != 0 {
			return // an email: an API token in an app-password variable
		}
		if c.constant(p.user) {
			userNote = "the user name is a constant here: "
		}
	}
	c.reported[p.node.Pos()] = true
	what := "Bitbucket app password from " + t.What
	if t.Flags&fNamed == 0 {
		what = "Bitbucket app password " + t.What
	}
	where := p.host
	if p.via != "" {
		where += " (" + p.via + ")"
	}
	var fix string
	switch {
	case p.use == useGit:
		fix = "use a scoped API token (created with Bitbucket scopes read:repository:bitbucket, and write:repository:bitbucket to push); for git over HTTPS the user stays the Bitbucket username or becomes x-bitbucket-api-token-auth"
	case userNote != "":
		fix = "use a scoped API token (created with Bitbucket scopes) with the Atlassian account email as the Basic-auth user; " + userNote + "it must become the email"
	default:
		fix = "use a scoped API token (created with Bitbucket scopes) with the Atlassian account email, not the Bitbucket username, as the Basic-auth user"
	}
	if len(p.scopes) > 0 {
		fix += "; the token needs scopes " + strings.Join(p.scopes, ", ")
	}
	c.rep.Report(ruleID, analysis.Diagnostic{
		Pos: p.node.Pos(), End: p.node.End(),
		Message: fmt.Sprintf("%s sent to %s: app passwords stopped working on 2026-07-28; %s", what, where, fix),
	})
}

// constant reports whether every value e may hold is a constant string.
func (c *checker) constant(e ast.Expr) bool {
	vals := c.m.Values(c.info, e)
	for _, v := range vals {
		if _, ok := model.ConstString(c.info, v.Expr); !ok {
			return false
		}
	}
	return len(vals) > 0
}

// taint returns what the code says about the value of e: within its
// function through the model's Flow, and across the package's functions
// through the values the model finds for it (parameters to arguments).
func (c *checker) taint(e ast.Expr) *model.Taint {
	if t := c.flowAt(e).Of(e); t != nil {
		return t
	}
	// *p: what p points to (p := flag.String(...)) carries the name.
	x := ast.Unparen(e)
	for {
		s, ok := x.(*ast.StarExpr)
		if !ok {
			break
		}
		x = ast.Unparen(s.X)
	}
	for _, v := range c.m.Values(c.info, x) {
		if v.Expr == e || v.Expr == x || v.Index > 0 {
			continue
		}
		if t := c.flowAt(v.Expr).Of(v.Expr); t != nil {
			return t
		}
	}
	// A package-level variable may be written in any function
	// (flag.StringVar(&v, ...) in init): the whole package as one scope.
	if v, ok := model.ObjectOf(c.info, x).(*types.Var); ok && v.Pkg() == c.pass.Pkg && v.Parent() == v.Pkg().Scope() {
		return c.packageFlow().Of(e)
	}
	return nil
}

// packageFlow is the flow of the whole package taken as one body.
func (c *checker) packageFlow() *model.Flow {
	if c.pkgFlow == nil {
		c.pkgFlow = model.NewFlow(c.info, c.m.Inspector.Root(), model.FlowSpec{Source: c.source, Into: c.into})
	}
	return c.pkgFlow
}

// flowAt returns the flow of the function declaration around e (the
// package's top level for expressions outside functions), computed once
// per function.
func (c *checker) flowAt(e ast.Expr) *model.Flow {
	var fd *ast.FuncDecl
	if fi := c.m.FileOf(e.Pos()); fi != nil {
		decls := fi.File.Decls
		i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > e.Pos() })
		if i < len(decls) && decls[i].Pos() <= e.Pos() {
			fd, _ = decls[i].(*ast.FuncDecl)
		}
	}
	if fd == nil {
		return c.packageFlow()
	}
	if f, ok := c.flows[fd]; ok {
		return f
	}
	f := c.packageFlow()
	if cur, ok := c.m.Inspector.Root().FindNode(fd); ok {
		f = model.NewFlow(c.info, cur, model.FlowSpec{Source: c.source, Into: c.into})
	}
	c.flows[fd] = f
	return f
}

// into: flag.StringVar(&v, "app-password", ...) and the like write a value
// named by their constant argument into v.
func (c *checker) into(f *model.Flow, call *ast.CallExpr, fn *types.Func) ([]ast.Expr, ast.Expr) {
	if fn == nil || len(call.Args) < 2 || !strings.HasSuffix(fn.Name(), "Var") {
		return nil, nil
	}
	if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return []ast.Expr{u.X}, call
	}
	return nil, nil
}

// calleeName is pkg.Name or Recv.Name of a call, for messages.
func calleeName(info *types.Info, call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return ""
	}
	if r := model.RecvName(fn); r != "" {
		return r + "." + fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// scopesOf returns the granular scopes the Bitbucket Cloud requests need,
// sorted, when every one of them resolves to an operation of the REST
// scope table (atlassian.LookupOperation); nil otherwise, so that a
// partial list is never shown.
func scopesOf(reqs []*model.Request) []string {
	seen := map[string]bool{}
	var out []string
	n := 0
	for _, q := range reqs {
		for _, u := range q.URLs {
			if h, ok := atlassian.ParseURL(u.Origin); !ok || h.Kind != atlassian.HostBitbucket {
				continue
			}
			n++
			if q.Method == "" || !u.Known() {
				return nil
			}
			op, ok, _ := atlassian.LookupOperation(q.Method, u.Origin, u.Path)
			if !ok || len(op.Granular) == 0 {
				return nil
			}
			for _, sc := range op.Granular {
				if !seen[sc] {
					seen[sc] = true
					out = append(out, sc)
				}
			}
		}
	}
	if n == 0 {
		return nil
	}
	sort.Strings(out)
	return out
}
