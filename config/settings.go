package config

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian"
)

// The analyzer flags the options become. They are the rules' own flags
// (see each rule's New); TestSettingsAccepted keeps the two in step.
const (
	flagTests          = "tests"        // credentials
	flagCloudID        = "cloudid"      // scopedurl, repeatable: site=uuid
	flagTokenScopes    = "token-scopes" // jpdgraphql (JPD scopes) and tokenscopes, comma-separated
	flagNow            = "now"          // jpdgraphql, YYYY-MM-DD
	flagReadOnlyTokens = "source"       // readonlytoken, repeatable
	flagCollect        = "enable"       // tokencollect
	flagCollectAuto    = "auto"         // tokencollect: apps and plugins only
)

// Settings returns the rule options of c as analyzer flags, in a stable
// order. A repeatable flag (scopedurl.cloudid) gets one Setting per entry.
// Apply them with analyzer.Configure before the command-line flags, so
// flags override the file.
func (c *Config) Settings() []analyzer.Setting {
	if c == nil {
		return nil
	}
	var ss []analyzer.Setting
	if c.Tests != nil {
		ss = append(ss, analyzer.Setting{Analyzer: "credentials", Flag: flagTests, Value: strconv.FormatBool(*c.Tests)})
	}
	sites := make([]string, 0, len(c.CloudIDs))
	for s := range c.CloudIDs {
		sites = append(sites, s)
	}
	sort.Strings(sites)
	for _, s := range sites {
		ss = append(ss, analyzer.Setting{Analyzer: "scopedurl", Flag: flagCloudID, Value: s + "=" + c.CloudIDs[s]})
	}
	if len(c.TokenScopes) > 0 {
		// One setting for both rules: ATL302 takes the JPD GraphQL
		// scopes, ATL202 all of them.
		var jpd []string
		for _, s := range c.TokenScopes {
			if atlassian.IsJPDScope(s) {
				jpd = append(jpd, s)
			}
		}
		if len(jpd) > 0 {
			ss = append(ss, analyzer.Setting{Analyzer: "jpdgraphql", Flag: flagTokenScopes, Value: strings.Join(jpd, ",")})
		}
		ss = append(ss, analyzer.Setting{Analyzer: "tokenscopes", Flag: flagTokenScopes, Value: strings.Join(c.TokenScopes, ",")})
	}
	if c.Now != "" {
		ss = append(ss, analyzer.Setting{Analyzer: "jpdgraphql", Flag: flagNow, Value: c.Now})
	}
	for _, src := range c.ReadOnlyTokens {
		ss = append(ss, analyzer.Setting{Analyzer: "readonlytoken", Flag: flagReadOnlyTokens, Value: src})
	}
	// ATL401 reports only with its enable flag set: enabling the rule in
	// the file (enable: [ATL401] or collect-tokens: true) sets it.
	if c.CollectTokens != nil || c.mentions("ATL401") {
		ss = append(ss, analyzer.Setting{Analyzer: "tokencollect", Flag: flagCollect, Value: strconv.FormatBool(c.RuleEnabled("ATL401") && !c.CollectTokensAuto)})
	}
	// collect-tokens: auto reports only in packages that are clearly apps
	// or plugins (the analyzer decides which).
	if c.CollectTokensAuto {
		ss = append(ss, analyzer.Setting{Analyzer: "tokencollect", Flag: flagCollectAuto, Value: "true"})
	}
	return ss
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
	r, ok := model.RuleByID(ruleID)
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
	if r.Analyzer == "tokencollect" && c.CollectTokensAuto {
		return true // the analyzer limits itself to apps and plugins
	}
	if r.Analyzer == "tokencollect" && c.CollectTokens != nil {
		return *c.CollectTokens
	}
	return r.Default
}

// Enabled reports whether the named analyzer should run: when one of its
// rules is enabled (see RuleEnabled). Analyzers that report no rule (the
// shared model) always run. It fits analyzer.New.
func (c *Config) Enabled(analyzerName string) bool {
	rules := model.RulesOf(analyzerName)
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
	r, ok := model.RuleByID(ruleID)
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
