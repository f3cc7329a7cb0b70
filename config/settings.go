package config

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
)

// The settings of the rules' options. Each rule package declares its keys,
// the flags each sets and the form of its value (its spec's Options, see
// optionsOf); formReader reads a key in its declared form. These keys have
// readers of their own (config.go), for what their values need beyond
// the form: canonical sites, one list for two rules, a date, a rule switch.
const (
	keyCloudIDs      = "cloud-ids"      // scopedurl: site: cloud ID
	keyTokenScopes   = "token-scopes"   // tokenscopes (all), jpdgraphql (JPD scopes)
	keyNow           = "now"            // jpdgraphql: the date
	keyCollectTokens = "collect-tokens" // tokencollect: true, false or auto
)

// A keyed is an option of a rule package with the analyzer whose flag it is.
type keyed struct {
	analyzer string
	model.Option
}

// optionsOf returns the options the rule packages declare for the setting
// key, in suite order.
func optionsOf(key string) []keyed {
	var out []keyed
	for _, s := range specs() {
		for _, o := range s.Options {
			if o.Key == key {
				out = append(out, keyed{s.Analyzer, o})
			}
		}
	}
	return out
}

// settings returns the flag settings value of key makes: for each option
// of the key, -analyzer.flag=value. An option with a Word gets true when
// value is its word and nothing otherwise, and the key's other options get
// nothing for a word; an option with Only gets the comma-separated entries
// it picks, or nothing when it picks none.
func settings(key, value string) []analyzer.Setting {
	opts := optionsOf(key)
	word := slices.ContainsFunc(opts, func(o keyed) bool { return o.Word != "" && o.Word == value })
	var ss []analyzer.Setting
	for _, o := range opts {
		v := value
		switch {
		case o.Word != "":
			if value != o.Word {
				continue
			}
			v = "true"
		case word:
			continue
		case o.Only != nil:
			var picked []string
			for _, x := range strings.Split(value, ",") {
				if o.Only(x) {
					picked = append(picked, x)
				}
			}
			if len(picked) == 0 {
				continue
			}
			v = strings.Join(picked, ",")
		}
		ss = append(ss, analyzer.Setting{Analyzer: o.analyzer, Flag: o.Flag, Value: v})
	}
	return ss
}

// Settings returns the rule options of c as analyzer flags, in a stable
// order. A repeatable flag (scopedurl.cloudid) gets one Setting per entry.
// Apply them with analyzer.Configure before the command-line flags, so
// flags override the file.
func (c *Config) Settings() []analyzer.Setting {
	if c == nil {
		return nil
	}
	var ss []analyzer.Setting
	sites := make([]string, 0, len(c.CloudIDs))
	for s := range c.CloudIDs {
		sites = append(sites, s)
	}
	sort.Strings(sites)
	for _, s := range sites {
		ss = append(ss, settings(keyCloudIDs, s+"="+c.CloudIDs[s])...)
	}
	if len(c.TokenScopes) > 0 {
		// One setting for both rules: ATL202 takes every scope, ATL302
		// the JPD GraphQL ones (its option picks them).
		ss = append(ss, settings(keyTokenScopes, strings.Join(c.TokenScopes, ","))...)
	}
	if c.Now != "" {
		ss = append(ss, settings(keyNow, c.Now)...)
	}
	// ATL401 reports only with its enable flag set: enabling the rule in
	// the file (enable: [ATL401] or collect-tokens: true) sets it.
	// collect-tokens: auto reports only in packages that are clearly apps
	// or plugins (the analyzer decides which).
	for _, r := range c.switched() {
		if c.CollectTokens != nil || c.mentions(r.ID) {
			ss = append(ss, settings(keyCollectTokens, strconv.FormatBool(c.RuleEnabled(r.ID) && !c.CollectTokensAuto))...)
		}
	}
	if c.CollectTokensAuto {
		ss = append(ss, settings(keyCollectTokens, "auto")...)
	}
	// The options read in their declared form: one comma-separated value
	// a key.
	keys := make([]string, 0, len(c.Options))
	for k := range c.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ss = append(ss, settings(k, strings.Join(c.Options[k], ","))...)
	}
	return ss
}

// switched returns the rules whose analyzer collect-tokens switches on
// and off (ATL401).
func (c *Config) switched() []model.Rule {
	var rs []model.Rule
	for _, o := range optionsOf(keyCollectTokens) {
		if o.Word == "" {
			rs = append(rs, analyzer.RulesOf(o.analyzer)...)
		}
	}
	return rs
}

// mentions reports whether the file turns the rule on or off explicitly.
func (c *Config) mentions(id string) bool {
	_, sev := c.Severities[id]
	return contains(c.Enable, id) || contains(c.Disable, id) || sev
}

// RuleEnabled reports whether findings of the rule (ATL101) are reported:
// a rule listed in disable, or with severity off, is off; one listed in
// enable (or ATL401 with collect-tokens: true) is on; otherwise the
// rule's default holds.
func (c *Config) RuleEnabled(ruleID string) bool {
	r, ok := analyzer.RuleByID(ruleID)
	if !ok {
		return true // not ours to turn off
	}
	if c == nil {
		return r.Default
	}
	if contains(c.Disable, r.ID) || c.Severities[r.ID] == "off" {
		return false
	}
	if contains(c.Enable, r.ID) {
		return true
	}
	if slices.ContainsFunc(c.switched(), func(s model.Rule) bool { return s.ID == r.ID }) {
		if c.CollectTokensAuto {
			return true // the analyzer limits itself to apps and plugins
		}
		if c.CollectTokens != nil {
			return *c.CollectTokens
		}
	}
	return r.Default
}

// Enabled reports whether the named analyzer should run: when one of its
// rules is enabled (see RuleEnabled). Analyzers that report no rule (the
// shared model) always run. It fits analyzer.New.
func (c *Config) Enabled(analyzerName string) bool {
	rules := analyzer.RulesOf(analyzerName)
	if len(rules) == 0 {
		return true
	}
	for _, r := range rules {
		if c.RuleEnabled(r.ID) {
			return true
		}
	}
	return false
}

// Severity returns the severity the file sets for the rule (error,
// warning, note or off), and whether it sets one.
func (c *Config) Severity(ruleID string) (string, bool) {
	if c == nil {
		return "", false
	}
	r, ok := analyzer.RuleByID(ruleID)
	if !ok {
		return "", false
	}
	s, ok := c.Severities[r.ID]
	return s, ok
}

// Excluded reports whether a file (a path relative to the working
// directory, or absolute) matches an exclude pattern. Patterns are
// slash-separated and relative to the config file's directory (Dir):
// "**" matches any number of directories, "*", "?" and "[...]" work as
// in path.Match within one path element. A pattern without a slash
// ("*_gen.go", "vendor") matches an element at any depth. A pattern that
// matches a directory excludes everything below it. Files outside Dir are
// never excluded.
func (c *Config) Excluded(file string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	base := c.Dir
	if base == "" {
		if base, err = os.Getwd(); err != nil {
			return false
		}
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	segs := strings.Split(filepath.ToSlash(rel), "/")
	for _, p := range c.Exclude {
		if match(p, segs) {
			return true
		}
	}
	return false
}

// cleanPattern checks a pattern and puts it in the form match expects.
func cleanPattern(p string) (string, error) {
	p = strings.TrimSpace(p)
	p = strings.TrimPrefix(p, "./")
	p = strings.TrimSuffix(p, "/")
	if p == "" || p == "/" {
		return "", errEmptyPattern
	}
	if path.IsAbs(p) || strings.HasPrefix(p, "../") || p == ".." {
		return "", errOutsidePattern
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "**" {
			continue
		}
		if strings.Contains(seg, "**") {
			return "", errDoubleStar
		}
		if _, err := path.Match(seg, ""); err != nil {
			return "", err
		}
	}
	return p, nil
}

type patternError string

func (e patternError) Error() string { return string(e) }

const (
	errEmptyPattern   = patternError("empty pattern")
	errOutsidePattern = patternError("patterns are relative to the config file's directory and stay below it")
	errDoubleStar     = patternError(`"**" must be a whole path element, as in vendor/** or **/*_gen.go`)
)

func match(pattern string, segs []string) bool {
	if !strings.Contains(pattern, "/") && pattern != "**" {
		for _, s := range segs {
			if ok, _ := path.Match(pattern, s); ok {
				return true
			}
		}
		return false
	}
	return matchSegs(strings.Split(pattern, "/"), segs)
}

// matchSegs matches pattern elements against path elements; a pattern
// that matches a leading part of the path (a directory) matches.
func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return true
			}
			for i := 0; i <= len(segs); i++ {
				if matchSegs(rest, segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return true
}

// specs and newSuite are the rule packages' declarations and a fresh suite
// whose flags check the options (variables for tests).
var (
	specs    = analyzer.Specs
	newSuite = func() []*analysis.Analyzer { return analyzer.New(nil) }
)

// declaredKeys returns the setting keys the rule packages declare.
func declaredKeys() []string {
	var ks []string
	for _, s := range specs() {
		for _, o := range s.Options {
			if o.Key != "" && !slices.Contains(ks, o.Key) {
				ks = append(ks, o.Key)
			}
		}
	}
	return ks
}

// reader returns the function that reads key: the file's own (topKeys), or
// for a key a rule package declares and the file has no reader of its own
// for, the reader of its declared form (formReader).
func reader(key string) (func(*builder, string, *value) error, bool) {
	if r, ok := topKeys[key]; ok {
		return r, true
	}
	if opts := optionsOf(key); len(opts) > 0 {
		return formReader(opts[0].Kind), true
	}
	return nil, false
}

// formReader reads a value of a declared form, passes each entry to the
// key's flags (set) and records it in Config.Options. A new rule option of
// these forms needs nothing in this package.
func formReader(kind model.OptionKind) func(*builder, string, *value) error {
	return func(b *builder, key string, v *value) error {
		var vals []string
		var at []*value
		switch kind {
		case model.Bool:
			var words []string
			for _, o := range optionsOf(key) {
				if o.Word != "" {
					words = append(words, o.Word)
				}
			}
			switch {
			case v.kind == scalar && v.isString && slices.Contains(words, v.str):
				vals = []string{v.str}
			case v.kind == scalar && v.boolean != nil:
				vals = []string{strconv.FormatBool(*v.boolean)}
			default:
				want := "true or false"
				if len(words) > 0 {
					want = "true, false or " + strings.Join(words, ", ")
				}
				return b.errorf(v, key, "want %s, got %s", want, v.describe())
			}
			at = []*value{v}
		case model.String:
			if v.kind != scalar || v.boolean != nil {
				return b.errorf(v, key, "want a string, got %s", v.describe())
			}
			vals, at = []string{v.str}, []*value{v}
		case model.List:
			var err error
			if vals, at, err = b.strs(key, v); err != nil {
				return err
			}
		case model.Map:
			if v.kind != mapping {
				return b.errorf(v, key, "want a mapping, got %s", v.describe())
			}
			for i, k := range v.keys {
				if e := v.vals[i]; e.kind != scalar {
					return b.errorf(e, key+"."+k.str, "want one value, got %s", e.describe())
				}
				vals, at = append(vals, k.str+"="+v.vals[i].str), append(at, v.vals[i])
			}
		}
		for i, s := range vals {
			if err := b.set(at[i], key, s); err != nil {
				return err
			}
		}
		if b.c.Options == nil {
			b.c.Options = map[string][]string{}
		}
		b.c.Options[key] = append(b.c.Options[key], vals...)
		return nil
	}
}
