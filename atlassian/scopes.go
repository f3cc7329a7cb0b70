package atlassian

// REST operations and their OAuth 2.0 / scoped-token scopes (facts §7).
//
// The table is data/atlassian-rest-scopes.tsv, a byte-for-byte copy of
// ../shared/data/atlassian-rest-scopes.tsv (see data/README.md for its
// provenance), embedded into the binary. It is parsed and indexed the first
// time one of the functions below needs it, so a program that never looks
// up an operation pays nothing for it.
//
// Look-up API:
//
//	type Operation struct{ Product, Method, Path, OperationID string; Classic, Granular []string;
//	                       Deprecated bool; Replacement string; Legacy bool }
//	func LookupOperation(method, origin, path string) (op *Operation, ok bool, reason string)
//	func SatisfiedBy(op *Operation, scopes []string) (ok bool, missingClassic, missingGranular []string)
//	func KnownScope(name string) bool
//	func Operations() []*Operation
//
// The matching follows "Matching a concrete call to a row" in
// ../shared/data/README.md, steps 1–7; see LookupOperation.

import (
	_ "embed"
	"net/url"
	"sort"
	"strings"
	"sync"
)

//go:embed data/atlassian-rest-scopes.tsv
var restScopesTSV string

// Products of the REST scope table, as spelled in its product column.
const (
	ProductJiraPlatform       = "jira"
	ProductJiraSoftware       = "jira-software"
	ProductJSM                = "jsm"
	ProductConfluenceV1       = "confluence-v1"
	ProductConfluenceV2       = "confluence-v2"
	ProductBitbucket          = "bitbucket"
	ProductJiraLegacy         = "jira-legacy"
	ProductConfluenceV1Legacy = "confluence-v1-legacy"
)

// An Operation is one row of the REST scope table: an operation of one of
// Atlassian's published OpenAPI specs with the scopes it needs. A token
// satisfies it with all of Classic or all of Granular (never their union).
// Operations returned by this package are shared: treat them as read-only.
type Operation struct {
	Product     string   // jira, jira-software, jsm, confluence-v1, confluence-v2, bitbucket, jira-legacy, confluence-v1-legacy
	Method      string   // upper case
	Path        string   // the spec's path template, e.g. "/rest/api/3/issue/{issueIdOrKey}"
	OperationID string   // the spec's operationId, "" where it has none
	Classic     []string // the classic alternative (all required), sorted; empty when the spec gives none
	Granular    []string // the granular alternative (all required), sorted; empty when the spec gives none
	Deprecated  bool     // the spec marks the operation deprecated
	// Replacement is the operation the spec's own description names as the
	// replacement of a deprecated operation, as "METHOD /path/template"
	// (data/deprecated-replacements.tsv); "" when the spec names none.
	Replacement string
	// Legacy is true for operations that only an older spec lists (the
	// jira-legacy and confluence-v1-legacy products): they are absent from
	// the current spec.
	Legacy bool
}

// String returns "METHOD /path/template".
func (op *Operation) String() string { return op.Method + " " + op.Path }

// family bits: which origins reach a product.
const (
	famJira       uint8 = 1 << iota // site /rest/..., gateway /ex/jira
	famConfluence                   // site /wiki/..., gateway /ex/confluence
	famBitbucket                    // api.bitbucket.org
	famAll        = famJira | famConfluence | famBitbucket
)

func familyOf(product string) uint8 {
	switch {
	case strings.HasPrefix(product, "jira"), product == ProductJSM:
		return famJira
	case strings.HasPrefix(product, "confluence"):
		return famConfluence
	case product == ProductBitbucket:
		return famBitbucket
	}
	return 0
}

// A trie node: one path segment of the templates below it.
type node struct {
	lit   map[string]*node // literal segments
	mixed []mixedChild     // segments mixing text and parameters ("{repo_name}-issues-{task_id}.zip")
	param *node            // a "{param}" segment
	rest  *node            // a trailing "{path}": one or more segments
	ops   []entry          // operations whose template ends here, all methods
}

// An entry is an operation in the trie, with its family precomputed.
type entry struct {
	op  *Operation
	fam uint8
}

type mixedChild struct {
	pat  []piece
	next *node
}

// A piece of a segment pattern: literal text, or a wildcard when wild.
type piece struct {
	text string
	wild bool
}

type scopeTable struct {
	ops    []*Operation
	root   *node
	scopes map[string]bool
}

var (
	tableOnce sync.Once
	table     *scopeTable
)

func restTable() *scopeTable {
	tableOnce.Do(func() { table = buildTable(restScopesTSV, deprecatedReplacementsTSV) })
	return table
}

// buildTable parses the embedded TSVs. The data is ours and checked by
// tests, so a malformed row is a programming error and panics.
func buildTable(tsv, replacements string) *scopeTable {
	t := &scopeTable{root: &node{}, scopes: map[string]bool{}}
	lines := strings.Split(strings.TrimSuffix(tsv, "\n"), "\n")
	if len(lines) == 0 || lines[0] != "product\tmethod\tpath\toperation_id\tclassic_scopes\tgranular_scopes\tdeprecated" {
		panic("atlassian: unexpected header in data/atlassian-rest-scopes.tsv")
	}
	repl := parseReplacements(replacements)
	byKey := make(map[string]*Operation, len(lines))
	all := make([]Operation, len(lines)-1)
	t.ops = make([]*Operation, 0, len(lines)-1)
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			panic("atlassian: malformed row in data/atlassian-rest-scopes.tsv: " + line)
		}
		op := &all[i]
		*op = Operation{
			Product:     f[0],
			Method:      f[1],
			Path:        f[2],
			OperationID: f[3],
			Classic:     splitScopes(f[4]),
			Granular:    splitScopes(f[5]),
			Deprecated:  f[6] == "true",
			Legacy:      strings.HasSuffix(f[0], "-legacy"),
		}
		op.Replacement = repl[op.Product+" "+op.Method+" "+op.Path]
		for _, s := range op.Classic {
			t.scopes[s] = true
		}
		for _, s := range op.Granular {
			t.scopes[s] = true
		}
		t.ops = append(t.ops, op)
		byKey[op.Product+" "+op.Method+" "+op.Path] = op
		t.insert(op)
	}
	for k := range repl {
		if byKey[k] == nil {
			panic("atlassian: data/deprecated-replacements.tsv names an operation not in the table: " + k)
		}
	}
	return t
}

func splitScopes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func (t *scopeTable) insert(op *Operation) {
	segs := strings.Split(strings.TrimPrefix(op.Path, "/"), "/")
	n := t.root
	for i, s := range segs {
		switch {
		case s == "{path}" && i == len(segs)-1 && familyOf(op.Product) == famBitbucket:
			if n.rest == nil {
				n.rest = &node{}
			}
			n = n.rest
		case isParam(s):
			if n.param == nil {
				n.param = &node{}
			}
			n = n.param
		case strings.ContainsRune(s, '{'):
			pat := templatePattern(s)
			var next *node
			for _, m := range n.mixed {
				if piecesEqual(m.pat, pat) {
					next = m.next
				}
			}
			if next == nil {
				next = &node{}
				n.mixed = append(n.mixed, mixedChild{pat, next})
			}
			n = next
		default:
			if n.lit == nil {
				n.lit = map[string]*node{}
			}
			c := n.lit[s]
			if c == nil {
				c = &node{}
				n.lit[s] = c
			}
			n = c
		}
	}
	n.ops = append(n.ops, entry{op, familyOf(op.Product)})
}

// isParam reports whether a template segment is one whole "{name}".
func isParam(s string) bool {
	return len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' && strings.IndexByte(s[1:], '{') < 0 && strings.IndexByte(s, '}') == len(s)-1
}

// templatePattern splits "{repo_name}-issues-{task_id}.zip" into pieces.
func templatePattern(s string) []piece {
	var ps []piece
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			ps = append(ps, piece{text: s})
			break
		}
		if i > 0 {
			ps = append(ps, piece{text: s[:i]})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			ps = append(ps, piece{text: s[i:]})
			break
		}
		ps = append(ps, piece{wild: true})
		s = s[i+j+1:]
	}
	return ps
}

func piecesEqual(a, b []piece) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A segment of a looked-up path. hole is set when the raw segment contains
// the request model's "{}" marker for a value not known statically.
type segment struct {
	text string
	hole bool
}

// Reasons LookupOperation gives (the variable parts are appended).
const (
	reasonNoMethod   = "HTTP method not known"
	reasonNoPath     = "no path"
	reasonOtherVerb  = "matches only under another method: "
	reasonHoleLit    = "non-constant segment where the spec has only literal segments"
	reasonNoOp       = "no operation "
	reasonNotOrigin  = "not an Atlassian Cloud REST origin: "
	reasonGatewayEx  = "API gateway path is not /ex/jira/{cloudId}/... or /ex/confluence/{cloudId}/..."
	reasonInSpecTail = " in the spec"
)

// maxSegments bounds the path segments looked at; longer paths do not match.
const maxSegments = 32

// LookupOperation resolves a request to an operation of the REST scope
// table.
//
// method is the HTTP method (any case). origin is the request's scheme and
// host ("https://acme.atlassian.net", "https://api.atlassian.com",
// "https://api.bitbucket.org"), or "" when it is not known; an origin that
// carries a path ("https://acme.atlassian.net/wiki") has it put in front of
// path. With origin "", path may also be a whole URL, and a path starting
// with "/ex/jira/" or "/ex/confluence/" is taken as the gateway form.
// path is the request path; segments that are not constant are written as
// holes, "{}" (a whole segment) or text with "{}" in it ("PROJ-{}").
//
// The rules are those of ../shared/data/README.md ("Matching a concrete
// call to a row"):
//   - a site origin (<site>.atlassian.net, <site>.jira.com) reaches the Jira
//     products (/rest/...) and Confluence (/wiki/...);
//   - the gateway https://api.atlassian.com reaches them through
//     /ex/jira/{cloudId}/<site path> (Jira, Jira Software, JSM) and
//     /ex/confluence/{cloudId}/<site path> (Confluence, /wiki included);
//   - https://api.bitbucket.org reaches Bitbucket, whose templates start
//     with /2.0;
//   - the query string and fragment are dropped, repeated "/" collapse, a
//     trailing "/" is ignored, and each segment is percent-decoded;
//   - a literal template segment must equal the path segment exactly, a
//     {param} matches any one segment, Bitbucket's mixed segment
//     ("{repo_name}-issues-{task_id}.zip") matches as a pattern, and a
//     trailing Bitbucket {path} matches one or more segments;
//   - a hole matches a {param} (or a mixed segment it can fit) and never a
//     literal segment;
//   - among matching templates the one with more literal segments wins,
//     then the one whose literal segments come first
//     (/rest/api/3/issue/createmeta before /rest/api/3/issue/{issueIdOrKey});
//   - when nothing matches, a /rest/api/2/... path is retried as
//     /rest/api/3/...; the current products are searched before the
//     -legacy ones (a legacy match has op.Legacy set).
//
// On failure op is nil, ok is false and reason says why in plain words:
// "no operation GET /rest/api/3/foo in the spec", "matches only under
// another method: POST", "non-constant segment where the spec has only
// literal segments", "not an Atlassian Cloud REST origin: ...". A match
// under another method or an unknown path is never guessed.
func LookupOperation(method, origin, path string) (op *Operation, ok bool, reason string) {
	restTable()
	if method == "" || strings.Contains(method, "{}") {
		return nil, false, reasonNoMethod
	}
	method = upperASCII(method)

	fam, path, why := resolveOrigin(origin, path)
	if why != "" {
		return nil, false, why
	}

	var buf [maxSegments]segment
	segs, decoded, tooLong := splitPath(path, buf[:0])
	if len(segs) == 0 {
		return nil, false, reasonNoPath
	}
	if tooLong {
		return nil, false, reasonNoOp + method + " " + decoded + reasonInSpecTail
	}

	m := matcher{method: method, fam: fam, segs: segs}
	v2 := len(segs) >= 3 && segs[0] == segment{text: "rest"} && segs[1] == segment{text: "api"} && segs[2] == segment{text: "2"}
	for _, legacy := range [2]bool{false, true} {
		m.legacy = legacy
		if op := m.find(); op != nil {
			return op, true, ""
		}
		if v2 {
			segs[2].text = "3"
			op := m.find()
			segs[2].text = "2"
			if op != nil {
				return op, true, ""
			}
		}
	}

	// Nothing under this method: explain.
	if methods := m.otherMethods(v2); len(methods) > 0 {
		return nil, false, reasonOtherVerb + strings.Join(methods, ", ")
	}
	if m.holeBlocked(v2) {
		return nil, false, reasonHoleLit + " (" + method + " " + decoded + ")"
	}
	return nil, false, reasonNoOp + method + " " + decoded + reasonInSpecTail
}

// resolveOrigin returns the product families the origin reaches and the
// path below the origin that the templates describe.
func resolveOrigin(origin, path string) (fam uint8, rest string, reason string) {
	if origin == "" && strings.Contains(path, "://") {
		origin, path = path, ""
	}
	if origin == "" {
		if p, ok := cutGatewayPrefix(path); ok {
			return p.fam, p.rest, ""
		} else if p.bad {
			return 0, "", reasonGatewayEx
		}
		return famAll, path, ""
	}
	if h, p, ok := holedHost(origin); ok {
		// The whole host is unknown: as if there were no origin.
		if p != "" {
			return resolveOrigin("", strings.TrimSuffix(p, "/")+"/"+strings.TrimPrefix(path, "/"))
		}
		return resolveOrigin("", path)
	} else if h != "" {
		// A host with a hole in it ("{}.atlassian.net"): classify its shape.
		origin = strings.Replace(origin, h, strings.ReplaceAll(h, "{}", "x"), 1)
	}
	u, full, ok := splitOrigin(origin)
	if !ok {
		return 0, "", reasonNotOrigin + originForMessage(origin)
	}
	if i := strings.IndexAny(full, "?#"); i >= 0 {
		full = full[:i]
	}
	if full != "" {
		full = strings.TrimSuffix(full, "/")
		if path != "" && path[0] != '/' {
			full += "/"
		}
		path = full + path
	}
	switch u.Kind {
	case HostSite:
		return famJira | famConfluence, path, ""
	case HostGateway:
		p, ok := cutGatewayPrefix(path)
		if !ok {
			return 0, "", reasonGatewayEx
		}
		return p.fam, p.rest, ""
	case HostBitbucket:
		if u.Host == "api.bitbucket.org" {
			return famBitbucket, path, ""
		}
	}
	return 0, "", reasonNotOrigin + originForMessage(origin)
}

// splitOrigin classifies the host of an origin ("https://host[:port][/path]")
// and returns what follows the host. It is ParseURL without the work
// LookupOperation does not need.
func splitOrigin(origin string) (u URL, rest string, ok bool) {
	host, rest, _, ok := cutOrigin(origin)
	if !ok {
		return URL{}, "", false
	}
	return ClassifyHost(host), rest, true
}

// originForMessage returns the scheme and host of an origin, never its
// userinfo (which may hold a credential).
func originForMessage(origin string) string {
	s := origin
	scheme := ""
	if i := strings.Index(s, "://"); i >= 0 {
		scheme, s = s[:i+3], s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	return scheme + s
}

// holedHost returns the host of origin when it holds a hole, with ok set
// when the host is nothing but a hole, and the path that follows the host.
func holedHost(origin string) (host, path string, ok bool) {
	_, rest, found := strings.Cut(origin, "://")
	if !found {
		rest = origin
	}
	host = rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	if j := strings.LastIndexByte(host, '@'); j >= 0 {
		host = host[j+1:]
	}
	if !strings.Contains(host, "{}") {
		return "", "", false
	}
	return host, path, host == "{}" || strings.HasPrefix(host, "{}:")
}

type gatewayPath struct {
	fam  uint8
	rest string
	bad  bool // starts with /ex/ but is not a product prefix
}

// cutGatewayPrefix removes "/ex/{jira|confluence}/{cloudId}" from a gateway
// path. A hole for the product reaches both products.
func cutGatewayPrefix(path string) (gatewayPath, bool) {
	p := strings.TrimLeft(path, "/")
	after, ok := strings.CutPrefix(p, "ex/")
	if !ok {
		return gatewayPath{}, false
	}
	after = strings.TrimLeft(after, "/")
	product, after, _ := strings.Cut(after, "/")
	var fam uint8
	switch product {
	case ProductJira:
		fam = famJira
	case ProductConfluence:
		fam = famConfluence
	case "{}":
		fam = famJira | famConfluence
	default:
		return gatewayPath{bad: true}, false
	}
	after = strings.TrimLeft(after, "/")
	cloudID, after, _ := strings.Cut(after, "/")
	if cloudID == "" || strings.IndexAny(cloudID, "?#") >= 0 {
		return gatewayPath{bad: true}, false
	}
	// after is a suffix of path that follows a "/": keep that "/".
	if len(after) >= len(path) {
		return gatewayPath{fam: fam, rest: "/" + after}, true
	}
	return gatewayPath{fam: fam, rest: path[len(path)-len(after)-1:]}, true
}

// splitPath cleans a path and splits it into segments: the query and
// fragment are dropped, empty segments (repeated or trailing "/") are
// skipped, and each segment is percent-decoded unless it holds a hole. It
// also returns the cleaned path for messages, and whether the path has more
// segments than any template (maxSegments).
func splitPath(path string, segs []segment) ([]segment, string, bool) {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	tooLong := false
	for rest := path; rest != ""; {
		var s string
		s, rest, _ = strings.Cut(rest, "/")
		if s == "" {
			continue
		}
		if len(segs) == maxSegments {
			tooLong = true
			break
		}
		seg := segment{text: s}
		if strings.Contains(s, "{}") {
			seg.hole = true
		} else if strings.IndexByte(s, '%') >= 0 {
			if d, err := url.PathUnescape(s); err == nil {
				seg.text = d
			}
		}
		segs = append(segs, seg)
	}
	return segs, cleanForMessage(path), tooLong
}

// cleanForMessage collapses repeated "/" and drops a trailing one.
func cleanForMessage(path string) string {
	if !strings.Contains(path, "//") && (len(path) < 2 || path[len(path)-1] != '/') {
		if path == "" || path[0] == '/' {
			return path
		}
		return "/" + path
	}
	var b strings.Builder
	for rest := path; rest != ""; {
		var s string
		s, rest, _ = strings.Cut(rest, "/")
		if s != "" {
			b.WriteByte('/')
			b.WriteString(s)
		}
	}
	return b.String()
}

func upperASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return strings.ToUpper(s)
		}
	}
	return s
}

// A matcher walks the trie for one path.
type matcher struct {
	method string // "" for any method
	fam    uint8
	legacy bool
	segs   []segment

	holeLit bool            // let holes match literal segments (explaining a failure)
	methods map[string]bool // with method "": the methods seen
}

// A best is the best match found so far. (Kept apart from the matcher,
// which points at the caller's segment buffer, so that the buffer stays on
// the stack.)
type best struct {
	op   *Operation
	lits int
}

// find returns the best operation for the path, or nil.
func (m *matcher) find() *Operation {
	b := best{lits: -1}
	m.walk(restTable().root, 0, 0, &b)
	return b.op
}

// walk visits the templates matching segs[i:] below n: literal children
// first, then mixed, then {param}, then a trailing {path}, so that among
// templates with the same number of literal segments the first one found is
// the one whose literal segments come first.
func (m *matcher) walk(n *node, i, lits int, b *best) {
	if i == len(m.segs) {
		m.accept(n.ops, lits, b)
		return
	}
	s := m.segs[i]
	if n.lit != nil {
		if !s.hole {
			if c := n.lit[s.text]; c != nil {
				m.walk(c, i+1, lits+1, b)
			}
		} else if m.holeLit {
			for _, c := range n.lit {
				m.walk(c, i+1, lits+1, b)
			}
		}
	}
	for _, mc := range n.mixed {
		if segmentFits(mc.pat, s) {
			m.walk(mc.next, i+1, lits+1, b)
		}
	}
	if n.param != nil {
		m.walk(n.param, i+1, lits, b)
	}
	if n.rest != nil {
		m.accept(n.rest.ops, lits, b)
	}
}

func (m *matcher) accept(ops []entry, lits int, b *best) {
	for _, e := range ops {
		op := e.op
		if op.Legacy != m.legacy || e.fam&m.fam == 0 {
			continue
		}
		if m.method == "" {
			if m.methods != nil {
				m.methods[op.Method] = true
			}
			if lits > b.lits {
				b.op, b.lits = op, lits
			}
			continue
		}
		if op.Method == m.method && lits > b.lits {
			b.op, b.lits = op, lits
		}
	}
}

// otherMethods lists, sorted, the methods under which the path matches a
// template (current and legacy, with the /rest/api/3 retry).
func (m *matcher) otherMethods(v2 bool) []string {
	mm := matcher{fam: m.fam, segs: append([]segment(nil), m.segs...), methods: map[string]bool{}}
	mm.each(v2, func() { mm.find() })
	out := make([]string, 0, len(mm.methods))
	for k := range mm.methods {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// holeBlocked reports whether the path would match some template if its
// holes could match literal segments.
func (m *matcher) holeBlocked(v2 bool) bool {
	hasHole := false
	for _, s := range m.segs {
		hasHole = hasHole || s.hole
	}
	if !hasHole {
		return false
	}
	mm := matcher{fam: m.fam, segs: append([]segment(nil), m.segs...), holeLit: true}
	found := false
	mm.each(v2, func() { found = found || mm.find() != nil })
	return found
}

func (m *matcher) each(v2 bool, f func()) {
	for _, legacy := range [2]bool{false, true} {
		m.legacy = legacy
		f()
		if v2 {
			m.segs[2].text = "3"
			f()
			m.segs[2].text = "2"
		}
	}
}

// segmentFits reports whether a path segment can match a mixed template
// segment. Both sides may hold wildcards (template parameters, holes);
// it answers whether some concrete segment matches both.
func segmentFits(pat []piece, s segment) bool {
	a := expand(pat)
	var b []int
	if s.hole {
		b = expand(templateHoles(s.text))
	} else {
		b = expand([]piece{{text: s.text}})
	}
	memo := map[[2]int]bool{}
	var f func(i, j int) bool
	f = func(i, j int) bool {
		if i == len(a) && j == len(b) {
			return true
		}
		k := [2]int{i, j}
		if v, ok := memo[k]; ok {
			return v
		}
		memo[k] = false
		r := false
		switch {
		case i < len(a) && a[i] < 0:
			r = f(i+1, j) || j < len(b) && f(i, j+1)
		case j < len(b) && b[j] < 0:
			r = f(i, j+1) || i < len(a) && f(i+1, j)
		case i < len(a) && j < len(b):
			r = a[i] == b[j] && f(i+1, j+1)
		}
		memo[k] = r
		return r
	}
	return f(0, 0)
}

// templateHoles splits a holed segment ("PROJ-{}") into pieces.
func templateHoles(s string) []piece {
	var ps []piece
	for s != "" {
		before, after, ok := strings.Cut(s, "{}")
		if before != "" {
			ps = append(ps, piece{text: before})
		}
		if !ok {
			break
		}
		ps = append(ps, piece{wild: true})
		s = after
	}
	return ps
}

// expand turns pieces into bytes, -1 standing for a wildcard.
func expand(ps []piece) []int {
	var out []int
	for _, p := range ps {
		if p.wild {
			out = append(out, -1)
			continue
		}
		for i := 0; i < len(p.text); i++ {
			out = append(out, int(p.text[i]))
		}
	}
	return out
}

// SatisfiedBy reports whether a token with the given scopes may call op:
// it needs all of op.Classic or all of op.Granular. missingClassic and
// missingGranular list, in the table's order, the scopes of each
// alternative that the token lacks (nil for an alternative the spec does
// not give). An operation for which the spec lists no scope at all is
// satisfied by any token: the table cannot say it needs one.
func SatisfiedBy(op *Operation, scopes []string) (ok bool, missingClassic, missingGranular []string) {
	have := func(s string) bool {
		for _, x := range scopes {
			if strings.TrimSpace(x) == s {
				return true
			}
		}
		return false
	}
	for _, s := range op.Classic {
		if !have(s) {
			missingClassic = append(missingClassic, s)
		}
	}
	for _, s := range op.Granular {
		if !have(s) {
			missingGranular = append(missingGranular, s)
		}
	}
	ok = len(op.Classic) == 0 && len(op.Granular) == 0 ||
		len(op.Classic) > 0 && len(missingClassic) == 0 ||
		len(op.Granular) > 0 && len(missingGranular) == 0
	return ok, missingClassic, missingGranular
}

// KnownScope reports whether name is a scope of the REST scope table
// (classic or granular, any product). JPD GraphQL scopes are checked with
// IsJPDScope.
func KnownScope(name string) bool {
	return restTable().scopes[name]
}

// Operations returns every operation of the table, in the table's order
// (current products first, then the -legacy ones). The slice is a fresh
// copy; the operations are shared and read-only.
func Operations() []*Operation {
	return append([]*Operation(nil), restTable().ops...)
}
