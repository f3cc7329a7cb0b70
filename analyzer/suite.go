package analyzer

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/rules/apppassword"
	"github.com/atlint/atlint/rules/credentials"
	"github.com/atlint/atlint/rules/deprecatedapi"
	"github.com/atlint/atlint/rules/ignores"
	"github.com/atlint/atlint/rules/jpdgraphql"
	"github.com/atlint/atlint/rules/readonlytoken"
	"github.com/atlint/atlint/rules/scopedurl"
	"github.com/atlint/atlint/rules/tokencollect"
	"github.com/atlint/atlint/rules/tokenscopes"
)

// A rule package: its package-level analyzer and its constructor.
type entry struct {
	analyzer *analysis.Analyzer
	new      func() *analysis.Analyzer
}

// registry lists every rule package, in rule-ID order. The stale-directive
// check (ATL001, package ignores) is added by the functions below.
var registry = []entry{
	// rules: one line per rule package, e.g. {credentials.Analyzer, credentials.New},
	{credentials.Analyzer, credentials.New},
	{apppassword.Analyzer, apppassword.New},
	{scopedurl.Analyzer, scopedurl.New},
	{tokenscopes.Analyzer, tokenscopes.New},
	{deprecatedapi.Analyzer, deprecatedapi.New},
	{jpdgraphql.Analyzer, jpdgraphql.New},
	{tokencollect.Analyzer, tokencollect.New},
	{readonlytoken.Analyzer, readonlytoken.New},
}

var (
	allOnce sync.Once
	all     []*analysis.Analyzer
)

// Rules returns the package-level analyzers of every rule, in rule-ID order.
func Rules() []*analysis.Analyzer {
	rs := make([]*analysis.Analyzer, len(registry))
	for i, e := range registry {
		rs[i] = e.analyzer
	}
	return rs
}

// All returns the whole suite: the package-level rule analyzers and an
// ignores analyzer (ATL001) that checks directives against them. It is what
// the vet tool and the command run.
func All() []*analysis.Analyzer {
	allOnce.Do(func() {
		rules := Rules()
		all = append(rules, ignores.New(rules...))
	})
	return all
}

// New returns a fresh suite: new rule analyzers with their own flags, those
// for which enabled(name) is true (all when enabled is nil), and an ignores
// analyzer bound to them. Drivers that apply settings (the golangci-lint
// plugin, the command with a config file) use it so that settings never
// leak between runs.
func New(enabled func(name string) bool) []*analysis.Analyzer {
	var rules []*analysis.Analyzer
	for _, e := range registry {
		a := e.new()
		if enabled == nil || enabled(a.Name) {
			rules = append(rules, a)
		}
	}
	if enabled != nil && !enabled("ignores") {
		return rules
	}
	return append(rules, ignores.New(rules...))
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
	if r, ok := model.RuleByID(nameOrID); ok {
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
	for _, r := range model.RulesOf(a.Name) {
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
