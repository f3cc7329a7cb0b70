package tokencollect

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atlint/atlint/analyzer/model"
)

// Analyzer is the package-level analyzer (reports nothing unless its
// -tokencollect.enable flag is set).
var Analyzer = New()

type options struct {
	enable bool // report in every package
	auto   bool // report in packages that are clearly apps or plugins
}

// New returns a fresh analyzer with its own flags.
func New() *analysis.Analyzer {
	opts := &options{}
	a := Spec.NewAnalyzer(func(pass *analysis.Pass) (any, error) { return run(pass, opts) })
	a.Flags.BoolVar(&opts.enable, "enable", false, "report findings (off by default: enable it for apps that act for other users)")
	a.Flags.BoolVar(&opts.auto, "auto", false, "report findings only in packages that are clearly apps or plugins (Mattermost plugins, HTTP servers that store data), when -enable is off")
	return a
}

// Taint flags.
const (
	fReq     uint = 1 << iota // from the incoming request
	fToken                    // named as an Atlassian API token or app password
	fGeneric                  // named "api_token"/"app_password" without product context
	fEnv                      // from the environment or a keyring
	fAtl                      // an Atlassian URL or host
)

type checker struct {
	pass      *analysis.Pass
	rep       *model.Reporter
	m         *model.Result
	pkgAtl    bool // the package uses an Atlassian client library or URL
	reqParams map[types.Object]bool
	structs   map[*types.Struct]*structInfo
	reported  map[*types.TypeName]bool
	settings  map[*types.TypeName]bool // loaded with LoadPluginConfiguration
	manifest  *manifest                // plugin.json of a Mattermost plugin, or nil
}

type structInfo struct {
	name       string
	ctx        bool            // names an Atlassian product
	persisted  bool            // db tags or gorm.Model
	tokenField map[string]bool // field names, promoted ones included
	first      *types.Var      // first token field, or the embedded field that holds it
	via        string          // the promoted token field's name when first is embedded
}

func run(pass *analysis.Pass, opts *options) (any, error) {
	rep := model.NewReporter(pass, Spec)
	if !opts.enable && !opts.auto {
		return rep.Off(), nil
	}
	c := &checker{
		pass:      pass,
		rep:       rep,
		m:         rep.Model,
		reqParams: map[types.Object]bool{},
		structs:   map[*types.Struct]*structInfo{},
		reported:  map[*types.TypeName]bool{},
		settings:  map[*types.TypeName]bool{},
	}
	c.manifest = readManifest(pass)
	if !opts.enable && !c.isApp() {
		return rep.Off(), nil
	}
	c.pkgAtl = c.m.Imports(model.ModGoJira, model.ModGoAtlassian)
	if !c.pkgAtl {
		for _, s := range c.m.Strings {
			if atlassianString(s.Value) {
				c.pkgAtl = true
				break
			}
		}
	}
	c.pluginSettings()
	persistedTypes := map[*types.TypeName]ast.Node{}
	for fc := range c.m.Inspector.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := fc.Node().(*ast.FuncDecl)
		if fd.Body == nil || c.m.FileOf(fd.Pos()).IsTest() {
			continue
		}
		c.function(fc, persistedTypes)
	}
	c.types(persistedTypes)
	return rep.Result(), nil
}

// function checks one function declaration (with its function literals).
func (c *checker) function(fc inspector.Cursor, persisted map[*types.TypeName]ast.Node) {
	info := c.pass.TypesInfo
	// Cheap gate: does the body hold a sink at all?
	type sinkCall struct {
		call    *ast.CallExpr
		args    []ast.Expr
		what    string
		generic bool
	}
	var sinks []sinkCall
	for n := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := n.Node().(*ast.CallExpr)
		if args, what, generic := c.storageSink(call); what != "" {
			sinks = append(sinks, sinkCall{call, args, what, generic})
		}
	}
	var auth []*model.AuthSink
	fd := fc.Node()
	for _, s := range c.m.Sinks {
		if s.Node.Pos() >= fd.Pos() && s.Node.End() <= fd.End() && s.Secret != nil {
			auth = append(auth, s)
		}
	}
	if len(sinks) == 0 && len(auth) == 0 {
		return
	}
	// Incoming requests: *http.Request parameters, web framework contexts
	// and API inputs with a body.
	handler := false
	for n := range fc.Preorder((*ast.FuncType)(nil)) {
		ft := n.Node().(*ast.FuncType)
		if ft.Params == nil {
			continue
		}
		for _, fld := range ft.Params.List {
			for _, name := range fld.Names {
				if obj := info.Defs[name]; obj != nil && requestLike(obj.Type()) {
					c.reqParams[obj] = true
					handler = true
				}
			}
		}
	}
	flow := model.NewFlow(info, fc, model.FlowSpec{Source: c.source, Through: c.through, Into: c.into})

	for _, s := range sinks {
		for _, a := range s.args {
			t := flow.Of(a)
			// A generic data-access layer (dal.Create, a repository's Save)
			// persists a type only from a handler or a request value: a
			// CLI saving its own configuration is not the policy's target.
			if tn := c.persistedType(a); tn != nil && (!s.generic || handler || t != nil && t.Flags&fReq != 0) {
				if _, ok := persisted[tn]; !ok {
					persisted[tn] = s.call
				}
			}
			if t == nil || t.Flags&fEnv != 0 {
				continue
			}
			token := t.Flags&fToken != 0 || (t.Flags&fGeneric != 0 && c.pkgAtl)
			if !token && t.Flags&fReq != 0 && c.holdsTokenField(info.TypeOf(a)) {
				token = true
			}
			if !token {
				continue
			}
			c.rep.Report("ATL401", analysis.Diagnostic{
				Pos: a.Pos(), End: a.End(),
				Message: fmt.Sprintf("Atlassian API token from %s is stored with %s: apps must not collect or store users' API tokens; use OAuth 2.0 (3LO) or Forge", t.What, s.what),
			})
			break
		}
	}
	for _, s := range auth {
		t := flow.Of(s.Secret)
		if t == nil || t.Flags&fEnv != 0 || t.Flags&(fReq|fToken|fGeneric) == 0 {
			continue
		}
		if t.Flags&fToken == 0 && s.Library == "net/http" {
			// A request value or generic name: only toward an Atlassian URL.
			tt := flow.Of(s.Target)
			if tt == nil || tt.Flags&fAtl == 0 {
				continue
			}
		}
		c.rep.Report("ATL401", analysis.Diagnostic{
			Pos: s.Secret.Pos(), End: s.Secret.End(),
			Message: fmt.Sprintf("Atlassian API token from %s is used for %s auth: apps must not ask users for their API tokens; use OAuth 2.0 (3LO) or Forge", t.What, s.Scheme+kindSuffix(s)),
		})
	}
}

func kindSuffix(s *model.AuthSink) string {
	if s.Scheme == "" {
		return "Authorization header"
	}
	return ""
}

// source is the rule's taint source.
func (c *checker) source(f *model.Flow, e ast.Expr) *model.Taint {
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.Ident:
		obj := info.Uses[x]
		if obj != nil && c.reqParams[obj] {
			return &model.Taint{Flags: fReq, What: "the request", Pos: x.Pos()}
		}
		if tv, ok := info.Types[x]; ok && tv.Value != nil {
			return c.constSource(tv)
		}
		if obj != nil && productName(x.Name) && urlName(x.Name) {
			return &model.Taint{Flags: fAtl, What: x.Name, Pos: x.Pos()}
		}
	case *ast.BasicLit:
		if tv, ok := info.Types[x]; ok {
			return c.constSource(tv)
		}
	case *ast.SelectorExpr:
		if tv, ok := info.Types[x]; ok && tv.Value != nil {
			return c.constSource(tv)
		}
		sel := info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return nil
		}
		fv, _ := sel.Obj().(*types.Var)
		if fv == nil {
			return nil
		}
		if productName(fv.Name()) && urlName(fv.Name()) {
			return &model.Taint{Flags: fAtl, What: fv.Name(), Pos: x.Pos()}
		}
		if !c.isTokenField(sel) {
			return nil
		}
		if st := f.Stored(x); st != nil && st.Flags&fEnv != 0 {
			return st // set from the environment in this function
		}
		base := f.Of(x.X)
		flags := fToken
		what := "field " + c.ownerName(sel) + "." + fv.Name()
		if base != nil && base.Flags&fReq != 0 {
			flags |= fReq
			what = "request field " + c.ownerName(sel) + "." + fv.Name()
		}
		return &model.Taint{Flags: flags, What: what, Pos: x.Pos()}
	case *ast.IndexExpr:
		key := constString(info, x.Index)
		if key == "" {
			return nil
		}
		if base := f.Of(x.X); base != nil && base.Flags&fReq != 0 {
			if fl := keyFlags(key); fl != 0 {
				return &model.Taint{Flags: fReq | fl, What: "request value " + strconv.Quote(key), Pos: x.Pos()}
			}
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return nil
		}
		p := fn.Pkg().Path()
		if (p == "os" && (fn.Name() == "Getenv" || fn.Name() == "LookupEnv")) || strings.Contains(p, "keyring") {
			return &model.Taint{Flags: fEnv, What: "the environment", Pos: x.Pos()}
		}
		// json.Marshal(conn) of a request value with a token field: the
		// bytes hold the token (p.API.KVSet(key, data)).
		if p == "encoding/json" && (fn.Name() == "Marshal" || fn.Name() == "MarshalIndent") && len(x.Args) > 0 &&
			c.holdsTokenField(info.TypeOf(x.Args[0])) {
			if t := f.Of(x.Args[0]); t != nil && t.Flags&fReq != 0 && t.Flags&fEnv == 0 {
				return &model.Taint{Flags: t.Flags | fToken, What: t.What, Pos: x.Pos()}
			}
		}
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if !ok || info.Selections[sel] == nil {
			return nil
		}
		base := f.Of(sel.X)
		if base == nil || base.Flags&fReq == 0 {
			return nil
		}
		for _, a := range x.Args {
			if key := constString(info, a); key != "" {
				if fl := keyFlags(key); fl != 0 {
					return &model.Taint{Flags: fReq | fl, What: "request value " + strconv.Quote(key), Pos: x.Pos()}
				}
			}
		}
		if p == "net/http" && fn.Name() == "BasicAuth" {
			return &model.Taint{Flags: fReq, What: "the request's Basic auth", Pos: x.Pos()}
		}
	}
	return nil
}

func (c *checker) constSource(tv types.TypeAndValue) *model.Taint {
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	if atlassianString(constant.StringVal(tv.Value)) {
		return &model.Taint{Flags: fAtl, What: "an Atlassian URL"}
	}
	return nil
}

// through: methods of request-derived values in net/http, net/url and
// mime/multipart carry their taint (r.URL.Query().Get, r.Header.Get);
// http.NewRequest carries its URL's.
func (c *checker) through(f *model.Flow, call *ast.CallExpr, fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "net/http":
		return model.RecvName(fn) != "" || fn.Name() == "NewRequest" || fn.Name() == "NewRequestWithContext"
	case "net/url", "mime/multipart":
		return true
	case "encoding/json":
		return fn.Name() == "Marshal" || fn.Name() == "MarshalIndent" // stored as bytes: p.API.KVSet(k, data)
	}
	return false
}

// into: r.ParseForm and friends need nothing; gin-style binders are out of
// scope. Decoders are built into the flow.
func (c *checker) into(f *model.Flow, call *ast.CallExpr, fn *types.Func) ([]ast.Expr, ast.Expr) {
	if fn == nil {
		return nil, nil
	}
	switch fn.Name() {
	case "Decode", "WeakDecode", "DecodeMapStruct", "DecodeStruct":
		// mapstructure.Decode(input, &out), api.Decode(input.Body, &conn, v)
		if model.RecvName(fn) == "" && len(call.Args) >= 2 && isPointer(c.pass.TypesInfo.TypeOf(call.Args[1])) {
			return call.Args[1:2], call.Args[0]
		}
	case "Bind", "BindJSON", "ShouldBind", "ShouldBindJSON", "ShouldBindWith", "BindWith", "BodyParser", "ShouldBindBodyWith":
		// gin, echo, fiber: c.ShouldBindJSON(&conn) fills conn from the request c.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) >= 1 {
			return call.Args[:1], sel.X
		}
	}
	return nil, nil
}

func isPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// requestLike reports whether a parameter of type t carries an incoming
// request: *http.Request, a web framework's context (gin, echo, fiber), or
// an API input, a pointer to a struct with a Body field or an
// *http.Request field (func(input *plugin.ApiResourceInput)).
func requestLike(t types.Type) bool {
	if isNamedPtr(t, "net/http", "Request") {
		return true
	}
	n, ok := types.Unalias(derefType(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	p, name := n.Obj().Pkg().Path(), n.Obj().Name()
	switch {
	case model.PathWithin(p, "github.com/gin-gonic/gin") && name == "Context",
		model.PathWithin(p, "github.com/labstack/echo") && name == "Context",
		model.PathWithin(p, "github.com/gofiber/fiber") && name == "Ctx":
		return true
	}
	if _, ptr := t.(*types.Pointer); !ptr {
		return false
	}
	if p == "net/http" {
		return false // *http.Response has a Body too, but no caller's input
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		fv := st.Field(i)
		if fv.Name() == "Body" && bodyType(fv.Type()) || isNamedPtr(fv.Type(), "net/http", "Request") {
			return true
		}
	}
	return false
}

// bodyType: a decoded or raw request body (a map, bytes, a reader, any).
func bodyType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Map:
		return true
	case *types.Interface:
		return u.Empty() || isNamed(t, "io", "Reader") || isNamed(t, "io", "ReadCloser")
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// storageSink returns the arguments of call that it stores, a description
// of the sink ("" when call is no storage sink), and whether the sink is a
// generic data-access layer recognised by its names (dal.Create, a
// repository's Save).
func (c *checker) storageSink(call *ast.CallExpr) ([]ast.Expr, string, bool) {
	args, what := c.knownSink(call)
	if what != "" {
		return args, what, false
	}
	args, what = c.genericSink(call)
	return args, what, what != ""
}

// knownSink matches the storage calls of known libraries.
func (c *checker) knownSink(call *ast.CallExpr) ([]ast.Expr, string) {
	info := c.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil, ""
	}
	if args, what := kvSink(call, fn); what != "" {
		return args, what
	}
	p, recv, name := fn.Pkg().Path(), model.RecvName(fn), fn.Name()
	switch {
	case p == "database/sql" && (recv == "DB" || recv == "Tx" || recv == "Conn" || recv == "Stmt"):
		switch name {
		case "Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext":
			return call.Args, "database/sql " + name
		}
	case (model.PathWithin(p, "gorm.io/gorm") || model.PathWithin(p, "github.com/jinzhu/gorm")) && recv == "DB":
		switch name {
		case "Create", "CreateInBatches", "Save", "Updates", "Update", "FirstOrCreate", "Exec":
			return call.Args, "gorm " + name
		}
	case model.PathWithin(p, "github.com/redis/go-redis") || model.PathWithin(p, "github.com/go-redis/redis"):
		switch name {
		case "Set", "SetNX", "SetEx", "SetXX", "SetArgs", "GetSet", "HSet", "HSetNX", "HMSet", "MSet", "MSetNX":
			return call.Args, "redis " + name
		}
	case p == "os" && recv == "" && name == "WriteFile" && len(call.Args) == 3:
		return call.Args[1:2], "os.WriteFile"
	case p == "os" && recv == "File" && (name == "Write" || name == "WriteString" || name == "WriteAt"):
		return call.Args[:1], "a file write"
	case p == "io" && name == "WriteString" && len(call.Args) == 2 && c.isFile(call.Args[0]):
		return call.Args[1:], "a file write"
	case p == "fmt" && strings.HasPrefix(name, "Fprint") && len(call.Args) > 1 && c.isFile(call.Args[0]):
		return call.Args[1:], "a file write"
	case p == "encoding/json" && recv == "Encoder" && name == "Encode":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if nc, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && len(nc.Args) == 1 && c.isFile(nc.Args[0]) {
				return call.Args, "a file write"
			}
		}
	case p == "net/http" && recv == "" && name == "SetCookie" && len(call.Args) == 2:
		return call.Args[1:], "a cookie"
	}
	return nil, ""
}

// kvSink matches the key-value store of a Mattermost plugin:
// KVSet(key string, value []byte, ...) and its variants on plugin.API or on
// a plugin's own interface with the same methods.
func kvSink(call *ast.CallExpr, fn *types.Func) ([]ast.Expr, string) {
	switch fn.Name() {
	case "KVSet", "KVSetWithExpiry", "KVSetWithOptions", "KVCompareAndSet":
	default:
		return nil, ""
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || sig.Params().Len() < 2 || len(call.Args) < 2 {
		return nil, ""
	}
	if b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return nil, ""
	}
	last := len(call.Args) - 1
	if fn.Name() != "KVCompareAndSet" {
		last = 1
	}
	if !isStringish(sig.Params().At(min(last, sig.Params().Len()-1)).Type()) {
		return nil, ""
	}
	return call.Args[last : last+1], "the plugin key-value store (" + fn.Name() + ")"
}

// dataWords end the name of a data-access layer: its type or its package.
var dataWords = []string{"dal", "dao", "db", "store", "storage", "datastore", "repo", "repository", "database", "persistence", "dataaccess", "dataaccesslayer"}

// genericSink matches a generic data-access layer: a method named Create,
// Save, Insert, Update, Upsert, CreateOrUpdate, Store or Put whose receiver
// type or package is named like one (dal.Dal, ConnectionRepository,
// store.Store).
func (c *checker) genericSink(call *ast.CallExpr) ([]ast.Expr, string) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, ""
	}
	switch sel.Sel.Name {
	case "Create", "Save", "Insert", "Update", "Upsert", "CreateOrUpdate", "Store", "Put":
	default:
		return nil, ""
	}
	s := c.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil, ""
	}
	n, ok := types.Unalias(derefType(s.Recv())).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil, ""
	}
	pkg := n.Obj().Pkg()
	if dataName(n.Obj().Name()) || dataName(pkg.Name()) {
		return call.Args, pkg.Name() + "." + n.Obj().Name() + " " + sel.Sel.Name
	}
	return nil, ""
}

func dataName(s string) bool {
	n := norm(s)
	for _, w := range dataWords {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

func (c *checker) isFile(e ast.Expr) bool {
	return isNamedPtr(c.pass.TypesInfo.TypeOf(e), "os", "File")
}

func isNamedPtr(t types.Type, pkg, name string) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// persistedType returns the named struct type declared in this package
// that a storage sink receives, when it has a token field.
func (c *checker) persistedType(e ast.Expr) *types.TypeName {
	t := c.pass.TypesInfo.TypeOf(e)
	for {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
			continue
		}
		if s, ok := t.(*types.Slice); ok {
			t = s.Elem()
			continue
		}
		break
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != c.pass.Pkg {
		return nil
	}
	if st, ok := n.Underlying().(*types.Struct); ok && c.structOf(st, n.Obj().Name()).first != nil {
		return n.Obj()
	}
	return nil
}

func (c *checker) holdsTokenField(t types.Type) bool {
	for {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
			continue
		}
		break
	}
	if t == nil {
		return false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	name := ""
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name = n.Obj().Name()
	}
	return c.structOf(st, name).first != nil
}

// types reports struct types declared in the package that persist a token
// field: db tags, gorm.Model, or handed to a storage sink.
func (c *checker) types(fromSinks map[*types.TypeName]ast.Node) {
	info := c.pass.TypesInfo
	for n := range c.m.Inspector.Root().Preorder((*ast.TypeSpec)(nil)) {
		ts := n.Node().(*ast.TypeSpec)
		if c.m.FileOf(ts.Pos()).IsTest() {
			continue
		}
		tn, _ := info.Defs[ts.Name].(*types.TypeName)
		if tn == nil || c.reported[tn] {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		si := c.structOf(st, tn.Name())
		if si.first == nil {
			continue
		}
		_, sunk := fromSinks[tn]
		if c.settings[tn] {
			if c.reportSetting(tn, si) {
				continue
			}
		}
		if !si.persisted && !sunk {
			continue
		}
		c.reported[tn] = true
		field := si.first.Name()
		if si.via != "" {
			field = si.via + " (embedded " + si.first.Name() + ")"
		}
		c.rep.Report("ATL401", analysis.Diagnostic{
			Pos: si.first.Pos(), End: si.first.Pos() + token.Pos(len(si.first.Name())),
			Message: fmt.Sprintf("struct %s persists an Atlassian API token in field %s: apps must not store users' API tokens; use OAuth 2.0 (3LO) or Forge", tn.Name(), field),
		})
	}
}

func (c *checker) ownerName(sel *types.Selection) string {
	if len(sel.Index()) > 1 {
		if n, ok := types.Unalias(derefType(sel.Recv())).(*types.Named); ok {
			return n.Obj().Name() // a promoted field: JiraConn.Password
		}
	}
	if _, name := c.owner(sel); name != "" {
		return name
	}
	return "struct"
}

// owner returns the struct that declares the selected field, and its type
// name ("" when anonymous).
func (c *checker) owner(sel *types.Selection) (*types.Struct, string) {
	t := sel.Recv()
	idx := sel.Index()
	for i := 0; i < len(idx)-1; i++ {
		st := structUnder(t)
		if st == nil || idx[i] >= st.NumFields() {
			return nil, ""
		}
		t = st.Field(idx[i]).Type()
	}
	st := structUnder(t)
	if st == nil {
		return nil, ""
	}
	if n, ok := types.Unalias(derefType(t)).(*types.Named); ok {
		return st, n.Obj().Name()
	}
	return st, ""
}

func structUnder(t types.Type) *types.Struct {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// isTokenField reports whether the selected field is a token field of
// the struct that declares it.
func (c *checker) isTokenField(sel *types.Selection) bool {
	st, name := c.owner(sel)
	if st == nil {
		return false
	}
	if c.structOf(st, name).tokenField[sel.Obj().Name()] {
		return true
	}
	// A field promoted from an embedded generic struct (BasicAuth,
	// AccessToken) into a type that names a product (JiraConn).
	idx := sel.Index()
	if len(idx) < 2 {
		return false
	}
	if rs := structUnder(sel.Recv()); rs != nil {
		if n, ok := types.Unalias(derefType(sel.Recv())).(*types.Named); ok {
			return c.structOf(rs, n.Obj().Name()).tokenField[sel.Obj().Name()]
		}
	}
	return false
}

// structOf classifies the fields of st (named name, "" if anonymous).
func (c *checker) structOf(st *types.Struct, name string) *structInfo {
	if si := c.structs[st]; si != nil {
		return si
	}
	si := &structInfo{name: name, tokenField: map[string]bool{}}
	c.structs[st] = si
	si.ctx = productName(name)
	type cand struct {
		v     *types.Var
		names []string
	}
	var cands []cand
	for i := 0; i < st.NumFields(); i++ {
		fv := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		names := append([]string{fv.Name()}, tagNames(tag)...)
		for _, k := range []string{"db", "gorm", "bson", "sql", "pg", "bun"} {
			if _, ok := tag.Lookup(k); ok {
				si.persisted = true
			}
		}
		if fv.Embedded() {
			if n, ok := types.Unalias(derefType(fv.Type())).(*types.Named); ok && n.Obj().Pkg() != nil &&
				(model.PathWithin(n.Obj().Pkg().Path(), "gorm.io/gorm") || model.PathWithin(n.Obj().Pkg().Path(), "github.com/jinzhu/gorm")) && n.Obj().Name() == "Model" {
				si.persisted = true
			}
		}
		for _, nm := range names {
			if productName(nm) {
				si.ctx = true
			}
		}
		_, env1 := tag.Lookup("env")
		_, env2 := tag.Lookup("envconfig")
		if env1 || env2 || !isStringish(fv.Type()) {
			continue
		}
		cands = append(cands, cand{fv, names})
	}
	for _, cd := range cands {
		tok := false
		for _, nm := range cd.names {
			if credName(nm, si.ctx) {
				tok = true
			}
		}
		if tok {
			si.tokenField[cd.v.Name()] = true
			if si.first == nil {
				si.first = cd.v
			}
		}
	}
	// Embedded structs: their fields are promoted, and read in this
	// struct's context (a Password in BasicAuth embedded in JiraConn).
	for i := 0; i < st.NumFields(); i++ {
		fv := st.Field(i)
		if !fv.Embedded() {
			continue
		}
		es := structUnder(fv.Type())
		if es == nil || es == st {
			continue
		}
		names, persisted := c.promoted(es, si.ctx || productName(fv.Name()), 1)
		if persisted {
			si.persisted = true
		}
		for _, nm := range names {
			if _, own := si.tokenField[nm]; own {
				continue
			}
			si.tokenField[nm] = true
			if si.first == nil {
				si.first, si.via = fv, nm
			}
		}
	}
	return si
}

// persistedStruct reports whether st's own fields say it is persisted: db,
// gorm, bson, sql, pg or bun tags, or an embedded gorm.Model. (structOf
// caches by struct with the type's name, so promoted does not call it for
// an embedded struct: its context is the embedding type's.)
func persistedStruct(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		tag := reflect.StructTag(st.Tag(i))
		for _, k := range []string{"db", "gorm", "bson", "sql", "pg", "bun"} {
			if _, ok := tag.Lookup(k); ok {
				return true
			}
		}
		if fv := st.Field(i); fv.Embedded() {
			if n, ok := types.Unalias(derefType(fv.Type())).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Name() == "Model" &&
				(model.PathWithin(n.Obj().Pkg().Path(), "gorm.io/gorm") || model.PathWithin(n.Obj().Pkg().Path(), "github.com/jinzhu/gorm")) {
				return true
			}
		}
	}
	return false
}

// maxEmbed bounds how deep embedded structs are followed.
const maxEmbed = 4

// promoted returns the token fields of the embedded struct st read in
// context ctx (its own and those of the structs it embeds), and whether st
// or a struct it embeds is persisted (db tags, gorm.Model).
func (c *checker) promoted(st *types.Struct, ctx bool, depth int) ([]string, bool) {
	if depth > maxEmbed {
		return nil, false
	}
	persisted := persistedStruct(st)
	var names []string
	for i := 0; i < st.NumFields(); i++ {
		fv := st.Field(i)
		if fv.Embedded() {
			if es := structUnder(fv.Type()); es != nil && es != st {
				sub, p := c.promoted(es, ctx || productName(fv.Name()), depth+1)
				names = append(names, sub...)
				persisted = persisted || p
			}
			continue
		}
		tag := reflect.StructTag(st.Tag(i))
		_, env1 := tag.Lookup("env")
		_, env2 := tag.Lookup("envconfig")
		if env1 || env2 || !isStringish(fv.Type()) {
			continue
		}
		for _, nm := range append([]string{fv.Name()}, tagNames(tag)...) {
			if credName(nm, ctx) {
				names = append(names, fv.Name())
				break
			}
		}
	}
	return names, persisted
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isStringish reports whether t holds a string: a string or []byte, or a
// wrapper whose first field is one (sql.NullString), at most a few
// wrappers deep, so that a struct beginning with a pointer to itself (a
// linked list) ends the search.
func isStringish(t types.Type) bool {
	for range 4 {
		switch u := derefType(t).Underlying().(type) {
		case *types.Basic:
			return u.Info()&types.IsString != 0
		case *types.Slice:
			b, ok := u.Elem().Underlying().(*types.Basic)
			return ok && b.Kind() == types.Byte
		case *types.Struct:
			if u.NumFields() == 0 {
				return false
			}
			t = u.Field(0).Type()
		default:
			return false
		}
	}
	return false
}

// tagNames returns the names a struct tag gives a field.
func tagNames(tag reflect.StructTag) []string {
	var out []string
	for _, k := range []string{"json", "db", "yaml", "toml", "form", "mapstructure", "bson", "query", "schema", "xml", "ini", "koanf", "sql", "pg", "bun"} {
		if v, ok := tag.Lookup(k); ok {
			if i := strings.IndexByte(v, ','); i >= 0 {
				v = v[:i]
			}
			if v != "" && v != "-" {
				out = append(out, v)
			}
		}
	}
	if v, ok := tag.Lookup("gorm"); ok {
		for _, part := range strings.Split(v, ";") {
			if col, ok := strings.CutPrefix(strings.TrimSpace(part), "column:"); ok {
				out = append(out, col)
			}
		}
	}
	return out
}

func norm(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= 'A' && ch <= 'Z':
			b.WriteByte(ch + 'a' - 'A')
		case ch >= 'a' && ch <= 'z', ch >= '0' && ch <= '9':
			b.WriteByte(ch)
		}
	}
	return b.String()
}

var products = []string{"jira", "confluence", "atlassian", "bitbucket"}

func productName(s string) bool {
	n := norm(s)
	for _, p := range products {
		if strings.Contains(n, p) {
			return true
		}
	}
	return false
}

func urlName(s string) bool {
	n := norm(s)
	for _, w := range []string{"url", "uri", "host", "site", "endpoint", "baseurl", "server", "instance", "domain"} {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

// oauthName: values of the OAuth 2.0 flow and other non-API-token secrets.
func oauthName(n string) bool {
	for _, w := range []string{"oauth", "accesstoken", "refreshtoken", "idtoken", "clientsecret", "clientid", "csrf", "xsrf",
		"session", "webhook", "sharedsecret", "jwt", "state", "nonce", "verifier", "code"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// notValue: names of things about a credential rather than the credential.
func notValue(n string) bool {
	for _, w := range []string{"url", "uri", "type", "expiry", "expires", "expiresat", "expiration", "ttl", "header", "field",
		"label", "help", "hint", "placeholder", "path", "file", "env", "var", "count", "len", "length", "isset", "enabled",
		"valid", "id", "name", "hash", "required", "policy", "reset", "changed", "updatedat", "createdat", "lastused"} {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

func hasCred(n string) bool {
	return strings.Contains(n, "token") || strings.Contains(n, "password") || strings.Contains(n, "passwd") ||
		strings.Contains(n, "apikey") || strings.Contains(n, "secret") || strings.HasSuffix(n, "pat")
}

// credName reports whether a field or key name holds an Atlassian API
// token: a product and a credential word (JiraAPIToken), or, in a struct
// that names a product (ctx), a credential word (APIToken, Password).
func credName(s string, ctx bool) bool {
	if len(s) > maxName {
		return false
	}
	n := norm(s)
	if n == "" || oauthName(n) || notValue(n) || !hasCred(n) {
		return false
	}
	if productName(n) || ctx {
		return true
	}
	return genericName(n)
}

// maxName bounds the names classified: a longer key is no field name.
const maxName = 64

// genericName: "api_token", "app_password": Atlassian's words, used by
// other services too.
func genericName(n string) bool {
	return strings.Contains(n, "apitoken") || strings.Contains(n, "apppassword")
}

// keyFlags classifies a request key ("jira_api_token", "api_token").
func keyFlags(key string) uint {
	if len(key) > maxName {
		return 0
	}
	n := norm(key)
	if n == "" || oauthName(n) || notValue(n) || !hasCred(n) {
		return 0
	}
	if productName(n) {
		return fToken
	}
	if genericName(n) {
		return fGeneric
	}
	return 0
}

func constString(info *types.Info, e ast.Expr) string {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// atlassianString reports whether a constant names an Atlassian host or a
// Jira/Confluence REST path.
func atlassianString(s string) bool {
	if len(s) < 6 {
		return false
	}
	for _, w := range []string{".atlassian.net", "api.atlassian.com", "bitbucket.org", "/rest/api/", "/rest/agile/", "/wiki/rest/", "/wiki/api/", "/rest/servicedeskapi"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
