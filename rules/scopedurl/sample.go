package scopedurl

import (
	"go/ast"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// SampleConfigGlobs name the sample configuration files of a package
// directory that are read as evidence. The driver's result cache keys on
// the same files (internal/driver/cache.go).
var SampleConfigGlobs = []string{"*.yaml", "*.yml", "*.json", "*.toml", "*.env", "*.ini", "*.example", "*.sample", "*.dist"}

// maxSample bounds a sample configuration file read.
const maxSample = 1 << 20

// sampleLine is one "key: value", "key = value", "KEY=value" or
// "\"key\": \"value\"" line whose value is an http(s) URL.
var sampleLine = regexp.MustCompile(`(?m)^\s*(?:export\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[:=]\s*["']?(https?://[^\s"',]+)`)

// sampleSites reads the sample configuration files beside the package's
// files and returns, by lower-cased key, the evidence for each key whose
// value is a site URL or a placeholder site: "the sample config
// config.example.yaml sets jira_url to https://<your-domain>.atlassian.net".
// Files that cannot be read (under nogo, for one) give nothing; a result
// that is not nil is never empty.
func sampleSites(m *model.Result) map[string]string {
	var dir string
	for _, f := range m.Files {
		if !f.IsTest() {
			dir = filepath.Dir(f.Name)
			break
		}
	}
	if dir == "" || dir == "." {
		return nil
	}
	var out map[string]string
	for _, pat := range SampleConfigGlobs {
		names, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, name := range names {
			st, err := os.Stat(name)
			if err != nil || !st.Mode().IsRegular() || st.Size() > maxSample {
				continue
			}
			b, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			for _, m := range sampleLine.FindAllStringSubmatch(string(b), -1) {
				key, val := m[1], m[2]
				if !isSiteURL(val) {
					continue
				}
				if out == nil {
					out = map[string]string{}
				}
				if k := strings.ToLower(key); out[k] == "" {
					out[k] = "the sample config " + filepath.Base(name) + " sets " + key + " to " + siteOrigin(val)
				}
			}
		}
	}
	return out
}

func isSiteURL(s string) bool {
	if _, ok := atlassian.ParsePlaceholderSite(s); ok {
		return true
	}
	u, ok := atlassian.ParseURL(s)
	return ok && u.Kind == atlassian.HostSite
}

// siteOrigin is the scheme and host of a site URL, for messages (never a
// path, query or user information).
func siteOrigin(s string) string {
	if u, ok := atlassian.ParsePlaceholderSite(s); ok {
		return s[:u.OriginEnd]
	}
	if u, ok := atlassian.ParseURL(s); ok {
		return s[:u.OriginEnd]
	}
	return "a site URL"
}

// sampleKeys are the configuration keys a struct field is read under:
// its json, yaml, toml, mapstructure, koanf, env and envconfig tag names,
// and its name (viper matches field names case-insensitively).
func sampleKeys(f *ast.Field, name string) []string {
	keys := []string{strings.ToLower(name)}
	if f.Tag == nil {
		return keys
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return keys
	}
	for _, k := range []string{"json", "yaml", "toml", "mapstructure", "koanf", "env", "envconfig"} {
		if v, ok := reflect.StructTag(tag).Lookup(k); ok {
			if i := strings.IndexByte(v, ','); i >= 0 {
				v = v[:i]
			}
			if v != "" && v != "-" {
				keys = append(keys, strings.ToLower(v))
			}
		}
	}
	return keys
}
