package driver

import (
	"runtime/debug"
	"testing"
)

func TestVersion(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	platform := settings("GOOS", "linux", "GOARCH", "amd64")
	for _, tc := range []struct {
		name          string
		bi            *debug.BuildInfo
		version, line string
	}{
		{"no build information", nil, "devel", "atlint devel (no build information)"},
		{"go install ...@v0.1.0",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.1.0"}, Settings: platform},
			"v0.1.0", "atlint v0.1.0 (go1.26.8 linux/amd64)"},
		{"go build in a tagged, edited checkout (pseudo-version and VCS stamp)",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.1.1-0.20261127140000-1a2b3c4d5e6f+dirty"},
				Settings: append(settings("vcs.revision", "1a2b3c4d5e6f7a8b9c0d", "vcs.time", "2026-11-27T14:00:00Z", "vcs.modified", "true"), platform...)},
			"v0.1.1-0.20261127140000-1a2b3c4d5e6f+dirty", "atlint v0.1.1-0.20261127140000-1a2b3c4d5e6f+dirty (commit 2026-11-27T14:00:00Z; go1.26.8 linux/amd64)"},
		{"revision without a module version",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
				Settings: settings("vcs.revision", "1a2b3c4d5e6f7a8b9c0d", "vcs.modified", "false")},
			"devel 1a2b3c4d5e6f", "atlint devel 1a2b3c4d5e6f (go1.26.8)"},
		{"edited checkout without a module version",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: settings("vcs.revision", "abc", "vcs.modified", "true")},
			"devel abc+dirty", "atlint devel abc+dirty"},
		{"-buildvcs=false",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: platform},
			"devel", "atlint devel (no version: built from source with -buildvcs=false or outside a git checkout; go1.26.8 linux/amd64)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionOf(tc.bi); got != tc.version {
				t.Errorf("versionOf = %q, want %q", got, tc.version)
			}
			if got := versionLine(tc.bi); got != tc.line {
				t.Errorf("versionLine = %q, want %q", got, tc.line)
			}
		})
	}
}
