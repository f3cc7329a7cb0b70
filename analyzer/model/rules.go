package model

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Severity is how serious a rule's findings are by default.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// A Rule is one stable rule ID. An analyzer may report several IDs
// (jpdgraphql reports ATL301 and ATL302). Each rule package declares its
// rules in its [Spec].
type Rule struct {
	ID       string   // stable ID, e.g. "ATL101"
	Analyzer string   // name of the analyzer that reports it (the vet flag); Declare fills it
	Title    string   // short description, lower case
	Severity Severity // default severity
	Default  bool     // enabled by default

	// Summary is the README rules-table text (Markdown): what the rule
	// finds, and the fix when it is short.
	Summary string
	// Silent, for a rule enabled by default that reports nothing until it
	// is configured, says until when (Markdown): "silent until
	// `token-scopes` is set".
	Silent string
}

// An Option is one flag of a rule's analyzer with the key that sets it in
// .atlint.yml and in golangci-lint's settings. The flag is the option's
// only validator: the configuration passes its values to the flag.
type Option struct {
	Flag string // the analyzer flag, e.g. "cloudid" (-scopedurl.cloudid)
	// Key is the setting, e.g. "cloud-ids". Several analyzers may share a
	// key (token-scopes), and one key may set several flags of one
	// analyzer (collect-tokens). Empty for a flag the driver sets itself
	// (scopedurl's hint), which has no setting.
	Key string
	// Kind is the form of the key's value; every option of a key has the
	// same kind.
	Kind OptionKind
	// Only, for a List, picks the entries this flag takes (nil: all):
	// jpdgraphql takes the Jira Product Discovery scopes of token-scopes.
	Only func(string) bool
	// Word, for a Bool, is a word the key may hold instead of true or
	// false, which sets this flag to true (collect-tokens: auto sets
	// -tokencollect.auto); the key's other options are then left alone.
	Word string
	// Example is a value the flag accepts, in its syntax (KEY=VALUE for a
	// Map), for tests and documentation.
	Example string
}

// OptionKind is the form of a setting's value.
type OptionKind int

const (
	Bool   OptionKind = iota // true or false, or an option's Word
	String                   // one string
	List                     // a string or a list of strings; the flag takes them comma-separated
	Map                      // a mapping of strings; the flag takes KEY=VALUE pairs comma-separated
)

// A Spec is what a rule package declares about its analyzer, next to it
// (rules/NAME/rule.go), as staticcheck keeps each check's ID, title and
// severity with its analyzer: the rules it reports, its documentation and
// the settings of its flags. The suite's catalog, atlint help, SARIF rule
// metadata, the configuration keys and the README rules table are made of
// the specs.
type Spec struct {
	Analyzer string   // the analyzer's name
	Doc      string   // the text of the package's doc.go (its "# Analyzer NAME" section is the analyzer's Doc)
	Rules    []Rule   // the rules it reports, in ID order; the first names its URL
	Options  []Option // its flags and their settings
}

// Declare checks a rule package's spec and fills each rule's Analyzer. It
// panics on a malformed spec: a rule package that declares itself wrongly
// does not build its tests.
func Declare(s Spec) *Spec {
	if s.Analyzer == "" || len(s.Rules) == 0 {
		panic(fmt.Sprintf("model.Declare(%q): a spec needs an analyzer name and a rule", s.Analyzer))
	}
	MustExtractDoc(s.Doc, s.Analyzer)
	rules := make([]Rule, len(s.Rules))
	for i, r := range s.Rules {
		if !ruleIDRe.MatchString(r.ID) || r.Title == "" || r.Severity == "" || r.Summary == "" {
			panic(fmt.Sprintf("model.Declare(%q): rule %q needs an ATLnnn ID, a title, a severity and a summary", s.Analyzer, r.ID))
		}
		if i > 0 && r.ID <= rules[i-1].ID {
			panic(fmt.Sprintf("model.Declare(%q): rules out of ID order at %s", s.Analyzer, r.ID))
		}
		r.Analyzer = s.Analyzer
		rules[i] = r
	}
	s.Rules = rules
	return &s
}

// IDs returns the rule IDs of the spec.
func (s *Spec) IDs() []string {
	ids := make([]string, len(s.Rules))
	for i, r := range s.Rules {
		ids[i] = r.ID
	}
	return ids
}

// NewAnalyzer returns a fresh analyzer with the Run function run, as every
// rule has it: named by the spec, documented by its doc.go section, linked
// to its first rule's page, requiring [Analyzer], run on packages with type
// errors and returning a [*Reported]. The caller adds its flags.
func (s *Spec) NewAnalyzer(run func(*analysis.Pass) (any, error)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Run:              run,
		Name:             s.Analyzer,
		Doc:              MustExtractDoc(s.Doc, s.Analyzer),
		URL:              DocURL(s.Rules[0].ID),
		Requires:         []*analysis.Analyzer{Analyzer},
		RunDespiteErrors: true,
		ResultType:       ReportedType,
	}
}

// DocURL is the documentation address of a rule: its page docs/rules/ATLnnn.md
// in the repository (a test checks that every rule has one).
func DocURL(id string) string {
	return "https://github.com/atlint/atlint/blob/main/docs/rules/" + strings.ToUpper(id) + ".md"
}
