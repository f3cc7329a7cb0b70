package analyzer

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/rules"
	"github.com/atlint/atlint/rules/ignores"
)

// Catalog returns every rule of the suite, in ID order: the rules each
// rule package declares in its spec (package rules lists the packages) and
// ATL001 of package ignores. The slice is shared: do not modify it.
func Catalog() []model.Rule { return catalog() }

var catalog = sync.OnceValue(func() []model.Rule {
	rs := slices.Clone(ignores.Spec.Rules)
	for _, p := range rules.All {
		rs = append(rs, p.Spec.Rules...)
	}
	slices.SortFunc(rs, func(a, b model.Rule) int { return strings.Compare(a.ID, b.ID) })
	return rs
})

// Specs returns the spec of every rule package, ignores last, as the
// suite runs them.
func Specs() []*model.Spec {
	var ss []*model.Spec
	for _, p := range rules.All {
		ss = append(ss, p.Spec)
	}
	return append(ss, ignores.Spec)
}

// RuleByID returns the rule with the given ID (case-insensitive).
func RuleByID(id string) (model.Rule, bool) {
	for _, r := range Catalog() {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return model.Rule{}, false
}

// RulesOf returns the rules the named analyzer reports.
func RulesOf(analyzer string) []model.Rule {
	if s := SpecOf(analyzer); s != nil {
		return s.Rules
	}
	return nil
}

var (
	allOnce sync.Once
	all     []*analysis.Analyzer
)

// Rules returns the package-level analyzers of every rule, in rule-ID order.
func Rules() []*analysis.Analyzer {
	rs := make([]*analysis.Analyzer, len(rules.All))
	for i, p := range rules.All {
		rs[i] = p.Analyzer
	}
	return rs
}

// All returns the whole suite: the package-level rule analyzers and an
// ignores analyzer (ATL001) that checks directives against them. It is what
// the vet tool and the command run.
func All() []*analysis.Analyzer {
	allOnce.Do(func() {
		rs := Rules()
		all = append(rs, ignores.New(rs...))
	})
	return all
}

// New returns a fresh suite: new rule analyzers with their own flags, those
// for which enabled(name) is true (all when enabled is nil), and an ignores
// analyzer bound to them. Drivers that apply settings (the golangci-lint
// plugin, the command with a config file) use it so that settings never
// leak between runs.
func New(enabled func(name string) bool) []*analysis.Analyzer {
	var as []*analysis.Analyzer
	for _, p := range rules.All {
		a := p.New()
		if enabled == nil || enabled(a.Name) {
			as = append(as, a)
		}
	}
	if enabled != nil && !enabled("ignores") {
		return as
	}
	return append(as, ignores.New(as...))
}

// A Setting is one analyzer flag: -Analyzer.Flag=Value.
type Setting struct {
	Analyzer, Flag, Value string
}

func (s Setting) String() string { return fmt.Sprintf("-%s.%s=%s", s.Analyzer, s.Flag, s.Value) }

// Configure sets flags of analyzers. Every option of a rule is a flag of its
// analyzer, so a configuration file or plugin settings reach a rule the same
// way a vet flag does. Settings for analyzers not in the list are ignored
// (the rule is disabled); an unknown flag of a listed analyzer is an error.
func Configure(analyzers []*analysis.Analyzer, settings []Setting) error {
	for _, s := range settings {
		for _, a := range analyzers {
			if a.Name != s.Analyzer {
				continue
			}
			if a.Flags.Lookup(s.Flag) == nil {
				return fmt.Errorf("analyzer %s has no flag %q (it has: %s)", a.Name, s.Flag, flagNames(a))
			}
			if err := a.Flags.Set(s.Flag, s.Value); err != nil {
				return fmt.Errorf("%s: %v", s, err)
			}
		}
	}
	return nil
}

func flagNames(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// Lookup finds a rule analyzer by analyzer name or by rule ID (ATL101).
func Lookup(nameOrID string) (*analysis.Analyzer, bool) {
	name := nameOrID
	if r, ok := RuleByID(nameOrID); ok {
		name = r.Analyzer
	}
	for _, a := range All() {
		if strings.EqualFold(a.Name, name) {
			return a, true
		}
	}
	return nil, false
}

// Help returns the documentation of a rule: its IDs, titles, severities,
// doc text and flags.
func Help(nameOrID string) (string, error) {
	a, ok := Lookup(nameOrID)
	if !ok {
		return "", fmt.Errorf("unknown rule %q: run 'atlint help' for the list", nameOrID)
	}
	var b strings.Builder
	for _, r := range RulesOf(a.Name) {
		fmt.Fprintf(&b, "%s %s (%s, analyzer %s)\n", r.ID, r.Title, r.Severity, a.Name)
	}
	fmt.Fprintf(&b, "\n%s\n", a.Doc)
	var flags []string
	a.Flags.VisitAll(func(f *flag.Flag) {
		flags = append(flags, fmt.Sprintf("  -%s.%s\n    \t%s (default %q)", a.Name, f.Name, f.Usage, f.DefValue))
	})
	if len(flags) > 0 {
		fmt.Fprintf(&b, "\nFlags:\n%s\n", strings.Join(flags, "\n"))
	}
	fmt.Fprintf(&b, "\nMore: %s\n", a.URL)
	return b.String(), nil
}

// RulesTable returns the README's rules table (Markdown) made of the
// catalog: a row a rule with its page, analyzer, default and summary. A
// test in cmd/atlint fails when README.md's table differs; refresh it with
// go generate ./analyzer.
//
//go:generate go run ../internal/gen/rulestable -w ../README.md
func RulesTable() string {
	var b strings.Builder
	b.WriteString("| ID | analyzer | default | what it finds |\n|---|---|---|---|\n")
	for _, r := range Catalog() {
		def := "**off**"
		if r.Default {
			def = "on"
			if r.Silent != "" {
				def += " (" + r.Silent + ")"
			}
		}
		fmt.Fprintf(&b, "| [%s](docs/rules/%s.md) | `%s` | %s, %s | %s |\n", r.ID, r.ID, r.Analyzer, def, r.Severity, r.Summary)
	}
	return b.String()
}

// SpecOf returns the spec of the named analyzer, or nil.
func SpecOf(analyzer string) *model.Spec {
	for _, s := range Specs() {
		if s.Analyzer == analyzer {
			return s
		}
	}
	return nil
}
