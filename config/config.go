package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/output"
	"github.com/atlint/atlint/rules"
)

// Names are the file names Find looks for, in order.
var Names = []string{".atlint.yml", ".atlint.yaml"}

// A Config is a validated configuration. The zero Config (and a nil
// *Config) means "all defaults".
type Config struct {
	// Path is the file the configuration came from; empty for FromMap.
	Path string
	// Dir is the directory exclude patterns are relative to: the
	// directory of Path, or empty (the working directory) for FromMap.
	Dir string

	// Enable and Disable hold rule IDs (upper case), analyzer names
	// expanded to their rule IDs.
	Enable, Disable []string
	// Severities maps rule IDs to error, warning, note or off.
	Severities map[string]string
	// Exclude holds slash-separated glob patterns (see Excluded).
	Exclude []string

	// CloudIDs maps a site host (mysite.atlassian.net, as the
	// -scopedurl.cloudid flag reads it) to its cloud ID.
	CloudIDs map[string]string
	// TokenScopes are the scopes the project's tokens carry, one scope an
	// entry as the -tokenscopes.token-scopes flag read them: ATL202 reports
	// calls that need others, ATL302 GraphQL operations whose JPD scope is
	// missing.
	TokenScopes []string
	// Now is the date (YYYY-MM-DD or RFC 3339) rules compare deadlines
	// with; empty means today.
	Now string
	// CollectTokens turns on ATL401 (the check for apps that collect
	// users' API tokens); nil leaves it to enable/disable.
	CollectTokens *bool
	// CollectTokensAuto (collect-tokens: auto) turns ATL401 on only in
	// packages that are clearly apps or plugins (-tokencollect.auto).
	CollectTokensAuto bool
	// Options holds the values of the rule options that have no field
	// above (keys a rule package declares, read in their declared form):
	// key → values in the flags' syntax (KEY=VALUE for a mapping entry).
	// "tests" is whether credentials in _test.go files are reported;
	// "read-only-tokens" names where read-only Data Center tokens come
	// from, as the -readonlytoken.source flag takes them.
	Options map[string][]string
}

// Severity values accepted in the file.
var severities = []string{"error", "warning", "note", "off"}

// Find looks for .atlint.yml (or .atlint.yaml) in dir and its parents, up
// to and including the first directory that holds .git (the repository
// root) or the filesystem root. It returns "" and no error when there is
// none. Two config files in one directory are an error.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		var found []string
		for _, name := range Names {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("both %s and %s exist: keep one", found[0], filepath.Base(found[1]))
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates a configuration file.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	f.Close()
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("larger than %d KiB: not a configuration file", MaxSize>>10)}
	}
	c, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	c.Path = path
	c.Dir = filepath.Dir(abs)
	return c, nil
}

// Parse validates the YAML text of a configuration; filename is used in
// error messages only. An empty document is the default configuration.
// Exclude patterns are relative to the working directory until the caller
// sets Dir (Load does).
func Parse(data []byte, filename string) (*Config, error) {
	if len(data) > MaxSize {
		return nil, &Error{File: filename, Msg: fmt.Sprintf("larger than %d KiB: not a configuration file", MaxSize>>10)}
	}
	if line, ok := shallow(data); !ok {
		return nil, &Error{File: filename, Line: line, Msg: fmt.Sprintf("nested more than %d levels deep: not an atlint configuration", MaxDepth)}
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			p := ye.GetToken().Position
			return nil, &Error{File: filename, Line: p.Line, Column: p.Column, Msg: "invalid YAML: " + ye.GetMessage()}
		}
		return nil, &Error{File: filename, Msg: "invalid YAML: " + err.Error()}
	}
	var root *value
	switch len(f.Docs) {
	case 0:
	case 1:
		if f.Docs[0].Body != nil {
			root, err = fromYAML(f.Docs[0].Body, filename)
			if err != nil {
				return nil, err
			}
		}
	default:
		return nil, &Error{File: filename, Line: docLine(f.Docs[1]), Msg: "more than one YAML document: keep one"}
	}
	return build(root, filename)
}

// FromMap validates settings decoded from YAML by another program (the
// golangci-lint plugin's settings): the same keys and checks as the file.
// Errors name the key; there is no line to name.
func FromMap(m map[string]any) (*Config, error) {
	const src = "atlint settings"
	if m == nil {
		return &Config{}, nil
	}
	root, err := fromAny(m, "", src)
	if err != nil {
		return nil, err
	}
	return build(root, src)
}

// MaxSize is the size limit of a configuration file, and MaxDepth the
// limit of its nesting: an atlint configuration is a few kilobytes, three
// levels deep; the YAML parser's memory grows with both, fast.
const (
	MaxSize  = 1 << 20
	MaxDepth = 32
)

// shallow reports whether the YAML text stays within MaxDepth levels of
// nesting, counting flow collections ([ and { outside quotes) and block
// nesting (indentation, and "- " or "? " items opened on one line), and
// otherwise the line where it goes deeper. It is a bound, checked before
// the parser sees the text, not a YAML parser: it may count a level too
// many (a bracket in a plain scalar), never too few.
func shallow(data []byte) (int, bool) {
	flow, line := 0, 1
	var quote byte
	atLineStart, indent, items := true, 0, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\n' {
			line++
			atLineStart, indent, items = true, 0, 0
			continue
		}
		if atLineStart {
			switch {
			case c == ' ':
				indent++
				continue
			case (c == '-' || c == '?' || c == ':') && i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\t'):
				items++
				indent++
				continue
			case c == '\t':
				indent++
				continue
			}
			atLineStart = false
			// A block level takes at least one column of indentation.
			if indent/2+items > MaxDepth*2 || items > MaxDepth {
				return line, false
			}
		}
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && scalarStart(data, i):
			quote = c
		case c == '#' && scalarStart(data, i):
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			flow++
			if flow > MaxDepth {
				return line, false
			}
		case c == ']' || c == '}':
			flow = max(flow-1, 0)
		}
	}
	return 0, true
}

// scalarStart reports whether a scalar (or a comment) may start at data[i]:
// after white space or a flow indicator.
func scalarStart(data []byte, i int) bool {
	if i == 0 {
		return true
	}
	switch data[i-1] {
	case ' ', '\t', '\n', '[', '{', ',', ':':
		return true
	}
	return false
}

// An Error is a configuration error at a place in a file.
type Error struct {
	File         string
	Line, Column int // 0 when unknown
	Key          string
	Msg          string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "%s: ", e.Key)
	}
	b.WriteString(e.Msg)
	// The value or key at fault may be a secret put in the wrong place
	// (read-only-tokens: [<a token>]): never print it whole.
	return output.Scrub(b.String())
}

// value is a decoded YAML node with its position: a scalar, a list or a
// mapping. Both the file (fromYAML) and plugin settings (fromAny) become
// values, so they are validated by the same code.
type value struct {
	line, col int
	kind      kind
	str       string // scalar text
	boolean   *bool  // a YAML boolean
	isString  bool   // the scalar is a string (not a number, bool or null)
	list      []*value
	keys      []*value // mapping keys (scalars), in order
	vals      []*value
}

type kind int

const (
	scalar kind = iota
	list
	mapping
	null
)

func (v *value) describe() string {
	switch v.kind {
	case list:
		return "a list"
	case mapping:
		return "a mapping"
	case null:
		return "empty"
	}
	if v.boolean != nil {
		return "a boolean"
	}
	if !v.isString {
		return "a number"
	}
	return "a string"
}

func fromYAML(n ast.Node, file string) (*value, error) {
	tk := n.GetToken()
	v := &value{}
	if tk != nil {
		v.line, v.col = tk.Position.Line, tk.Position.Column
	}
	switch n := n.(type) {
	case *ast.AnchorNode:
		return fromYAML(n.Value, file)
	case *ast.TagNode:
		return fromYAML(n.Value, file)
	case *ast.AliasNode:
		return nil, &Error{File: file, Line: v.line, Column: v.col, Msg: "YAML aliases are not supported: write the value out"}
	case *ast.NullNode:
		v.kind = null
	case *ast.MappingNode:
		v.kind = mapping
		for _, mv := range n.Values {
			if err := addPair(v, mv, file); err != nil {
				return nil, err
			}
		}
	case *ast.MappingValueNode:
		v.kind = mapping
		if err := addPair(v, n, file); err != nil {
			return nil, err
		}
	case *ast.SequenceNode:
		v.kind = list
		for _, e := range n.Values {
			ev, err := fromYAML(e, file)
			if err != nil {
				return nil, err
			}
			v.list = append(v.list, ev)
		}
	case *ast.BoolNode:
		b := n.Value
		v.boolean = &b
		v.str = strconv.FormatBool(b)
	case *ast.StringNode:
		v.str, v.isString = n.Value, true
	case *ast.LiteralNode:
		v.str, v.isString = n.Value.Value, true
	case ast.ScalarNode:
		// numbers, infinities, NaN
		v.str = fmt.Sprint(n.GetValue())
		if tk != nil {
			v.str = tk.Value
		}
	default:
		return nil, &Error{File: file, Line: v.line, Column: v.col, Msg: fmt.Sprintf("unsupported YAML node %s", n.Type())}
	}
	return v, nil
}

func addPair(m *value, mv *ast.MappingValueNode, file string) error {
	if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
		tk := mv.Key.GetToken()
		return &Error{File: file, Line: tk.Position.Line, Column: tk.Position.Column, Msg: "YAML merge keys (<<) are not supported: write the keys out"}
	}
	k, err := fromYAML(mv.Key, file)
	if err != nil {
		return err
	}
	if k.kind != scalar {
		return &Error{File: file, Line: k.line, Column: k.col, Msg: "a key must be a plain string"}
	}
	val, err := fromYAML(mv.Value, file)
	if err != nil {
		return err
	}
	if val.line == 0 {
		val.line, val.col = k.line, k.col
	}
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, val)
	return nil
}

func docLine(d *ast.DocumentNode) int {
	if d.Start != nil {
		return d.Start.Position.Line
	}
	if d.Body != nil && d.Body.GetToken() != nil {
		return d.Body.GetToken().Position.Line
	}
	return 0
}

// fromAny converts settings decoded by a YAML or JSON library.
func fromAny(x any, key, src string) (*value, error) {
	switch x := x.(type) {
	case nil:
		return &value{kind: null}, nil
	case string:
		return &value{str: x, isString: true}, nil
	case bool:
		return &value{str: strconv.FormatBool(x), boolean: &x}, nil
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return &value{str: fmt.Sprint(x)}, nil
	case float32, float64:
		f, _ := strconv.ParseFloat(fmt.Sprint(x), 64)
		if f == math.Trunc(f) && math.Abs(f) < 1e15 {
			return &value{str: strconv.FormatInt(int64(f), 10)}, nil
		}
		return &value{str: fmt.Sprint(x)}, nil
	case time.Time:
		// YAML decoders turn an unquoted 2026-11-01 into a time.
		s := x.Format(time.RFC3339)
		if x.Equal(time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, x.Location())) {
			s = x.Format(time.DateOnly)
		}
		return &value{str: s, isString: true}, nil
	case []any:
		v := &value{kind: list}
		for i, e := range x {
			ev, err := fromAny(e, fmt.Sprintf("%s[%d]", key, i), src)
			if err != nil {
				return nil, err
			}
			v.list = append(v.list, ev)
		}
		return v, nil
	case []string:
		v := &value{kind: list}
		for _, e := range x {
			v.list = append(v.list, &value{str: e, isString: true})
		}
		return v, nil
	case map[string]any:
		names := make([]string, 0, len(x))
		for k := range x {
			names = append(names, k)
		}
		sort.Strings(names)
		v := &value{kind: mapping}
		for _, k := range names {
			ev, err := fromAny(x[k], joinKey(key, k), src)
			if err != nil {
				return nil, err
			}
			v.keys = append(v.keys, &value{str: k, isString: true})
			v.vals = append(v.vals, ev)
		}
		return v, nil
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			ks := fmt.Sprint(k)
			if _, dup := m[ks]; dup {
				return nil, &Error{File: src, Key: joinKey(key, ks), Msg: "duplicate key"}
			}
			m[ks] = e
		}
		return fromAny(m, key, src)
	case map[string]string:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = e
		}
		return fromAny(m, key, src)
	}
	return nil, &Error{File: src, Key: key, Msg: fmt.Sprintf("unsupported value of type %T", x)}
}

func joinKey(parent, k string) string {
	if parent == "" {
		return k
	}
	return parent + "." + k
}

// builder validates a value tree into a Config, collecting the first error.
type builder struct {
	file    string
	c       *Config
	scratch map[string]*analysis.Analyzer // analyzers whose flags check the options
}

func (b *builder) errorf(v *value, key, format string, args ...any) error {
	e := &Error{File: b.file, Key: key, Msg: fmt.Sprintf(format, args...)}
	if v != nil {
		e.Line, e.Column = v.line, v.col
	}
	return e
}

// topKeys are the keys of the file, with the function that reads each.
var topKeys = map[string]func(b *builder, key string, v *value) error{
	"enable":   func(b *builder, key string, v *value) error { return b.rules(key, v, &b.c.Enable) },
	"disable":  func(b *builder, key string, v *value) error { return b.rules(key, v, &b.c.Disable) },
	"severity": (*builder).severity,
	"exclude":  (*builder).exclude,
	// The rules' options whose value needs more than its declared form
	// (settings.go: formReader reads the others).
	keyCloudIDs:      (*builder).cloudIDs,
	keyTokenScopes:   (*builder).scopes,
	keyNow:           (*builder).now,
	keyCollectTokens: (*builder).collectTokens,
}

func knownKeys() string {
	var ks []string
	for k := range topKeys {
		ks = append(ks, k)
	}
	for _, k := range declaredKeys() {
		if topKeys[k] == nil {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

func build(root *value, file string) (*Config, error) {
	b := &builder{file: file, c: &Config{}}
	if root == nil || root.kind == null {
		return b.c, nil
	}
	if root.kind != mapping {
		return nil, b.errorf(root, "", "the configuration must be a mapping of keys (enable, severity, ...), not %s", root.describe())
	}
	for i, k := range root.keys {
		read, ok := reader(k.str)
		if !ok {
			hint := ""
			if _, ok := reader(kebab(k.str)); ok {
				hint = fmt.Sprintf(" (did you mean %q? keys are kebab-case)", kebab(k.str))
			}
			return nil, b.errorf(k, k.str, "unknown key%s; known keys: %s", hint, knownKeys())
		}
		if err := read(b, k.str, root.vals[i]); err != nil {
			return nil, err
		}
	}
	for _, id := range b.c.Enable {
		for _, d := range b.c.Disable {
			if id == d {
				return nil, b.errorf(nil, "disable", "rule %s is both enabled and disabled: remove it from one list", id)
			}
		}
	}
	return b.c, nil
}

func kebab(s string) string {
	var out []rune
	for i, r := range s {
		switch {
		case r == '_':
			out = append(out, '-')
		case r >= 'A' && r <= 'Z':
			if i > 0 {
				out = append(out, '-')
			}
			out = append(out, r+'a'-'A')
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// strs reads a string or a list of strings.
func (b *builder) strs(key string, v *value) ([]string, []*value, error) {
	switch v.kind {
	case null:
		return nil, nil, nil
	case scalar:
		if !v.isString {
			return nil, nil, b.errorf(v, key, "want a string or a list of strings, got %s", v.describe())
		}
		return []string{v.str}, []*value{v}, nil
	case list:
		var out []string
		for i, e := range v.list {
			if e.kind != scalar || !e.isString {
				return nil, nil, b.errorf(e, fmt.Sprintf("%s[%d]", key, i), "want a string, got %s", e.describe())
			}
			out = append(out, e.str)
		}
		return out, v.list, nil
	}
	return nil, nil, b.errorf(v, key, "want a list of strings, got %s", v.describe())
}

func (b *builder) boolean(key string, v *value, dst **bool) error {
	if v.kind != scalar || v.boolean == nil {
		return b.errorf(v, key, "want true or false, got %s", v.describe())
	}
	x := *v.boolean
	*dst = &x
	return nil
}

// ruleIDs resolves a rule ID or analyzer name (any case) to rule IDs.
func ruleIDs(s string) ([]string, bool) {
	if r, ok := analyzer.RuleByID(s); ok {
		return []string{r.ID}, true
	}
	var ids []string
	for _, r := range analyzer.Catalog() {
		if strings.EqualFold(r.Analyzer, s) {
			ids = append(ids, r.ID)
		}
	}
	return ids, len(ids) > 0
}

func ruleNames() string {
	var ids, analyzers []string
	for _, r := range analyzer.Catalog() {
		ids = append(ids, r.ID)
		if !contains(analyzers, r.Analyzer) {
			analyzers = append(analyzers, r.Analyzer)
		}
	}
	sort.Strings(analyzers)
	return strings.Join(append(ids, analyzers...), ", ")
}

func (b *builder) rules(key string, v *value, dst *[]string) error {
	ss, vs, err := b.strs(key, v)
	if err != nil {
		return err
	}
	for i, s := range ss {
		ids, ok := ruleIDs(strings.TrimSpace(s))
		if !ok {
			return b.errorf(vs[i], key, "unknown rule %q; rules are %s", s, ruleNames())
		}
		for _, id := range ids {
			if !contains(*dst, id) {
				*dst = append(*dst, id)
			}
		}
	}
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func (b *builder) severity(key string, v *value) error {
	if v.kind == null {
		return nil
	}
	if v.kind != mapping {
		return b.errorf(v, key, "want a mapping of rule to severity (ATL302: error), got %s", v.describe())
	}
	b.c.Severities = map[string]string{}
	for i, k := range v.keys {
		sub := key + "." + k.str
		ids, ok := ruleIDs(k.str)
		if !ok {
			return b.errorf(k, sub, "unknown rule %q; rules are %s", k.str, ruleNames())
		}
		sv := v.vals[i]
		var s string
		switch {
		case sv.kind == scalar && sv.boolean != nil && !*sv.boolean:
			s = "off" // YAML 1.1 readers turn an unquoted off into false
		case sv.kind == scalar && sv.isString:
			s = strings.ToLower(sv.str)
		default:
			return b.errorf(sv, sub, "want one of %s, got %s", strings.Join(severities, ", "), sv.describe())
		}
		if !contains(severities, s) {
			return b.errorf(sv, sub, "unknown severity %q: want one of %s", sv.str, strings.Join(severities, ", "))
		}
		for _, id := range ids {
			b.c.Severities[id] = s
		}
	}
	return nil
}

func (b *builder) exclude(key string, v *value) error {
	ss, vs, err := b.strs(key, v)
	if err != nil {
		return err
	}
	for i, s := range ss {
		p, err := cleanPattern(s)
		if err != nil {
			return b.errorf(vs[i], key, "bad pattern %q: %v", s, err)
		}
		b.c.Exclude = append(b.c.Exclude, p)
	}
	return nil
}

// The rule options are checked by the rules' own flags, never by a copy of
// their patterns here: each value goes to the flag it becomes (Settings)
// of a scratch analyzer, and the flag's error becomes a configuration
// error at the value's place. What a vet flag accepts, the file accepts.

// flag returns the named flag of a scratch analyzer: one suite for the
// whole file, built on first need.
func (b *builder) flag(analyzerName, name string) (*flag.Flag, error) {
	if b.scratch == nil {
		b.scratch = map[string]*analysis.Analyzer{}
		for _, a := range newSuite() {
			b.scratch[a.Name] = a
		}
	}
	if a := b.scratch[analyzerName]; a != nil {
		if f := a.Flags.Lookup(name); f != nil {
			return f, nil
		}
	}
	return nil, fmt.Errorf("internal error: no flag -%s.%s", analyzerName, name)
}

// set passes s to the flags key sets (settings: the options the rule
// packages declare for it) as -analyzer.flag=s would; the first flag
// error is reported at v under key.
func (b *builder) set(v *value, key, s string) error {
	for _, st := range settings(key, s) {
		f, err := b.flag(st.Analyzer, st.Flag)
		if err == nil {
			err = f.Value.Set(st.Value)
		}
		if err != nil {
			return b.errorf(v, key, "%v", err)
		}
	}
	return nil
}

// fresh returns the flag the option of key without Only or Word sets, of
// a new analyzer: what that one flag makes of a value.
func fresh(key string) (*flag.Flag, error) {
	for _, o := range optionsOf(key) {
		if o.Only != nil || o.Word != "" {
			continue
		}
		for _, p := range rules.All {
			if p.Spec.Analyzer == o.analyzer {
				if f := p.New().Flags.Lookup(o.Flag); f != nil {
					return f, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("internal error: no rule declares a flag for %s", key)
}

func (b *builder) cloudIDs(key string, v *value) error {
	if v.kind == null {
		return nil
	}
	if v.kind != mapping {
		return b.errorf(v, key, "want a mapping of site to cloud ID (mysite: <uuid>), got %s", v.describe())
	}
	b.c.CloudIDs = map[string]string{}
	for i, k := range v.keys {
		sub := key + "." + k.str
		id := v.vals[i]
		if id.kind != scalar {
			return b.errorf(id, sub, "want a cloud ID (a UUID), got %s", id.describe())
		}
		// The scopedurl flag checks the pair; a flag of its own (the flag
		// adds to a map) reads back the one site it was given.
		f, err := fresh(key)
		if err != nil {
			return b.errorf(k, sub, "%v", err)
		}
		if err := f.Value.Set(k.str + "=" + id.str); err != nil {
			// The flag judges site and ID together: point at the ID
			// when the site alone passes.
			at := k
			if f.Value.Set(k.str+"="+anyCloudID) == nil {
				at = id
			}
			return b.errorf(at, sub, "%v", err)
		}
		// The flag's value is its canonical SITE=UUID list.
		for _, pair := range strings.Split(f.Value.String(), ",") {
			host, uuid, _ := strings.Cut(pair, "=")
			if _, dup := b.c.CloudIDs[host]; dup {
				return b.errorf(k, sub, "site %s is given twice", host)
			}
			b.c.CloudIDs[host] = uuid
		}
	}
	return nil
}

// anyCloudID is a well-formed cloud ID, to ask the cloud ID flag about a
// site alone.
const anyCloudID = "00000000-0000-0000-0000-000000000000"

func (b *builder) scopes(key string, v *value) error {
	ss, vs, err := b.strs(key, v)
	if err != nil {
		return err
	}
	for i, s := range ss {
		// tokenscopes takes every scope, jpdgraphql the JPD ones
		// (Settings).
		if err := b.set(vs[i], key, s); err != nil {
			return err
		}
		f, err := fresh(key)
		if err != nil {
			return b.errorf(vs[i], key, "%v", err)
		}
		if err := f.Value.Set(s); err != nil {
			return b.errorf(vs[i], key, "%v", err)
		}
		for _, x := range strings.Split(f.Value.String(), ",") {
			if x != "" && !contains(b.c.TokenScopes, x) {
				b.c.TokenScopes = append(b.c.TokenScopes, x)
			}
		}
	}
	return nil
}

func (b *builder) now(key string, v *value) error {
	if v.kind != scalar || v.boolean != nil {
		return b.errorf(v, key, "want a date (2026-11-01), got %s", v.describe())
	}
	if err := b.set(v, key, v.str); err != nil {
		return err
	}
	b.c.Now = v.str
	return nil
}

func (b *builder) collectTokens(key string, v *value) error {
	if v.kind == scalar && v.isString && v.str == "auto" {
		b.c.CollectTokensAuto = true
		return b.set(v, key, "auto")
	}
	if v.kind != scalar || v.boolean == nil {
		return b.errorf(v, key, "want true, false or auto, got %s", v.describe())
	}
	if err := b.boolean(key, v, &b.c.CollectTokens); err != nil {
		return err
	}
	return b.set(v, key, strconv.FormatBool(*b.c.CollectTokens))
}
