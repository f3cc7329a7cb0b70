package credentials

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Analyzer is the ATL101 analyzer with its flags at their defaults.
var Analyzer = New()

type options struct {
	tests bool // report findings in test code
}

// New returns a fresh credentials analyzer with its own flags.
func New() *analysis.Analyzer {
	opts := &options{tests: true}
	a := Spec.NewAnalyzer(func(pass *analysis.Pass) (any, error) { return run(pass, opts) })
	a.Flags.BoolVar(&opts.tests, "tests", true, "report credentials in _test.go files and testdata (false: skip test code)")
	return a
}

const ruleID = "ATL101"

func run(pass *analysis.Pass, opts *options) (any, error) {
	m := pass.ResultOf[model.Analyzer].(*model.Result)
	rep := model.NewReporter(pass, Spec)
	var sinks *sinkContext // built on first need
	for _, sc := range m.Strings {
		v := sc.Value
		if len(v) < 24 {
			continue
		}
		if !opts.tests && sc.File.IsTest() {
			continue
		}
		ms := atlassian.Scan(v)
		// Prefix-free kinds: grammar and check first (cheap, and rarely
		// true), context only for the values that pass.
		if mayHoldWord(v) {
			if all := atlassian.ScanContext(v); len(all) > len(ms) {
				if sinks == nil {
					sinks = newSinkContext(pass, m)
				}
				if hasContext(pass, sc, sinks) {
					ms = all
				} else {
					ms = keyed(v, all)
				}
			}
		}
		if len(ms) == 0 {
			continue
		}
		for _, mt := range ms {
			if fromNamedConst(pass, sc, mt) {
				continue // reported where the constant's literal is written
			}
			report(pass, rep, sc, mt, len(ms))
		}
	}
	for _, fi := range m.Files {
		if !opts.tests && fi.IsTest() {
			continue
		}
		scanComments(pass, rep, fi)
	}
	return rep.Result(), nil
}

// keyed keeps the matches of the prefixed kinds and those of the
// prefix-free kinds that are the value of an Atlassian-named key written in
// the same text: "JIRA_API_TOKEN=…", "export JIRA_TOKEN=…", "jira_token: …".
// The name before '=' or ':' is their context.
func keyed(v string, all []atlassian.Match) []atlassian.Match {
	var out []atlassian.Match
	for _, mt := range all {
		if !mt.Kind.NeedsContext() || keyContext(v, mt.Start) {
			out = append(out, mt)
		}
	}
	return out
}

// keyContext reports whether the key before offset start of v names an
// Atlassian credential: an Atlassian-named key (JIRA_API_TOKEN=), or a
// credential word after an Atlassian name on the same line, as prose writes
// it ("Jira API token: …", "Confluence PAT = …").
func keyContext(v string, start int) bool {
	key := atlassian.KeyBefore(v, start)
	if key == "" {
		return false
	}
	if atlassianNamed(key) {
		return true
	}
	if !credentialWord(key) {
		return false
	}
	at := strings.LastIndex(v[:start], key)
	if at < 0 {
		return false
	}
	line := v[max(0, at-32):at]
	if nl := strings.LastIndexByte(line, '\n'); nl >= 0 {
		line = line[nl+1:]
	}
	return atlassianNamed(line)
}

// credentialWord reports whether a key names a credential.
func credentialWord(k string) bool {
	l := strings.ToLower(k)
	for _, w := range []string{"token", "pat", "password", "secret", "apikey", "api_key", "credential"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// scanComments reports the credentials in the comments of a file: the
// prefixed kinds by grammar and checksum, the prefix-free kinds only as the
// value of an Atlassian-named key (a comment has no other context).
func scanComments(pass *analysis.Pass, rep *model.Reporter, fi *model.FileInfo) {
	var tf *token.File
	for _, cg := range fi.File.Comments {
		for _, c := range cg.List {
			ms := commentMatches(c.Text)
			if len(ms) == 0 {
				continue
			}
			if tf == nil {
				tf = pass.Fset.File(c.Slash)
			}
			for _, mt := range ms {
				reportComment(rep, fi, tf, c, mt)
			}
		}
	}
}

// commentMatches returns the credentials in the text of one comment.
func commentMatches(text string) []atlassian.Match {
	if len(text) < 2+24 {
		return nil
	}
	ms := atlassian.Scan(text)
	// The prefix-free kinds need a key: '=' or ':' before a long word.
	if keyedWord(text) {
		if all := atlassian.ScanContext(text); len(all) > len(ms) {
			ms = keyed(text, all)
		}
	}
	return ms
}

// commentPos maps a byte offset in the text of comment c to its position.
// The scanner drops carriage returns from comment text, so offsets past
// the first line are mapped through the lines of the file.
func commentPos(tf *token.File, c *ast.Comment, off int) token.Pos {
	nl := strings.LastIndexByte(c.Text[:off], '\n')
	if nl < 0 || tf == nil {
		return c.Slash + token.Pos(off)
	}
	line := tf.Line(c.Slash) + strings.Count(c.Text[:nl+1], "\n")
	if line > tf.LineCount() {
		return c.Slash + token.Pos(off)
	}
	return tf.LineStart(line) + token.Pos(off-nl-1)
}

func reportComment(rep *model.Reporter, fi *model.FileInfo, tf *token.File, c *ast.Comment, mt atlassian.Match) {
	where := ""
	if fi.IsTest() {
		where = " in test code"
	}
	msg := fmt.Sprintf("hard-coded %s %q in a comment%s: %s", mt.Kind, atlassian.Redact(mt.Token), where, commentAdvice(mt.Kind))
	rep.Report(ruleID, analysis.Diagnostic{Pos: commentPos(tf, c, mt.Start), End: commentPos(tf, c, mt.End), Message: msg})
}

// commentAdvice says what to do about a token in a comment. No fix is
// offered: deleting the text does not make a leaked token safe, and what a
// comment should say instead is the author's choice.
func commentAdvice(k atlassian.Kind) string {
	if k == atlassian.AppPassword {
		return "revoke it and remove it from the comment (app passwords stopped working on 2026-07-28)"
	}
	return "revoke it and remove it from the comment; write a placeholder (<your-api-token>) in examples"
}

// keyedWord is the cheap gate for the prefix-free kinds in a comment: an
// '=' or ':' followed (after spaces and a quote) by a run of 24 or more
// base64 characters.
func keyedWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '=' && s[i] != ':' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '"' || s[j] == '\'' || s[j] == '`') && j-i < 8 {
			j++
		}
		k := j
		for k < len(s) && (isB64(s[k])) {
			k++
		}
		if k-j >= 24 {
			return true
		}
	}
	return false
}

func isB64(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/'
}

// mayHoldWord is a cheap gate for ScanContext: the value has a run of 24 or
// more base64 characters.
func mayHoldWord(v string) bool {
	n := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/' {
			n++
			if n >= 24 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// atlassianWords mark a name as Atlassian's.
var atlassianWords = []string{"jira", "confluence", "atlassian", "bitbucket", "jpd", "bbdc"}

func atlassianNamed(name string) bool {
	if name == "" {
		return false
	}
	l := strings.ToLower(name)
	for _, w := range atlassianWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// hasContext reports whether the string's context says it holds a
// credential: an Atlassian name, or a flow into an auth sink.
func hasContext(pass *analysis.Pass, sc *model.StringConst, sinks *sinkContext) bool {
	if sinks.exprs[sc.Expr] || atlassianNamed(contextName(sc)) {
		return true
	}
	obj := initialised(pass, sc.Cursor)
	return obj != nil && sinks.objs[obj]
}

// contextName is the Atlassian-flavoured name of the string's context, for
// the environment variable name.
func contextName(sc *model.StringConst) string {
	if n := model.ContextName(sc.Cursor); atlassianNamed(n) {
		return n
	}
	return compositeTypeName(sc.Cursor)
}

// compositeTypeName returns the type name of the composite literal that
// holds the value as a field (JiraConfig{Token: "…"}), or "".
func compositeTypeName(c inspector.Cursor) string {
	p := c.Parent()
	if kv, ok := p.Node().(*ast.KeyValueExpr); ok && kv.Value == c.Node() {
		if cl, ok := p.Parent().Node().(*ast.CompositeLit); ok && cl.Type != nil {
			switch t := cl.Type.(type) {
			case *ast.Ident:
				return t.Name
			case *ast.SelectorExpr:
				return t.Sel.Name
			}
		}
	}
	return ""
}

// initialised returns the constant, variable or struct field that the
// value at c initialises or is assigned to, or nil.
func initialised(pass *analysis.Pass, c inspector.Cursor) types.Object {
	for {
		if _, ok := c.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		c = c.Parent()
	}
	kind, idx := c.ParentEdge()
	var id *ast.Ident
	switch n := c.Parent().Node().(type) {
	case *ast.ValueSpec:
		if kind == edge.ValueSpec_Values && idx < len(n.Names) && len(n.Names) == len(n.Values) {
			id = n.Names[idx]
		}
	case *ast.AssignStmt:
		if kind == edge.AssignStmt_Rhs && idx < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
			switch l := n.Lhs[idx].(type) {
			case *ast.Ident:
				id = l
			case *ast.SelectorExpr:
				id = l.Sel
			}
		}
	case *ast.KeyValueExpr:
		if kind == edge.KeyValueExpr_Value {
			id, _ = n.Key.(*ast.Ident)
		}
	}
	if id == nil {
		return nil
	}
	if obj := pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return pass.TypesInfo.Uses[id]
}

// A sinkContext is what the package sends as credentials: the secret
// expressions of auth sinks, and the constants and variables they use.
type sinkContext struct {
	exprs map[ast.Expr]bool
	objs  map[types.Object]bool
}

func newSinkContext(pass *analysis.Pass, m *model.Result) *sinkContext {
	s := &sinkContext{exprs: map[ast.Expr]bool{}, objs: map[types.Object]bool{}}
	for _, sink := range m.Sinks {
		if sink.Secret == nil {
			continue
		}
		s.exprs[sink.Secret] = true
		s.exprs[ast.Unparen(sink.Secret)] = true
		ast.Inspect(sink.Secret, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				switch obj := pass.TypesInfo.Uses[n].(type) {
				case *types.Const, *types.Var:
					if obj.Pkg() == pass.Pkg {
						s.objs[obj] = true
					}
				}
			}
			return true
		})
	}
	return s
}

// fromNamedConst reports whether the whole token comes from one named
// constant used in the expression: it is reported where the constant's
// literal is written (in its own package).
func fromNamedConst(pass *analysis.Pass, sc *model.StringConst, mt atlassian.Match) bool {
	if sc.Lit() != nil {
		return false
	}
	p := sc.Pos(mt.Start)
	if sc.Pos(mt.End-1) != p {
		return false
	}
	found := false
	ast.Inspect(sc.Expr, func(n ast.Node) bool {
		if found {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || id.Pos() != p {
			return true
		}
		_, found = pass.TypesInfo.Uses[id].(*types.Const)
		return false
	})
	return found
}

func report(pass *analysis.Pass, rep *model.Reporter, sc *model.StringConst, mt atlassian.Match, nmatches int) {
	env := envName(mt.Kind, contextName(sc))
	where := ""
	if sc.File.IsTest() {
		where = " in test code"
	}
	if k := atlassian.KeyBefore(sc.Value, mt.Start); envStyle(k) && atlassianNamed(k) {
		env = k // "JIRA_API_TOKEN=" + os.Getenv("JIRA_API_TOKEN")
	}
	msg := fmt.Sprintf("hard-coded %s %q%s: revoke it and read it from the environment (%s) or a secret manager",
		mt.Kind, atlassian.Redact(mt.Token), where, env)
	if mt.Kind == atlassian.AppPassword {
		msg = fmt.Sprintf("hard-coded %s %q%s: app passwords stopped working on 2026-07-28; revoke it and use a scoped API token, "+
			"sent with the Atlassian account email as the username, read from the environment (%s) or a secret manager",
			mt.Kind, atlassian.Redact(mt.Token), where, env)
	}
	d := analysis.Diagnostic{Pos: sc.Pos(mt.Start), End: sc.End(mt.End), Message: msg}
	if !model.CallAllowed(sc.Cursor) {
		if model.InConstDecl(sc.Cursor) {
			d.Message += "; a constant cannot call os.Getenv: make it a var or read the environment where it is used"
		} else {
			d.Message += "; move it out of the source by hand"
		}
	} else if nmatches == 1 {
		if fix, ok := getenvFix(pass, sc, mt, env); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	rep.Report(ruleID, d)
}

// envStyle reports whether k is written as an environment variable name
// (JIRA_API_TOKEN): upper-case letters, digits and underscores.
func envStyle(k string) bool {
	if k == "" || k[0] < 'A' || k[0] > 'Z' {
		return false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// envName is the environment variable to read a credential from.
func envName(k atlassian.Kind, ctx string) string {
	if k == atlassian.DataCenterPAT {
		l := strings.ToLower(ctx)
		switch {
		case strings.Contains(l, "confluence"):
			return "CONFLUENCE_PAT"
		case strings.Contains(l, "bitbucket"), strings.Contains(l, "bbdc"):
			return "BITBUCKET_DC_TOKEN"
		}
	}
	return k.EnvName()
}

// getenvFix replaces the expression with os.Getenv(env), keeping the text
// around a plainly written token.
func getenvFix(pass *analysis.Pass, sc *model.StringConst, mt atlassian.Match, env string) (analysis.SuggestedFix, bool) {
	file := sc.File
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	v := sc.Value
	whole := mt.Start == 0 && mt.End == len(v)
	if !whole && v[mt.Start:mt.End] != mt.Token {
		return analysis.SuggestedFix{}, false // escaped or encoded: rewrite by hand
	}
	osName, importEdits := osImport(pass, file.File, sc.Expr.Pos())
	call := fmt.Sprintf("Getenv(%q)", env)
	if osName != "" {
		call = osName + "." + call
	}
	repl := call
	if !whole {
		var parts []string
		if mt.Start > 0 {
			parts = append(parts, strconv.Quote(v[:mt.Start]))
		}
		parts = append(parts, call)
		if mt.End < len(v) {
			parts = append(parts, strconv.Quote(v[mt.End:]))
		}
		repl = strings.Join(parts, " + ")
		if needsParens(sc.Cursor) {
			repl = "(" + repl + ")"
		}
	}
	edits := append([]analysis.TextEdit{{Pos: sc.Expr.Pos(), End: sc.Expr.End(), NewText: []byte(repl)}}, importEdits...)
	msg := "Read the token from " + env
	if mt.Kind == atlassian.AppPassword {
		msg = "Read a scoped API token from " + env + " (the username must become the Atlassian account email)"
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
}

// needsParens reports whether a concatenation replacing the expression at c
// must be parenthesised: only where it is indexed or sliced (no operator
// that applies to strings binds tighter than +, and + on strings is
// associative).
func needsParens(c inspector.Cursor) bool {
	switch c.ParentEdgeKind() {
	case edge.IndexExpr_X, edge.SliceExpr_X, edge.SelectorExpr_X, edge.CallExpr_Fun:
		return true
	}
	return false
}

// osImport returns the name to qualify Getenv with at pos in f ("" for a
// dot import), and the edits that add the import when f lacks a usable one.
func osImport(pass *analysis.Pass, f *ast.File, pos token.Pos) (string, []analysis.TextEdit) {
	scope := innermost(pass, f, pos)
	usable := func(name string) bool {
		if scope == nil {
			return true
		}
		_, obj := scope.LookupParent(name, pos)
		if obj == nil {
			return true
		}
		if pn, ok := obj.(*types.PkgName); ok {
			return pn.Imported().Path() == "os"
		}
		return obj.Pkg() != nil && obj.Pkg().Path() == "os" // os.Getenv, dot-imported
	}
	for _, imp := range f.Imports {
		if imp.Path.Value != `"os"` {
			continue
		}
		name := "os"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "_" {
			continue
		}
		if name == "." {
			if usable("Getenv") {
				return "", nil
			}
			continue
		}
		if usable(name) {
			return name, nil
		}
	}
	name := "os"
	for i := 0; !free(pass, scope, f, pos, name); i++ {
		name = "stdos"
		if i > 0 {
			name = fmt.Sprintf("stdos%d", i)
		}
	}
	spec := strconv.Quote("os")
	if name != "os" {
		spec = name + " " + spec
	}
	return name, importEdits(pass, f, spec, "os")
}

// free reports whether name can be declared as a file-level import name of f
// and is not shadowed at pos.
func free(pass *analysis.Pass, scope *types.Scope, f *ast.File, pos token.Pos, name string) bool {
	for _, imp := range f.Imports {
		n := ""
		if imp.Name != nil {
			n = imp.Name.Name
		} else if pn, ok := pass.TypesInfo.Implicits[imp].(*types.PkgName); ok {
			n = pn.Name()
		}
		if n == "" {
			p, _ := strconv.Unquote(imp.Path.Value)
			n = p[strings.LastIndexByte(p, '/')+1:]
		}
		if n == name {
			return false
		}
	}
	if scope != nil {
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			return false
		}
	}
	if pass.Pkg != nil && pass.Pkg.Scope().Lookup(name) != nil {
		return false
	}
	return true
}

func innermost(pass *analysis.Pass, f *ast.File, pos token.Pos) *types.Scope {
	fs := pass.TypesInfo.Scopes[f]
	if fs == nil {
		return nil
	}
	return fs.Innermost(pos)
}

// importEdits add an import spec of path to f, in the file's line endings
// (CRLF files stay CRLF) and in gofmt's sort order: inside the first import
// declaration's group of standard-library paths, before the first path that
// sorts after it; after the last one when none does; as a group of its own
// before the others when the declaration has no standard-library path; or
// as a new declaration after the package clause.
func importEdits(pass *analysis.Pass, f *ast.File, spec, path string) []analysis.TextEdit {
	nl := lineEnding(pass, f)
	tf := pass.Fset.File(f.Package)
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			break
		}
		if g.Lparen.IsValid() {
			return blockImportEdits(tf, g, spec, path, nl)
		}
		if len(g.Specs) == 1 {
			s := g.Specs[0].(*ast.ImportSpec)
			p, _ := strconv.Unquote(s.Path.Value)
			if importLess(p, path) {
				return []analysis.TextEdit{
					{Pos: s.Pos(), End: s.Pos(), NewText: []byte("(" + nl + "\t")},
					{Pos: s.End(), End: s.End(), NewText: []byte(nl + "\t" + spec + nl + ")")},
				}
			}
			return []analysis.TextEdit{
				{Pos: s.Pos(), End: s.Pos(), NewText: []byte("(" + nl + "\t" + spec + nl + "\t")},
				{Pos: s.End(), End: s.End(), NewText: []byte(nl + ")")},
			}
		}
	}
	return []analysis.TextEdit{{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte(nl + nl + "import " + spec)}}
}

// blockImportEdits inserts spec into the parenthesised import declaration g
// as a line of its own.
func blockImportEdits(tf *token.File, g *ast.GenDecl, spec, path, nl string) []analysis.TextEdit {
	line := func(pos token.Pos) int { return tf.Line(pos) }
	// A spec that starts its own line, so that a whole line can go before it.
	ownLine := func(i int) bool {
		return i == 0 && line(g.Specs[i].Pos()) > line(g.Lparen) ||
			i > 0 && line(g.Specs[i].Pos()) > line(g.Specs[i-1].End())
	}
	before := func(s ast.Spec) []analysis.TextEdit {
		pos := s.Pos()
		if is := s.(*ast.ImportSpec); is.Doc != nil {
			pos = is.Doc.Pos() // keep the spec's comment with it
		}
		ls := tf.LineStart(line(pos))
		return []analysis.TextEdit{{Pos: ls, End: ls, NewText: []byte("\t" + spec + nl)}}
	}
	lastStd := -1
	for i, sp := range g.Specs {
		s := sp.(*ast.ImportSpec)
		p, _ := strconv.Unquote(s.Path.Value)
		if !stdPath(p) {
			if lastStd >= 0 {
				break // only the first group of standard-library paths
			}
			continue
		}
		if importLess(path, p) && ownLine(i) {
			return before(s)
		}
		lastStd = i
	}
	if lastStd >= 0 {
		if end := line(g.Specs[lastStd].End()); line(g.Rparen) > end {
			ls := tf.LineStart(end + 1)
			return []analysis.TextEdit{{Pos: ls, End: ls, NewText: []byte("\t" + spec + nl)}}
		}
	} else if len(g.Specs) > 0 && ownLine(0) {
		ls := tf.LineStart(line(g.Specs[0].Pos()))
		return []analysis.TextEdit{{Pos: ls, End: ls, NewText: []byte("\t" + spec + nl + nl)}}
	}
	return []analysis.TextEdit{{Pos: g.Lparen + 1, End: g.Lparen + 1, NewText: []byte(nl + "\t" + spec)}}
}

// stdPath reports whether an import path is in the standard library (its
// first element has no dot), as goimports groups them.
func stdPath(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// importLess is gofmt's order of import paths.
func importLess(a, b string) bool { return a < b }

// lineEnding returns the line ending of f: "\r\n" when its package clause
// line ends so, else "\n".
func lineEnding(pass *analysis.Pass, f *ast.File) string {
	tf := pass.Fset.File(f.Package)
	if tf == nil || pass.ReadFile == nil {
		return "\n"
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return "\n"
	}
	off := tf.Offset(f.Package)
	if off < 0 || off >= len(src) {
		return "\n"
	}
	if i := bytes.IndexByte(src[off:], '\n'); i > 0 && src[off+i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}
