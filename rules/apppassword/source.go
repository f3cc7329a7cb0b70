package apppassword

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// Taint flags.
const (
	fNamed   uint = 1 << iota // the code names the value an app password
	fLiteral                  // an ATBB… literal
	fAPI                      // an API or access token, by name or value
	fEmail                    // an email address, by name or value
)

// nameKind classifies a name the code gives a value: a variable, field,
// environment variable, flag or config key.
func nameKind(name string) uint {
	if name == "" || len(name) > 64 {
		return 0
	}
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		ch := name[i]
		switch {
		case 'a' <= ch && ch <= 'z', '0' <= ch && ch <= '9':
			b.WriteByte(ch)
		case 'A' <= ch && ch <= 'Z':
			b.WriteByte(ch + 'a' - 'A')
		}
	}
	n := b.String()
	switch {
	case strings.Contains(n, "apitoken"), strings.Contains(n, "accesstoken"):
		return fAPI
	case strings.Contains(n, "apppass"), strings.Contains(n, "apppw"):
		return fNamed
	case strings.Contains(n, "email"), strings.HasSuffix(n, "mail"):
		return fEmail
	}
	return 0
}

// valueKind classifies a constant value.
func valueKind(s string) (uint, atlassian.Match) {
	if strings.Contains(s, "AT") {
		for _, mt := range atlassian.Scan(s) {
			switch mt.Kind {
			case atlassian.AppPassword:
				return fLiteral, mt
			case atlassian.APIToken, atlassian.AccessToken, atlassian.ServiceAccountToken:
				return fAPI, mt
			}
		}
	}
	if isEmail(s) {
		return fEmail, atlassian.Match{}
	}
	return 0, atlassian.Match{}
}

// isEmail: local@domain.tld, nothing a URL or header would hold.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || strings.ContainsAny(s, " /:\t\n") {
		return false
	}
	dom := s[at+1:]
	dot := strings.IndexByte(dom, '.')
	return dot > 0 && dot < len(dom)-1
}

// source is the Flow's source of taint: the names and values the code
// gives a credential.
func (c *checker) source(f *model.Flow, e ast.Expr) *model.Taint {
	info := c.info
	if s, ok := model.ConstString(info, e); ok {
		k, mt := valueKind(s)
		if k == 0 {
			return nil
		}
		t := &model.Taint{Flags: k, Pos: e.Pos()}
		if k == fLiteral {
			t.What = fmt.Sprintf("%q", atlassian.Redact(mt.Token))
			// A named constant is written where it is declared.
			if obj, ok := model.ObjectOf(info, e).(*types.Const); ok {
				t.Pos = obj.Pos()
			}
		}
		return t
	}
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			return nameTaint(v.Name(), v.Name(), x)
		}
	case *ast.SelectorExpr:
		sel := info.Selections[x]
		if sel == nil {
			if v, ok := info.Uses[x.Sel].(*types.Var); ok { // pkg.Var
				return nameTaint(v.Name(), v.Name(), x)
			}
			return nil
		}
		if sel.Kind() != types.FieldVal {
			return nil
		}
		owner, tag := fieldInfo(sel)
		what := x.Sel.Name
		if owner != "" {
			what = owner + "." + what
		}
		if t := nameTaint(x.Sel.Name, what, x); t != nil {
			return t
		}
		// A struct tag that names the field: json:"app_password".
		for _, key := range tagValues(tag) {
			if k := nameKind(key); k != 0 {
				return &model.Taint{Flags: k, What: fmt.Sprintf("%s (tag %q)", what, key), Pos: x.Pos()}
			}
		}
	case *ast.IndexExpr:
		// cfg["app_password"]
		if s, ok := model.ConstString(info, x.Index); ok {
			if k := nameKind(s); k != 0 {
				return &model.Taint{Flags: k, What: fmt.Sprintf("key %q", s), Pos: x.Pos()}
			}
		}
	case *ast.CallExpr:
		// os.Getenv("BITBUCKET_APP_PASSWORD"), flag.String("app-password", ...),
		// viper.GetString("bitbucket.app_password"): any call that takes
		// the name as a constant argument.
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			return nil // a conversion
		}
		for _, a := range x.Args {
			s, ok := model.ConstString(info, a)
			if !ok {
				continue
			}
			k := nameKind(s)
			if k == 0 {
				continue
			}
			name := calleeName(info, x)
			what := fmt.Sprintf("%s(%q)", name, s)
			if name == "os.Getenv" || name == "os.LookupEnv" || name == "syscall.Getenv" {
				what = "$" + s
			}
			return &model.Taint{Flags: k, What: what, Pos: x.Pos()}
		}
	}
	return nil
}

func nameTaint(name, what string, at ast.Expr) *model.Taint {
	if k := nameKind(name); k != 0 {
		return &model.Taint{Flags: k, What: what, Pos: at.Pos()}
	}
	return nil
}

// fieldInfo returns the name of the struct type that declares the selected
// field and the field's tag.
func fieldInfo(sel *types.Selection) (string, string) {
	t := sel.Recv()
	idx := sel.Index()
	for i, j := range idx {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || j >= st.NumFields() {
			return "", ""
		}
		if i == len(idx)-1 {
			owner := ""
			if n, ok := types.Unalias(t).(*types.Named); ok {
				owner = n.Obj().Name()
			}
			return owner, st.Tag(j)
		}
		t = st.Field(j).Type()
	}
	return "", ""
}

// tagValues returns the names a struct tag gives a field (json, yaml,
// toml, mapstructure, env, flag...), without options.
func tagValues(tag string) []string {
	if tag == "" {
		return nil
	}
	var out []string
	st := reflect.StructTag(tag)
	for _, key := range []string{"json", "yaml", "toml", "mapstructure", "env", "envconfig", "flag", "long", "koanf", "hcl", "ini"} {
		if v, ok := st.Lookup(key); ok {
			if i := strings.IndexByte(v, ','); i >= 0 {
				v = v[:i]
			}
			if v != "" && v != "-" {
				out = append(out, v)
			}
		}
	}
	return out
}
