package config

import (
	"flag"
	"testing"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
)

// The keys of the rules' options are the rule packages' own: every flag of
// every rule analyzer is a declared option (with a key, or set by the
// driver), every declared option names a flag of its analyzer, the options
// of one key agree on their form, the file reads exactly the declared keys
// (and its own enable, disable, severity and exclude), and a value of each
// key reaches every flag declared for it.
func TestEveryFlagHasAKey(t *testing.T) {
	kinds := map[string]model.OptionKind{}
	reach := map[analyzer.Setting]bool{} // Value unset: analyzer and flag
	for _, a := range analyzer.New(nil) {
		declared := map[string]bool{}
		for _, o := range analyzer.Specs()[indexOf(t, a.Name)].Options {
			f := a.Flags.Lookup(o.Flag)
			if f == nil {
				t.Errorf("%s declares an option for -%s.%s, which is not a flag", a.Name, a.Name, o.Flag)
				continue
			}
			declared[o.Flag] = true
			if o.Key == "" {
				continue
			}
			if k, ok := kinds[o.Key]; ok && k != o.Kind {
				t.Errorf("options of %s disagree on its form", o.Key)
			}
			kinds[o.Key] = o.Kind
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); (o.Kind == model.Bool) != (ok && b.IsBoolFlag()) {
				t.Errorf("-%s.%s: declared form %d, but the flag is boolean: %v", a.Name, o.Flag, o.Kind, ok && b.IsBoolFlag())
			}
			if topKeys[o.Key] == nil {
				t.Errorf("-%s.%s: the file does not read its key %s", a.Name, o.Flag, o.Key)
			}
			reach[analyzer.Setting{Analyzer: a.Name, Flag: o.Flag}] = false
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if !declared[f.Name] {
				t.Errorf("-%s.%s has no declared option (add it to the Options of %s's spec)", a.Name, f.Name, a.Name)
			}
		})
	}
	for k := range topKeys {
		if _, ok := kinds[k]; !ok && k != "enable" && k != "disable" && k != "severity" && k != "exclude" {
			t.Errorf("the file reads %s, which no rule declares", k)
		}
	}
	// A value of each key, in the file's form, sets every flag declared
	// for the key.
	samples := map[string]string{
		keyTests:          "tests: false",
		keyCloudIDs:       "cloud-ids: {mysite: 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1}",
		keyTokenScopes:    "token-scopes: [read:jira-work, read:view:jira-product-discovery]",
		keyNow:            "now: 2026-11-01",
		keyReadOnlyTokens: "read-only-tokens: [JIRA_RO_TOKEN]",
		keyCollectTokens:  "collect-tokens: true",
	}
	for key := range kinds {
		src, ok := samples[key]
		if !ok {
			t.Errorf("no sample value of %s in this test", key)
			continue
		}
		for _, src := range []string{src, src[:len(key)+2] + "auto"} {
			c, err := Parse([]byte(src+"\n"), "x.yml")
			if err != nil {
				continue // auto is a word of collect-tokens only
			}
			for _, s := range c.Settings() {
				reach[analyzer.Setting{Analyzer: s.Analyzer, Flag: s.Flag}] = true
			}
		}
	}
	for s, ok := range reach {
		if !ok {
			t.Errorf("no value of its key sets -%s.%s", s.Analyzer, s.Flag)
		}
	}
	if len(reach) < 8 {
		t.Errorf("only %d flags have a key, want the 8 of 2026-11 at least", len(reach))
	}
}

func indexOf(t *testing.T, name string) int {
	t.Helper()
	for i, s := range analyzer.Specs() {
		if s.Analyzer == name {
			return i
		}
	}
	t.Fatalf("no spec for analyzer %s", name)
	return -1
}
