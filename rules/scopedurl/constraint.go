package scopedurl

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// An evidence says why the code expects a site host in a variable or field.
type evidence struct {
	nonTest bool   // some of it lies outside test files
	doc     string // documentation that names a site ("flag -url usage"); "" for a check in code
}

// constraints finds the variables and fields that the code constrains to a
// site host: strings.HasSuffix(host, ".atlassian.net") or strings.Contains(u,
// ".atlassian.net") in code; or documentation that names a site: the usage
// text of a flag (flag, github.com/spf13/pflag and so cobra, urfave/cli's
// StringFlag), a struct field's doc comment or help/desc/description/usage
// tag (kong, envconfig), a Terraform schema Description read with
// ResourceData.Get or a tfsdk tag. A check in code wins over documentation;
// an object that only tests constrain has nonTest false.
func (ck *checker) constraints() map[types.Object]*evidence {
	out := map[types.Object]*evidence{}
	var nonTest bool
	add := func(obj types.Object, doc string) {
		e := out[obj]
		if e == nil {
			e = &evidence{doc: doc}
			out[obj] = e
		}
		e.nonTest = e.nonTest || nonTest
		if doc == "" {
			e.doc = ""
		}
	}
	tfKeys := map[string]string{} // Terraform attributes documented as sites -> evidence
	for c := range ck.m.Inspector.Root().Preorder((*ast.CallExpr)(nil), (*ast.Field)(nil), (*ast.CompositeLit)(nil)) {
		nonTest = !ck.inTest(c.Node())
		switch n := c.Node().(type) {
		case *ast.Field:
			doc := fieldDoc(n)
			if doc == "" && len(n.Names) > 0 && ck.samples != nil {
				for _, k := range sampleKeys(n, n.Names[0].Name) {
					if doc = ck.samples[k]; doc != "" {
						break
					}
				}
			}
			if doc == "" {
				continue
			}
			for _, name := range n.Names {
				if obj := ck.info.Defs[name]; obj != nil {
					add(obj, doc)
				}
			}
		case *ast.CompositeLit:
			ck.compositeDoc(c, n, add, tfKeys)
		case *ast.CallExpr:
			ck.callConstraint(c, n, add)
		}
	}
	if len(tfKeys) > 0 {
		ck.terraformReads(tfKeys, add)
	}
	return out
}

// callConstraint records what a call tells about its arguments: a site
// suffix check, or a flag whose usage text names a site.
func (ck *checker) callConstraint(c inspector.Cursor, call *ast.CallExpr, add func(types.Object, string)) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	switch sel.Sel.Name {
	case "HasSuffix", "Contains", "String", "StringVar", "StringP", "StringVarP":
	default:
		return
	}
	fn := model.Callee(ck.info, call)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	switch path := fn.Pkg().Path(); {
	case path == "strings" && (fn.Name() == "HasSuffix" || fn.Name() == "Contains"):
		if len(call.Args) != 2 {
			return
		}
		s, ok := model.ConstString(ck.info, call.Args[1])
		if !ok || !(atlassian.IsSiteSuffix(s) || fn.Name() == "Contains" && strings.Contains(strings.ToLower(s), ".atlassian.net")) {
			return
		}
		for obj := range ck.roots(call.Args[0], 0) {
			add(obj, "")
		}
	case path == "flag" || path == "github.com/spf13/pflag":
		// String(name, value, usage), StringP(name, short, value, usage),
		// StringVar(p, name, value, usage), StringVarP(p, name, short, value, usage).
		want := map[string]int{"String": 3, "StringP": 4, "StringVar": 4, "StringVarP": 5}[fn.Name()]
		if want == 0 || len(call.Args) != want || path == "flag" && strings.HasSuffix(fn.Name(), "P") {
			return
		}
		usage, ok := model.ConstString(ck.info, call.Args[len(call.Args)-1])
		if !ok || !atlassian.MentionsSite(usage) {
			return
		}
		name, _ := model.ConstString(ck.info, call.Args[0])
		if strings.HasPrefix(fn.Name(), "StringVar") {
			name, _ = model.ConstString(ck.info, call.Args[1])
		}
		doc := "the usage text of flag -" + name + " names a site"
		if strings.HasPrefix(fn.Name(), "StringVar") {
			for obj := range ck.roots(call.Args[0], 0) {
				add(obj, doc)
			}
			return
		}
		// p := flag.String(...): the variable that holds the result.
		if obj := ck.storedIn(c); obj != nil {
			add(obj, doc)
		}
	}
}

// storedIn returns the variable that the value at c is assigned to or
// declared with, or nil.
func (ck *checker) storedIn(c inspector.Cursor) types.Object {
	k, i := c.ParentEdge()
	switch n := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if k == edge.AssignStmt_Rhs && i < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
			return ck.info.ObjectOf(identOf(n.Lhs[i]))
		}
	case *ast.ValueSpec:
		if k == edge.ValueSpec_Values && i < len(n.Names) {
			return ck.info.Defs[n.Names[i]]
		}
	}
	return nil
}

// fieldDoc returns the evidence that a struct field's documentation names
// a site: its doc or line comment, or a help/desc/description/usage tag.
func fieldDoc(f *ast.Field) string {
	if len(f.Names) == 0 {
		return ""
	}
	for _, cg := range []*ast.CommentGroup{f.Doc, f.Comment} {
		if cg != nil && atlassian.MentionsSite(cg.Text()) {
			return "the doc comment of field " + f.Names[0].Name + " names a site"
		}
	}
	if f.Tag == nil || !strings.Contains(strings.ToLower(f.Tag.Value), ".atlassian.net") && !strings.Contains(strings.ToLower(f.Tag.Value), ".jira.com") {
		return ""
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return ""
	}
	for _, key := range []string{"help", "desc", "description", "usage"} {
		if v, ok := reflect.StructTag(tag).Lookup(key); ok && atlassian.MentionsSite(v) {
			return "the " + key + " tag of field " + f.Names[0].Name + " names a site"
		}
	}
	return ""
}

// compositeDoc reads documentation in composite literals: urfave/cli's
// StringFlag{Usage: …, Destination: &v}, and Terraform schema attributes
// ("url": {Description: …}) whose keys it records in tfKeys.
func (ck *checker) compositeDoc(c inspector.Cursor, lit *ast.CompositeLit, add func(types.Object, string), tfKeys map[string]string) {
	tv, ok := ck.info.Types[lit]
	if !ok {
		return
	}
	named := namedOf(tv.Type)
	if named == nil || named.Obj().Pkg() == nil {
		return
	}
	pkg, name := named.Obj().Pkg().Path(), named.Obj().Name()
	switch {
	case model.PathWithin(pkg, "github.com/urfave/cli") && name == "StringFlag":
		var usage, flagName string
		var dest ast.Expr
		for key, value := range model.KeyedFields(lit) {
			switch key.Name {
			case "Usage":
				usage, _ = model.ConstString(ck.info, value)
			case "Name":
				flagName, _ = model.ConstString(ck.info, value)
			case "Destination":
				dest = value
			}
		}
		if dest == nil || !atlassian.MentionsSite(usage) {
			return
		}
		for obj := range ck.roots(dest, 0) {
			add(obj, "the usage text of flag --"+flagName+" names a site")
		}
	case isTerraformSchema(pkg, name):
		for key, value := range model.KeyedFields(lit) {
			if key.Name != "Description" && key.Name != "MarkdownDescription" {
				continue
			}
			if d, ok := model.ConstString(ck.info, value); !ok || !atlassian.MentionsSite(d) {
				continue
			}
			// The attribute's name: the key of the map entry around lit.
			if kv, ok := c.Parent().Node().(*ast.KeyValueExpr); ok && c.ParentEdgeKind() == edge.KeyValueExpr_Value {
				if k, ok := model.ConstString(ck.info, kv.Key); ok {
					tfKeys[k] = "the Description of Terraform attribute " + strconv.Quote(k) + " names a site"
				}
			}
		}
	}
}

func isTerraformSchema(pkg, name string) bool {
	switch {
	case model.PathWithin(pkg, "github.com/hashicorp/terraform-plugin-sdk"):
		return name == "Schema"
	case model.PathWithin(pkg, "github.com/hashicorp/terraform-plugin-framework"):
		return name == "StringAttribute"
	}
	return false
}

// terraformReads marks what reads a documented Terraform attribute: the
// variable assigned d.Get("url").(string) (plugin SDK), and the model field
// tagged tfsdk:"url" (plugin framework).
func (ck *checker) terraformReads(keys map[string]string, add func(types.Object, string)) {
	for c := range ck.m.Inspector.Root().Preorder((*ast.CallExpr)(nil), (*ast.Field)(nil)) {
		switch n := c.Node().(type) {
		case *ast.Field:
			if n.Tag == nil {
				continue
			}
			tag, err := strconv.Unquote(n.Tag.Value)
			if err != nil {
				continue
			}
			if k, ok := reflect.StructTag(tag).Lookup("tfsdk"); ok && keys[k] != "" {
				for _, name := range n.Names {
					if obj := ck.info.Defs[name]; obj != nil {
						add(obj, keys[k])
					}
				}
			}
		case *ast.CallExpr:
			fn := model.Callee(ck.info, n)
			if fn == nil || fn.Pkg() == nil || !model.PathWithin(fn.Pkg().Path(), "github.com/hashicorp/terraform-plugin-sdk") ||
				model.RecvName(fn) != "ResourceData" || fn.Name() != "Get" || len(n.Args) != 1 {
				continue
			}
			k, ok := model.ConstString(ck.info, n.Args[0])
			if !ok || keys[k] == "" {
				continue
			}
			// d.Get("url").(string), possibly in parentheses.
			at := c
			for {
				switch at.Parent().Node().(type) {
				case *ast.ParenExpr, *ast.TypeAssertExpr:
					at = at.Parent()
					continue
				}
				break
			}
			if obj := ck.storedIn(at); obj != nil {
				add(obj, keys[k])
			}
		}
	}
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

func identOf(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// roots returns the variables and fields that the value of e derives
// from: the variable itself and what was assigned to it, a field (not the
// struct around it), the URL a url.URL was parsed from, the operands of
// concatenations and the arguments of string helpers.
func (ck *checker) roots(e ast.Expr, depth int) map[types.Object]bool {
	out := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if e == nil || depth > model.MaxDepth {
			return
		}
		switch n := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj, ok := ck.info.ObjectOf(n).(*types.Var)
			if !ok || out[obj] {
				return
			}
			out[obj] = true
			for _, v := range ck.m.Values(ck.info, n) {
				if v.Expr != ast.Expr(n) {
					walk(v.Expr, depth+1)
				}
			}
		case *ast.SelectorExpr:
			f := fieldOf(ck.info, n)
			if f == nil {
				return
			}
			if f.Pkg() != nil && f.Pkg().Path() == "net/url" {
				walk(n.X, depth+1) // u.Host: what u comes from
				return
			}
			if out[f] {
				return
			}
			out[f] = true
			// What the package stores in the field (Client{BaseURL: base},
			// c.BaseURL = base): a site check on base constrains the field.
			for _, v := range ck.m.Values(ck.info, n) {
				if v.Expr != ast.Expr(n) {
					walk(v.Expr, depth+1)
				}
			}
		case *ast.StarExpr:
			walk(n.X, depth+1)
		case *ast.UnaryExpr:
			walk(n.X, depth+1)
		case *ast.BinaryExpr:
			walk(n.X, depth+1)
			walk(n.Y, depth+1)
		case *ast.CallExpr:
			fn := model.Callee(ck.info, n)
			if fn == nil || fn.Pkg() == nil {
				return
			}
			if isConfigRead(fn) {
				out[configRead] = true
			}
			switch fn.Pkg().Path() {
			case "strings", "net/url", "fmt", "path", "cmp":
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && model.RecvName(fn) != "" {
					walk(sel.X, depth+1) // u.Hostname()
				}
				for _, a := range n.Args {
					walk(a, depth+1)
				}
			}
		}
	}
	walk(e, depth)
	return out
}

// configRead stands, in the result of roots, for a value read from the
// environment, a flag or a configuration library.
var configRead = types.NewVar(0, nil, "config", types.Typ[types.String])

// isConfigRead reports whether fn reads configuration: os.Getenv,
// os.LookupEnv, flag.String, pflag's String and StringP, viper's GetString.
func isConfigRead(fn *types.Func) bool {
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "os":
		return name == "Getenv" || name == "LookupEnv"
	case path == "flag", path == "github.com/spf13/pflag":
		return name == "String" || name == "StringP"
	case model.PathWithin(path, "github.com/spf13/viper"):
		return name == "GetString"
	}
	return false
}

// configurable reports whether the origin of a URL built as origin + path
// comes from configuration: the environment, a flag (including the target
// of StringVar), viper, or a struct field that a decoder fills (a json,
// yaml, toml, mapstructure, env, envconfig or koanf tag). A parameter of an
// exported function is its caller's business, not configuration.
func (ck *checker) configurable(e ast.Expr) bool {
	origin := ck.originOf(e)
	if origin == nil {
		return false
	}
	if tv, ok := ck.info.Types[origin]; !ok || tv.Type == nil || !types.Identical(tv.Type.Underlying(), types.Typ[types.String]) {
		return false // not type-checked: nothing is known
	}
	roots := ck.roots(origin, 0)
	if roots[configRead] {
		return true
	}
	if ck.flagTargets == nil {
		ck.flagTargets = map[types.Object]bool{}
		for c := range ck.m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
			call := c.Node().(*ast.CallExpr)
			fn := model.Callee(ck.info, call)
			if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Name(), "StringVar") || len(call.Args) < 4 {
				continue
			}
			if p := fn.Pkg().Path(); p == "flag" || p == "github.com/spf13/pflag" {
				for obj := range ck.roots(call.Args[0], 0) {
					ck.flagTargets[obj] = true
				}
			}
		}
	}
	for obj := range roots {
		if ck.flagTargets[obj] {
			return true
		}
		if v, ok := obj.(*types.Var); ok && v.IsField() && configTagged(ck.tag(v)) {
			return true
		}
	}
	return false
}

func configTagged(tag string) bool {
	for _, key := range []string{"json", "yaml", "toml", "mapstructure", "env", "envconfig", "koanf"} {
		if _, ok := reflect.StructTag(tag).Lookup(key); ok {
			return true
		}
	}
	return false
}

// originOf returns the expression that writes the origin of a URL built
// as origin + "/path" or fmt.Sprintf("%s/path", origin), or nil.
func (ck *checker) originOf(e ast.Expr) ast.Expr {
	switch n := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		for {
			x, ok := ast.Unparen(n.X).(*ast.BinaryExpr)
			if !ok || x.Op != n.Op {
				break
			}
			if _, isConst := model.ConstString(ck.info, x); isConst {
				break
			}
			n = x
		}
		return n.X
	case *ast.CallExpr:
		fn := model.Callee(ck.info, n)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(n.Args) > 1 {
			if f, ok := model.ConstString(ck.info, n.Args[0]); ok && strings.HasPrefix(f, "%s") {
				return n.Args[1]
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		return n
	}
	return nil
}
