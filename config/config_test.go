package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/output"
)

const full = `# every key
enable: [ATL401]
disable:
  - ATL302
severity:
  ATL101: warning
  jpdgraphql: error   # an analyzer name sets all its rules
exclude: ["vendor/**", "**/*_gen.go", "internal/legacy/"]
tests: false
cloud-ids:
  mysite: 1B6A3C1E-6A0F-4C39-9D64-43A4E3F2B8A1
  other.atlassian.net: 2c7b4d2f-7b1a-4d4a-8e75-54b5f4a3c9b2
token-scopes: [read:view:jira-product-discovery, write:insight:jira-product-discovery]
now: 2026-11-01
read-only-tokens: [JIRA_RO_TOKEN, cfg.ReadToken]
collect-tokens: true
`

func TestParseFull(t *testing.T) {
	c, err := Parse([]byte(full), ".atlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	tr := true
	want := &Config{
		Enable:        []string{"ATL401"},
		Disable:       []string{"ATL302"},
		Severities:    map[string]string{"ATL101": "warning", "ATL301": "error", "ATL302": "error"},
		Exclude:       []string{"vendor/**", "**/*_gen.go", "internal/legacy"},
		CloudIDs:      map[string]string{"mysite.atlassian.net": "1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1", "other.atlassian.net": "2c7b4d2f-7b1a-4d4a-8e75-54b5f4a3c9b2"},
		TokenScopes:   []string{"read:view:jira-product-discovery", "write:insight:jira-product-discovery"},
		Now:           "2026-11-01",
		Options:       map[string][]string{"tests": {"false"}, "read-only-tokens": {"JIRA_RO_TOKEN", "cfg.ReadToken"}},
		CollectTokens: &tr,
	}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}

	wantSettings := []analyzer.Setting{
		{Analyzer: "scopedurl", Flag: "cloudid", Value: "mysite.atlassian.net=1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"},
		{Analyzer: "scopedurl", Flag: "cloudid", Value: "other.atlassian.net=2c7b4d2f-7b1a-4d4a-8e75-54b5f4a3c9b2"},
		{Analyzer: "tokenscopes", Flag: "token-scopes", Value: "read:view:jira-product-discovery,write:insight:jira-product-discovery"},
		{Analyzer: "jpdgraphql", Flag: "token-scopes", Value: "read:view:jira-product-discovery,write:insight:jira-product-discovery"},
		{Analyzer: "jpdgraphql", Flag: "now", Value: "2026-11-01"},
		{Analyzer: "tokencollect", Flag: "enable", Value: "true"},
		{Analyzer: "readonlytoken", Flag: "source", Value: "JIRA_RO_TOKEN,cfg.ReadToken"},
		{Analyzer: "credentials", Flag: "tests", Value: "false"},
	}
	if diff := cmp.Diff(wantSettings, c.Settings()); diff != "" {
		t.Errorf("Settings mismatch (-want +got):\n%s", diff)
	}
}

// Every Setting a full configuration produces must be a flag the rule
// really has, with a value it accepts: this catches drift between the
// file's keys and the rules' flags.
func TestSettingsAccepted(t *testing.T) {
	c, err := Parse([]byte(full), ".atlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	as := analyzer.New(nil)
	byName := map[string]bool{}
	for _, a := range as {
		byName[a.Name] = true
	}
	for _, s := range c.Settings() {
		if !byName[s.Analyzer] {
			t.Errorf("setting %s names analyzer %q, which is not in the suite", s, s.Analyzer)
		}
	}
	if err := analyzer.Configure(as, c.Settings()); err != nil {
		t.Fatalf("the rules reject the settings of a valid config: %v", err)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "---\n", "~\n"} {
		c, err := Parse([]byte(src), "x.yml")
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if len(c.Settings()) != 0 || !c.Enabled("credentials") || c.Enabled("tokencollect") {
			t.Errorf("Parse(%q) is not the default config: %+v", src, c)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"enable: [ATL101]\nfoo: 1\n", ".atlint.yml:2:1: foo: unknown key; known keys: "},
		{"cloudIds: {}\n", `cloudIds: unknown key (did you mean "cloud-ids"? keys are kebab-case)`},
		{"token_scopes: []\n", `did you mean "token-scopes"?`},
		{"cloud-ids:\n  mysite: not-a-uuid\n", `.atlint.yml:2:11: cloud-ids.mysite: cloud ID "mysite=not-a-uuid": "not-a-uuid" is not a UUID`},
		{"cloud-ids:\n  my_site: 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1\n", `.atlint.yml:2:3: cloud-ids.my_site: cloud ID "my_site=1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1": "my_site" is not an Atlassian Cloud site`},
		{"cloud-ids:\n  mysite: 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1\n  MySite: 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1\n", `.atlint.yml:3:3: cloud-ids.MySite: site mysite.atlassian.net is given twice`},
		{"cloud-ids: [a]\n", `cloud-ids: want a mapping of site to cloud ID`},
		{"enable: [ATL999]\n", `.atlint.yml:1:10: enable: unknown rule "ATL999"; rules are ATL001, ATL101`},
		{"disable: [nosuch]\n", `disable: unknown rule "nosuch"`},
		{"enable: [ATL101]\ndisable: [credentials]\n", `disable: rule ATL101 is both enabled and disabled`},
		{"enable: 5\n", `.atlint.yml:1:9: enable: want a string or a list of strings, got a number`},
		{"enable: [[ATL101]]\n", `enable[0]: want a string, got a list`},
		{"severity:\n  ATL302: fatal\n", `.atlint.yml:2:11: severity.ATL302: unknown severity "fatal": want one of error, warning, note, off`},
		{"severity:\n  ATL777: error\n", `.atlint.yml:2:3: severity.ATL777: unknown rule "ATL777"`},
		{"severity: [error]\n", `severity: want a mapping of rule to severity`},
		{"severity:\n  ATL302: 3\n", `severity.ATL302: want one of error, warning, note, off, got a number`},
		{"tests: maybe\n", `.atlint.yml:1:8: tests: want true or false, got a string`},
		{"collect-tokens: [true]\n", `collect-tokens: want true, false or auto, got a list`},
		{"collect-tokens: sometimes\n", `collect-tokens: want true, false or auto, got a string`},
		{"token-scopes: [read:view:jira-product-discovery, read:jira-wrok]\n", `.atlint.yml:1:50: token-scopes: unknown scope "read:jira-wrok": not in Atlassian's REST specs`},
		{"now: 2026-13-01\n", `now: bad date "2026-13-01": want YYYY-MM-DD or RFC 3339`},
		{"now: true\n", `now: want a date (2026-11-01), got a boolean`},
		{"read-only-tokens: ['ATATT3xFfGF0 x']\n", `.atlint.yml:1:20: read-only-tokens: read-only token source "ATATT3xFfGF0 x": want an env var name`},
		{"exclude: ['[a-']\n", `exclude: bad pattern "[a-": syntax error in pattern`},
		{"exclude: ['../other/**']\n", `exclude: bad pattern "../other/**": patterns are relative`},
		{"exclude: ['foo**/x']\n", `"**" must be a whole path element`},
		{"exclude: ['']\n", `bad pattern "": empty pattern`},
		{"- ATL101\n", `.atlint.yml:1:1: the configuration must be a mapping`},
		{"enable: [ATL101\n", `.atlint.yml:1:`},
		{"enable: [ATL101]\nenable: [ATL401]\n", `.atlint.yml:2:1: invalid YAML: mapping key "enable" already defined`},
		{"a: &x [ATL101]\nenable: *x\n", `.atlint.yml:2:9: YAML aliases are not supported`},
		{"enable: &x [ATL101]\ndisable: *x\n", `.atlint.yml:2:10: YAML aliases are not supported`},
		{"enable: []\n---\ndisable: []\n", `.atlint.yml:2: more than one YAML document`},
		{"\t\tenable: x\n", `.atlint.yml:1:`},
	} {
		_, err := Parse([]byte(tc.src), ".atlint.yml")
		if err == nil {
			t.Errorf("Parse(%q) = nil error, want %q", tc.src, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error:\n got  %s\n want %s", tc.src, err, tc.want)
		}
	}
}

func TestTokenCollectFlag(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []analyzer.Setting
	}{
		{"tests: true\n", []analyzer.Setting{{Analyzer: "credentials", Flag: "tests", Value: "true"}}},
		{"enable: [ATL401]\n", []analyzer.Setting{{Analyzer: "tokencollect", Flag: "enable", Value: "true"}}},
		{"enable: [tokencollect]\nseverity: {ATL401: off}\n", []analyzer.Setting{{Analyzer: "tokencollect", Flag: "enable", Value: "false"}}},
		{"collect-tokens: false\n", []analyzer.Setting{{Analyzer: "tokencollect", Flag: "enable", Value: "false"}}},
		{"collect-tokens: auto\n", []analyzer.Setting{{Analyzer: "tokencollect", Flag: "auto", Value: "true"}}},
		{"now: 2026-11-01T10:00:00Z\n", []analyzer.Setting{{Analyzer: "jpdgraphql", Flag: "now", Value: "2026-11-01T10:00:00Z"}}},
	} {
		c, err := Parse([]byte(tc.src), "x.yml")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, c.Settings()); diff != "" {
			t.Errorf("%q: Settings (-want +got):\n%s", tc.src, diff)
		}
		as := analyzer.New(c.Enabled)
		if err := analyzer.Configure(as, c.Settings()); err != nil {
			t.Errorf("%q: %v", tc.src, err)
		}
	}
}

func TestFromMap(t *testing.T) {
	// Settings as golangci-lint hands them over: decoded YAML, keys
	// lower-cased by its configuration reader, dates as times.
	m := map[string]any{
		"enable":       []any{"atl401"},
		"severity":     map[string]any{"atl302": "error"},
		"tests":        false,
		"cloud-ids":    map[string]any{"mysite": "1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"},
		"token-scopes": []any{"read:insight:jira-product-discovery"},
		"now":          time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		"exclude":      []string{"vendor/**"},
	}
	c, err := FromMap(m)
	if err != nil {
		t.Fatal(err)
	}
	if !c.RuleEnabled("ATL401") || c.Now != "2026-11-01" || c.Severities["ATL302"] != "error" || c.Options["tests"][0] != "false" {
		t.Errorf("FromMap = %+v", c)
	}
	for _, tc := range []struct {
		m    map[string]any
		want string
	}{
		{map[string]any{"cloud-ids": map[string]any{"mysite": "nope"}}, `atlint settings: cloud-ids.mysite: cloud ID "mysite=nope": "nope" is not a UUID`},
		{map[string]any{"bogus": 1}, `atlint settings: bogus: unknown key`},
		{map[string]any{"tests": "no"}, `tests: want true or false, got a string`},
		{map[string]any{"now": 20261101}, `now: bad date "20261101"`},
		{map[string]any{"severity": map[any]any{"ATL101": "loud"}}, `severity.ATL101: unknown severity "loud"`},
		{map[string]any{"enable": []any{struct{}{}}}, `enable[0]: unsupported value of type struct {}`},
	} {
		_, err := FromMap(tc.m)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("FromMap(%v) error = %v, want %q", tc.m, err, tc.want)
		}
	}
	if c, err := FromMap(nil); err != nil || len(c.Settings()) != 0 {
		t.Errorf("FromMap(nil) = %+v, %v", c, err)
	}
}

func TestEnabled(t *testing.T) {
	var nilConfig *Config
	for _, tc := range []struct {
		src  string
		rule string
		want bool
	}{
		{"", "ATL101", true},
		{"", "ATL401", false},
		{"enable: tokencollect\n", "ATL401", true},
		{"collect-tokens: true\n", "ATL401", true},
		{"collect-tokens: false\nenable: [ATL401]\n", "ATL401", true},
		{"disable: [ATL101]\n", "ATL101", false},
		{"severity: {ATL101: off}\n", "ATL101", false},
		{"severity: {ATL101: OFF}\n", "ATL101", false},
		{"disable: [ATL302]\n", "ATL301", true},
		{"disable: [ATL302]\n", "ATL302", false},
		{"disable: [jpdgraphql]\n", "ATL301", false},
		{"", "ATL999", true},
	} {
		c, err := Parse([]byte(tc.src), "x.yml")
		if err != nil {
			t.Fatal(err)
		}
		if got := c.RuleEnabled(tc.rule); got != tc.want {
			t.Errorf("%q: RuleEnabled(%s) = %v, want %v", tc.src, tc.rule, got, tc.want)
		}
	}
	c, _ := Parse([]byte("disable: [ATL302]\n"), "x.yml")
	if !c.Enabled("jpdgraphql") {
		t.Error("jpdgraphql must run while ATL301 is on")
	}
	c, _ = Parse([]byte("disable: [ATL301, ATL302]\n"), "x.yml")
	if c.Enabled("jpdgraphql") {
		t.Error("jpdgraphql must not run with both its rules off")
	}
	if !c.Enabled("atlintmodel") || !c.Enabled("credentials") {
		t.Error("the model and untouched rules must run")
	}
	if nilConfig.Enabled("tokencollect") || !nilConfig.Enabled("credentials") || nilConfig.Excluded("a.go") || nilConfig.Settings() != nil {
		t.Error("a nil config must behave as the defaults")
	}
	if s, ok := c.Severity("atl302"); ok || s != "" {
		t.Errorf("Severity(atl302) = %q, %v without a severity key", s, ok)
	}
	c, _ = Parse([]byte("severity: {atl302: Error}\n"), "x.yml")
	if s, ok := c.Severity("ATL302"); !ok || s != "error" {
		t.Errorf("Severity(ATL302) = %q, %v, want error", s, ok)
	}
}

func TestExcluded(t *testing.T) {
	dir := t.TempDir()
	c, err := Parse([]byte(`exclude: ["vendor/**", "**/*_gen.go", "internal/legacy/", "zz_*.go", "./gen/*.pb.go"]`), "x.yml")
	if err != nil {
		t.Fatal(err)
	}
	c.Dir = dir
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"vendor/github.com/x/y.go", true},
		{"vendor", true},
		{"a/vendor/x.go", false},
		{"x_gen.go", true},
		{"deep/er/x_gen.go", true},
		{"x_gen_test.go", false},
		{"internal/legacy/a/b.go", true},
		{"internal/legacyx/a.go", false},
		{"pkg/zz_generated.go", true},
		{"gen/a.pb.go", true},
		{"gen/sub/a.pb.go", false},
		{"main.go", false},
	} {
		p := filepath.Join(dir, filepath.FromSlash(tc.path))
		if got := c.Excluded(p); got != tc.want {
			t.Errorf("Excluded(%s) = %v, want %v", tc.path, got, tc.want)
		}
	}
	if c.Excluded(filepath.Join(filepath.Dir(dir), "vendor", "x.go")) {
		t.Error("a file outside the config's directory must not be excluded")
	}

	// Relative paths are relative to the working directory.
	t.Chdir(filepath.Join(dir))
	if !c.Excluded("vendor/x.go") || c.Excluded("main.go") {
		t.Error("relative paths must resolve against the working directory")
	}
}

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	must(t, os.Mkdir(filepath.Join(root, ".git"), 0o755))
	sub := filepath.Join(root, "a", "b")
	must(t, os.MkdirAll(sub, 0o755))

	if p, err := Find(sub); err != nil || p != "" {
		t.Fatalf("Find without a file = %q, %v", p, err)
	}
	// A file above the repository root is not ours.
	must(t, os.WriteFile(filepath.Join(filepath.Dir(root), ".atlint.yml"), []byte("bogus: 1\n"), 0o644))
	defer os.Remove(filepath.Join(filepath.Dir(root), ".atlint.yml"))
	if p, err := Find(sub); err != nil || p != "" {
		t.Fatalf("Find went above .git: %q, %v", p, err)
	}

	cfg := filepath.Join(root, ".atlint.yaml")
	must(t, os.WriteFile(cfg, []byte("exclude: [a/b/**]\n"), 0o644))
	p, err := Find(sub)
	if err != nil || p != cfg {
		t.Fatalf("Find = %q, %v, want %q", p, err, cfg)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != root || !c.Excluded(filepath.Join(sub, "x.go")) {
		t.Errorf("Load: Dir = %q, exclusion relative to it fails", c.Dir)
	}

	near := filepath.Join(root, "a", ".atlint.yml")
	must(t, os.WriteFile(near, []byte("tests: true\n"), 0o644))
	if p, _ := Find(sub); p != near {
		t.Errorf("Find = %q, want the nearest file %q", p, near)
	}
	must(t, os.WriteFile(filepath.Join(root, "a", ".atlint.yaml"), nil, 0o644))
	if _, err := Find(sub); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("two files in one directory: err = %v", err)
	}

	bad := filepath.Join(root, "bad.yml")
	must(t, os.WriteFile(bad, []byte("tests: true\ncloud-ids:\n  s: x\n"), 0o644))
	if _, err := Load(bad); err == nil || !strings.HasPrefix(err.Error(), output.Scrub(bad)+`:3:6: cloud-ids.s: cloud ID "s=x": "x" is not a UUID`) {
		t.Errorf("Load(bad) error = %v", err)
	}
	if _, err := Load(filepath.Join(root, "missing.yml")); err == nil {
		t.Error("Load of a missing file must fail")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(full))
	f.Add([]byte("enable: [ATL101\n"))
	f.Add([]byte("a: &x [1]\nb: *x\n<<: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "f.yml")
		if err == nil {
			_ = c.Settings()
			_ = c.Excluded("a/b.go")
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
