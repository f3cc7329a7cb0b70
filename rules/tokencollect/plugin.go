package tokencollect

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// mattermostPlugin are the import paths of the Mattermost plugin API.
var mattermostPlugin = []string{
	"github.com/mattermost/mattermost/server/public/plugin",
	"github.com/mattermost/mattermost/server/public/pluginapi",
	"github.com/mattermost/mattermost-server", // v5, v6: …/plugin
	"github.com/mattermost/mattermost-plugin-api",
}

// A manifest is the part of a Mattermost plugin's plugin.json that the
// rule reads.
type manifest struct {
	ID             string          `json:"id"`
	Server         json.RawMessage `json:"server"`
	SettingsSchema *struct {
		Settings []struct {
			Key    string `json:"key"`
			Type   string `json:"type"`
			Secret bool   `json:"secret"`
		} `json:"settings"`
	} `json:"settings_schema"`
}

// secret reports whether the manifest declares the setting key secret.
func (m *manifest) secret(key string) bool {
	if m == nil || m.SettingsSchema == nil {
		return false
	}
	for _, s := range m.SettingsSchema.Settings {
		if s.Secret && strings.EqualFold(s.Key, key) {
			return true
		}
	}
	return false
}

// maxManifest bounds the plugin.json read.
const maxManifest = 1 << 20

// readManifest reads the plugin.json of a Mattermost plugin in the
// package's directory or the one above it (plugins keep their server code
// in server/), or returns nil. Drivers that forbid reading files (nogo)
// get nil.
func readManifest(pass *analysis.Pass) *manifest {
	var dir string
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.FileStart); tf != nil && !strings.HasSuffix(tf.Name(), "_test.go") {
			dir = filepath.Dir(tf.Name())
			break
		}
	}
	if dir == "" || dir == "." {
		return nil
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if m := loadManifest(filepath.Join(d, "plugin.json")); m != nil {
			return m
		}
	}
	return nil
}

func loadManifest(path string) *manifest {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxManifest {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifest))
	if err != nil {
		return nil
	}
	var m manifest
	if json.Unmarshal(data, &m) != nil || m.ID == "" || (len(m.Server) == 0 && m.SettingsSchema == nil) {
		return nil
	}
	return &m
}

// isApp reports whether the package is clearly an app or a plugin, where
// -tokencollect.auto reports: a Mattermost plugin (it imports the
// plugin API or has a plugin.json), or an HTTP server that persists data
// (a handler, gin/echo/fiber context or API input parameter, and a
// database, key-value store or data-access-layer call, in non-test code).
// CLIs and SDKs are neither.
func (c *checker) isApp() bool {
	if c.manifest != nil || c.m.Imports(mattermostPlugin...) {
		return true
	}
	// Handlers first (a cheap walk of function types): most packages have
	// none, and then no call is looked at.
	info := c.pass.TypesInfo
	handler := false
	for n := range c.m.Inspector.Root().Preorder((*ast.FuncType)(nil)) {
		x := n.Node().(*ast.FuncType)
		if x.Params == nil || c.m.FileOf(x.Pos()).IsTest() {
			continue
		}
		for _, fld := range x.Params.List {
			if requestLike(info.TypeOf(fld.Type)) {
				handler = true
			}
		}
		if handler {
			break
		}
	}
	if !handler {
		return false
	}
	for n := range c.m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		x := n.Node().(*ast.CallExpr)
		if c.m.FileOf(x.Pos()).IsTest() {
			continue
		}
		if _, what, _ := c.storageSink(x); what != "" && !strings.Contains(what, "file") && what != "a cookie" {
			return true
		}
	}
	return false
}

// pluginSettings finds the plugin's configuration structs: those loaded
// with LoadPluginConfiguration (plugin.API, pluginapi), and, in a plugin
// with a plugin.json, those with a field named like a secret setting.
func (c *checker) pluginSettings() {
	info := c.pass.TypesInfo
	for n := range c.m.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := n.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "LoadPluginConfiguration" || len(call.Args) != 1 {
			continue
		}
		if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			continue
		}
		if tn := c.localStruct(info.TypeOf(call.Args[0])); tn != nil {
			c.settings[tn] = true
		}
	}
	if c.manifest == nil || c.pass.Pkg == nil {
		return
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if c.manifest.secret(st.Field(i).Name()) {
				c.settings[tn] = true
			}
		}
	}
}

// localStruct returns the named struct type declared in this package that
// t is or points to, or nil.
func (c *checker) localStruct(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	n, ok := types.Unalias(derefType(t)).(*types.Named)
	if !ok || n.Obj().Pkg() != c.pass.Pkg {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n.Obj()
}

// reportSetting reports a plugin configuration struct with a token field
// (Atlassian-named, in a struct that names a product, or generic in a
// package that talks to Atlassian): an
// administrator types the token into the System Console, and the plugin
// keeps it. It reports whether it did.
func (c *checker) reportSetting(tn *types.TypeName, si *structInfo) bool {
	field := si.first.Name()
	if si.via != "" {
		field = si.via
	}
	if !si.ctx && !productName(field) && !c.pkgAtl {
		return false
	}
	c.reported[tn] = true
	where := ""
	if c.manifest.secret(field) {
		where = " (a secret setting in plugin.json)"
	}
	c.rep.Report("ATL401", analysis.Diagnostic{
		Pos: si.first.Pos(), End: si.first.Pos() + token.Pos(len(si.first.Name())),
		Message: fmt.Sprintf("plugin setting %s.%s%s collects an Atlassian API token that an administrator types into the console: apps must not ask for or store API tokens; use OAuth 2.0 (3LO) or Forge",
			tn.Name(), field, where),
	})
	return true
}
