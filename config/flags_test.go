package config

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/analyzer"
)

// The file accepts what the rules' flags accept: these values were
// rejected by the configuration's own copies of the flags' patterns
// (issue 13).
func TestAcceptsWhatTheFlagsAccept(t *testing.T) {
	for _, tc := range []struct {
		src     string
		setting analyzer.Setting // one of the settings it must produce
	}{
		// readonlytoken's doc and flag: pkg.Name where pkg may be an
		// import path.
		{"read-only-tokens: [example.com/app/config.ReadOnlyToken]\n",
			analyzer.Setting{Analyzer: "readonlytoken", Flag: "source", Value: "example.com/app/config.ReadOnlyToken"}},
		// scopedurl's flag takes any Atlassian Cloud site host, legacy
		// jira.com sites included.
		{"cloud-ids: {legacy.jira.com: 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1}\n",
			analyzer.Setting{Analyzer: "scopedurl", Flag: "cloudid", Value: "legacy.jira.com=1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"}},
	} {
		c, err := Parse([]byte(tc.src), ".atlint.yml")
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.src, err)
			continue
		}
		found := false
		for _, s := range c.Settings() {
			found = found || s == tc.setting
		}
		if !found {
			t.Errorf("Parse(%q).Settings() = %v, want it to hold %v", tc.src, c.Settings(), tc.setting)
		}
		if err := analyzer.Configure(analyzer.New(nil), c.Settings()); err != nil {
			t.Errorf("Parse(%q): the rules reject its settings: %v", tc.src, err)
		}
	}
}

// Whatever a flag rejects, the file rejects, with the flag's own message
// at the value's place.
func TestFlagErrorsAtTheirPlace(t *testing.T) {
	as := analyzer.New(nil)
	flagErr := func(analyzerName, flagName, value string) string {
		for _, a := range as {
			if a.Name == analyzerName {
				if err := a.Flags.Set(flagName, value); err != nil {
					return err.Error()
				}
				t.Fatalf("-%s.%s=%s is accepted", analyzerName, flagName, value)
			}
		}
		t.Fatalf("no analyzer %s", analyzerName)
		return ""
	}
	for _, tc := range []struct {
		src, pos, key, msg string
	}{
		{"read-only-tokens: [JIRA_RO_TOKEN, 'a b']\n", "1:35", "read-only-tokens", flagErr("readonlytoken", "source", "a b")},
		{"token-scopes:\n  - read:jira-work\n  - write:everything\n", "3:5", "token-scopes", flagErr("tokenscopes", "token-scopes", "write:everything")},
		{"now: 2026-02-30\n", "1:6", "now", flagErr("jpdgraphql", "now", "2026-02-30")},
		{"cloud-ids:\n  mysite: 1234\n", "2:11", "cloud-ids.mysite", flagErr("scopedurl", "cloudid", "mysite=1234")},
		{"cloud-ids:\n  my_site: 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1\n", "2:3", "cloud-ids.my_site", flagErr("scopedurl", "cloudid", "my_site=1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1")},
	} {
		_, err := Parse([]byte(tc.src), ".atlint.yml")
		want := ".atlint.yml:" + tc.pos + ": " + tc.key + ": " + tc.msg
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) error:\n got  %v\n want %s", tc.src, err, want)
		}
	}
	if t.Failed() {
		return
	}
	// The messages name what is wrong.
	if _, err := Parse([]byte("cloud-ids:\n  mysite: 1234\n"), "x.yml"); !strings.Contains(err.Error(), `"1234" is not a UUID`) {
		t.Errorf("error = %v", err)
	}
}

// The configuration records what the flags understood: the canonical site
// host of a cloud ID, and each scope of a comma-separated entry (the
// flag's syntax), so that ATL302 gets its JPD scopes however they are
// written.
func TestRecordsWhatTheFlagsUnderstood(t *testing.T) {
	c, err := Parse([]byte(`cloud-ids:
  https://MySite.atlassian.net/: 1B6A3C1E-6A0F-4C39-9D64-43A4E3F2B8A1
  legacy.jira.com: 2c7b4d2f-7b1a-4d4a-8e75-54b5f4a3c9b2
token-scopes: ["read:jira-work, read:view:jira-product-discovery", read:jira-work]
`), "x.yml")
	if err != nil {
		t.Fatal(err)
	}
	want := []analyzer.Setting{
		{Analyzer: "scopedurl", Flag: "cloudid", Value: "legacy.jira.com=2c7b4d2f-7b1a-4d4a-8e75-54b5f4a3c9b2"},
		{Analyzer: "scopedurl", Flag: "cloudid", Value: "mysite.atlassian.net=1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1"},
		{Analyzer: "tokenscopes", Flag: "token-scopes", Value: "read:jira-work,read:view:jira-product-discovery"},
		{Analyzer: "jpdgraphql", Flag: "token-scopes", Value: "read:view:jira-product-discovery"},
	}
	if diff := cmp.Diff(want, c.Settings()); diff != "" {
		t.Errorf("Settings (-want +got):\n%s", diff)
	}
	if err := analyzer.Configure(analyzer.New(nil), c.Settings()); err != nil {
		t.Error(err)
	}
	// The same site written two ways is one site.
	_, err = Parse([]byte("cloud-ids:\n  legacy.jira.com: 2c7b4d2f-7b1a-4d4a-8e75-54b5f4a3c9b2\n  https://legacy.jira.com: 2c7b4d2f-7b1a-4d4a-8e75-54b5f4a3c9b2\n"), "x.yml")
	if err == nil || !strings.Contains(err.Error(), "x.yml:3:3: cloud-ids.https://legacy.jira.com: site legacy.jira.com is given twice") {
		t.Errorf("duplicate site: err = %v", err)
	}
	// Shapes stay the file's business: a cloud ID is one value.
	_, err = Parse([]byte("cloud-ids:\n  mysite: [a]\n"), "x.yml")
	if err == nil || !strings.Contains(err.Error(), "x.yml:2:11: cloud-ids.mysite: want a cloud ID (a UUID), got a list") {
		t.Errorf("list as a cloud ID: err = %v", err)
	}
}

// A large file stays quick although every value goes through a flag:
// one scratch suite for the file, a fresh scopedurl analyzer per site.
func TestManyOptionsAreQuick(t *testing.T) {
	var b strings.Builder
	b.WriteString("cloud-ids:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  site%d: 1b6a3c1e-6a0f-4c39-9d64-%012d\n", i, i)
	}
	b.WriteString("read-only-tokens:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  - cfg.Token%d\n", i)
	}
	t0 := time.Now()
	c, err := Parse([]byte(b.String()), "x.yml")
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d > 2*time.Second {
		t.Errorf("Parse took %v", d)
	}
	if len(c.CloudIDs) != 1000 || len(c.Options["read-only-tokens"]) != 1000 {
		t.Errorf("%d sites, %d sources", len(c.CloudIDs), len(c.Options["read-only-tokens"]))
	}
}
