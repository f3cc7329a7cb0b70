package config

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
)

// yamlOf writes the declared example of o as the file writes a value of
// its key.
func yamlOf(o model.Option) string {
	q := strconv.Quote
	switch o.Kind {
	case model.String:
		return o.Key + ": " + q(o.Example)
	case model.List:
		return o.Key + ": [" + q(o.Example) + "]"
	case model.Map:
		k, v, _ := strings.Cut(o.Example, "=")
		return o.Key + ": {" + q(k) + ": " + q(v) + "}"
	}
	return o.Key + ": " + o.Example
}

// The keys of the rules' options are the rule packages' own: every flag of
// every rule analyzer is a declared option (with a key, or set by the
// driver), every declared option names a flag of its analyzer and has an
// example the flag accepts, the options of one key agree on their form,
// the file reads every declared key and no other option key, and the
// example of each option, written in the file, sets its flag.
func TestEveryFlagHasAKey(t *testing.T) {
	kinds := map[string]model.OptionKind{}
	n := 0
	for _, a := range analyzer.New(nil) {
		declared := map[string]bool{}
		for _, o := range analyzer.SpecOf(a.Name).Options {
			f := a.Flags.Lookup(o.Flag)
			if f == nil {
				t.Errorf("%s declares an option for -%s.%s, which is not a flag", a.Name, a.Name, o.Flag)
				continue
			}
			declared[o.Flag] = true
			if o.Key == "" {
				continue
			}
			n++
			if k, ok := kinds[o.Key]; ok && k != o.Kind {
				t.Errorf("options of %s disagree on its form", o.Key)
			}
			kinds[o.Key] = o.Kind
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); (o.Kind == model.Bool) != (ok && b.IsBoolFlag()) {
				t.Errorf("-%s.%s: declared form %d, but the flag is boolean: %v", a.Name, o.Flag, o.Kind, ok && b.IsBoolFlag())
			}
			src := yamlOf(o)
			c, err := Parse([]byte(src+"\n"), "x.yml")
			if err != nil {
				t.Errorf("-%s.%s: its example %s: %v", a.Name, o.Flag, src, err)
				continue
			}
			set := false
			for _, s := range c.Settings() {
				set = set || s.Analyzer == a.Name && s.Flag == o.Flag
			}
			if !set {
				t.Errorf("-%s.%s: its example %s sets no value for it: %v", a.Name, o.Flag, src, c.Settings())
			}
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
	if n < 8 {
		t.Errorf("only %d flags have a key, want the 8 of 2026-11 at least", n)
	}
}

// listFlag is a flag that takes comma-separated values and keeps them all.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, x := range strings.Split(v, ",") {
		if x == "bad" || strings.HasSuffix(x, "=bad") {
			return fmt.Errorf("%q is bad", x)
		}
		*l = append(*l, x)
	}
	return nil
}

// A rule option whose key the file has no reader of its own for is read
// in its declared form: a new rule's settings need nothing here.
func TestDeclaredForms(t *testing.T) {
	fake := func() *analysis.Analyzer {
		a := &analysis.Analyzer{Name: "fake", Doc: "fake", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		a.Flags.Bool("on", false, "")
		a.Flags.Bool("lazy", false, "")
		a.Flags.String("name", "", "")
		a.Flags.Var(&listFlag{}, "item", "")
		a.Flags.Var(&listFlag{}, "pair", "")
		return a
	}
	spec := &model.Spec{Analyzer: "fake", Options: []model.Option{
		{Flag: "on", Key: "fake-on", Kind: model.Bool},
		{Flag: "lazy", Key: "fake-on", Kind: model.Bool, Word: "lazily"},
		{Flag: "name", Key: "fake-name", Kind: model.String},
		{Flag: "item", Key: "fake-items", Kind: model.List},
		{Flag: "pair", Key: "fake-pairs", Kind: model.Map},
	}}
	oldSpecs, oldSuite := specs, newSuite
	t.Cleanup(func() { specs, newSuite = oldSpecs, oldSuite })
	specs = func() []*model.Spec { return append(oldSpecs(), spec) }
	newSuite = func() []*analysis.Analyzer { return append(oldSuite(), fake()) }

	c, err := Parse([]byte("fake-on: true\nfake-name: x\nfake-items: [a, b]\nfake-pairs: {k: v, l: w}\n"), "x.yml")
	if err != nil {
		t.Fatal(err)
	}
	want := []analyzer.Setting{
		{Analyzer: "fake", Flag: "item", Value: "a,b"},
		{Analyzer: "fake", Flag: "name", Value: "x"},
		{Analyzer: "fake", Flag: "on", Value: "true"},
		{Analyzer: "fake", Flag: "pair", Value: "k=v,l=w"},
	}
	if diff := cmp.Diff(want, c.Settings()); diff != "" {
		t.Errorf("Settings (-want +got):\n%s", diff)
	}
	if err := analyzer.Configure([]*analysis.Analyzer{fake()}, c.Settings()); err != nil {
		t.Error(err)
	}
	c, err = Parse([]byte("fake-on: lazily\n"), "x.yml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]analyzer.Setting{{Analyzer: "fake", Flag: "lazy", Value: "true"}}, c.Settings()); diff != "" {
		t.Errorf("the word (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ src, want string }{
		{"fake-on: maybe\n", "x.yml:1:10: fake-on: want true, false or lazily, got a string"},
		{"fake-name: [x]\n", "x.yml:1:12: fake-name: want a string, got a list"},
		{"fake-items: [a, bad]\n", `x.yml:1:17: fake-items: "bad" is bad`},
		{"fake-pairs:\n  k: bad\n", `x.yml:2:6: fake-pairs: "k=bad" is bad`},
		{"fake_name: x\n", `x.yml:1:1: fake_name: unknown key (did you mean "fake-name"? keys are kebab-case)`},
	} {
		_, err := Parse([]byte(tc.src), "x.yml")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %s", tc.src, err, tc.want)
		}
	}
}
