package driver

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
)

// TestCacheKeyCoversDateAndTarget: the result cache must not serve a
// result computed for another day (an unset -jpdgraphql.now is today, in
// UTC; an RFC 3339 time is the UTC day it falls on) or another GOARCH.
func TestCacheKeyCoversDateAndTarget(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": "package p\n\nimport \"unsafe\"\n\n//atlint:ignore ATL101\nconst Size = unsafe.Sizeof(uintptr(0))\n"})
	run := func(args ...string) (hits, misses int) {
		t.Helper()
		_, _, hits, misses, stderr := cacheRun(t, dir, append(args, "./...")...)
		if hits < 0 {
			t.Fatalf("no cache statistics:\n%s", stderr)
		}
		return hits, misses
	}
	if _, m := run("-jpdgraphql.now=2026-10-31"); m != 1 {
		t.Fatalf("first run: %d misses", m)
	}
	if h, _ := run("-jpdgraphql.now=2026-10-31"); h != 1 {
		t.Errorf("the same date: %d hits, want 1", h)
	}
	if h, _ := run("-jpdgraphql.now=2026-10-31T23:00:00-05:00"); h != 0 {
		t.Errorf("2026-10-31T23:00:00-05:00 (2026-11-01 in UTC) was served the entry of 2026-10-31")
	}
	if h, _ := run("-jpdgraphql.now=2026-11-01T04:00:00Z"); h != 1 {
		t.Errorf("2026-11-01T04:00:00Z and 2026-10-31T23:00:00-05:00, the same UTC day, do not share an entry")
	}
	// Unset: today's UTC date, in the key.
	run()
	if h, _ := run("-jpdgraphql.now=" + time.Now().UTC().Format(time.DateOnly)); h != 1 {
		t.Errorf("an unset -now and today's date do not share an entry: the date is not in the key")
	}

	for _, arch := range []string{"386", "amd64"} {
		if out, err := exec.Command("go", "env", "GOARCH").Output(); err == nil && strings.TrimSpace(string(out)) == arch {
			continue
		}
		t.Setenv("GOARCH", arch)
		if h, _ := run(); h != 0 {
			t.Errorf("GOARCH=%s was served the entry of another GOARCH", arch)
		}
		break
	}
	os.Unsetenv("GOARCH")
}

// TestResolveNow: the date of the run is resolved once, to a UTC day.
func TestResolveNow(t *testing.T) {
	today := time.Date(2026, 11, 27, 23, 30, 0, 0, time.FixedZone("x", -5*3600)) // 2026-11-28 in UTC
	for _, tc := range []struct{ given, want string }{
		{"", "2026-11-28"},
		{"2026-10-31", "2026-10-31"},
		{"2026-10-31T23:00:00-05:00", "2026-11-01"},
		{"2026-11-01T01:00:00+02:00", "2026-10-31"},
	} {
		suite := analyzer.New(nil)
		var given []analyzer.Setting
		if tc.given != "" {
			given = []analyzer.Setting{{Analyzer: "jpdgraphql", Flag: nowFlag, Value: tc.given}}
		}
		if err := resolveNow(suite, given, today); err != nil {
			t.Fatal(err)
		}
		if got := nowOf(suite); got != tc.want {
			t.Errorf("-now %q: the analyzer's flag is %q, want %q", tc.given, got, tc.want)
		}
	}
	if err := resolveNow(analyzer.New(nil), []analyzer.Setting{{Analyzer: "jpdgraphql", Flag: nowFlag, Value: "tomorrow"}}, today); err == nil {
		t.Error("a bad date was accepted")
	}
}

func nowOf(suite []*analysis.Analyzer) string {
	for _, a := range suite {
		if f := a.Flags.Lookup(nowFlag); f != nil {
			return f.Value.String()
		}
	}
	return "<none>"
}

// TestGoBuildIDReadsTheBuildID: the cache's salt is the executable's Go
// build ID, as go tool buildid prints it.
func TestGoBuildIDReadsTheBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skip(err)
	}
	if got, want := goBuildID(exe), strings.TrimSpace(string(out)); got != want {
		t.Errorf("goBuildID = %q, want %q", got, want)
	}
}
