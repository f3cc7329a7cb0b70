package analyzer_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
)

func TestSuiteIsValid(t *testing.T) {
	if err := analysis.Validate(analyzer.All()); err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(analyzer.New(nil)); err != nil {
		t.Fatal(err)
	}
}

// Every rule of the catalog has an analyzer in the suite, and every
// analyzer of the suite reports catalogued rules, has a doc and a URL; the
// catalog is what the specs declare, complete, in ID order and without
// duplicates, and analyzer.Catalog() (the drivers' view) is the same.
func TestCatalogMatchesSuite(t *testing.T) {
	names := map[string]*analysis.Analyzer{}
	for _, a := range analyzer.All() {
		names[a.Name] = a
		rs := analyzer.RulesOf(a.Name)
		if len(rs) == 0 {
			t.Errorf("analyzer %s reports no catalogued rule", a.Name)
			continue
		}
		if a.Doc == "" || a.URL != model.DocURL(rs[0].ID) {
			t.Errorf("analyzer %s lacks a Doc, or its URL %s is not its first rule's page", a.Name, a.URL)
		}
		if a.ResultType != model.ReportedType {
			t.Errorf("analyzer %s: ResultType %v, want model.ReportedType (ATL001 needs it)", a.Name, a.ResultType)
		}
		if !a.RunDespiteErrors {
			t.Errorf("analyzer %s does not run on packages with type errors", a.Name)
		}
	}
	catalog := analyzer.Catalog()
	if len(catalog) < 11 {
		t.Fatalf("catalog has %d rules, want the 11 of 2026-11 at least", len(catalog))
	}
	for i, r := range catalog {
		if names[r.Analyzer] == nil {
			t.Errorf("rule %s names analyzer %s, which is not in the suite", r.ID, r.Analyzer)
		}
		if i > 0 && r.ID <= catalog[i-1].ID {
			t.Errorf("catalog out of order or duplicated at %s", r.ID)
		}
		if r.Title == "" || r.Severity == "" || r.Summary == "" {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
		if got, ok := analyzer.RuleByID(strings.ToLower(r.ID)); !ok || got.ID != r.ID {
			t.Errorf("RuleByID(%s) = %v, %v", r.ID, got, ok)
		}
	}
	if diff := cmp.Diff(catalog, analyzer.Catalog(), cmpopts.IgnoreFields(model.Rule{}, "Summary", "Silent")); diff != "" {
		t.Errorf("analyzer.Catalog() differs from the catalog (-catalog +analyzer.Catalog()):\n%s", diff)
	}
	if _, ok := analyzer.RuleByID("ATL999"); ok {
		t.Error("RuleByID(ATL999) found a rule")
	}
}

func TestNewIsFreshAndFiltered(t *testing.T) {
	a := analyzer.New(nil)
	b := analyzer.New(func(name string) bool { return name == "credentials" || name == "ignores" })
	if len(b) != 2 || b[0].Name != "credentials" || b[1].Name != "ignores" {
		t.Fatalf("New(credentials only) = %v, want credentials and ignores", b)
	}
	if b[0] == a[0] || b[0] == analyzer.All()[0] {
		t.Error("New returned a shared analyzer")
	}
	if err := analyzer.Configure(b, []analyzer.Setting{{Analyzer: "credentials", Flag: "tests", Value: "false"}}); err != nil {
		t.Fatal(err)
	}
	if got := b[0].Flags.Lookup("tests").Value.String(); got != "false" {
		t.Errorf("configured flag = %s, want false", got)
	}
	for _, x := range append(a, analyzer.All()...) {
		if x.Name == "credentials" && x.Flags.Lookup("tests").Value.String() != "true" {
			t.Error("a setting leaked into another suite")
		}
	}
	none := analyzer.New(func(string) bool { return false })
	if len(none) != 0 {
		t.Errorf("New(nothing) = %v, want none", none)
	}
}

func TestConfigureErrors(t *testing.T) {
	as := analyzer.New(nil)
	err := analyzer.Configure(as, []analyzer.Setting{{Analyzer: "credentials", Flag: "nosuch", Value: "1"}})
	if err == nil || !strings.Contains(err.Error(), `no flag "nosuch"`) || !strings.Contains(err.Error(), "tests") {
		t.Errorf("unknown flag: err = %v, want one naming the flag and listing the known ones", err)
	}
	err = analyzer.Configure(as, []analyzer.Setting{{Analyzer: "credentials", Flag: "tests", Value: "maybe"}})
	if err == nil {
		t.Error("bad bool value accepted")
	}
	// Settings of an analyzer that is not in the run are ignored.
	if err := analyzer.Configure(as[:1], []analyzer.Setting{{Analyzer: "scopedurl", Flag: "nosuch", Value: "x"}}); err != nil {
		t.Errorf("setting for an absent analyzer: %v", err)
	}
}

func TestHelpAndLookup(t *testing.T) {
	for _, r := range analyzer.Catalog() {
		a, ok := analyzer.Lookup(strings.ToLower(r.ID))
		if !ok || a.Name != r.Analyzer {
			t.Errorf("Lookup(%s) = %v, %v", r.ID, a, ok)
			continue
		}
		h, err := analyzer.Help(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(h, r.ID+" "+r.Title) || !strings.Contains(h, a.URL) {
			t.Errorf("Help(%s) lacks the rule line or URL:\n%s", r.ID, h)
		}
	}
	h, _ := analyzer.Help("credentials")
	if !strings.Contains(h, "-credentials.tests") {
		t.Errorf("Help(credentials) does not list its flags:\n%s", h)
	}
	if _, err := analyzer.Help("ATL999"); err == nil {
		t.Error("Help(ATL999) succeeded")
	}
}
