package atltest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// recorder is a TB that keeps the errors.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

var nop = &analysis.Analyzer{Name: "nop", Doc: "does nothing", Run: func(*analysis.Pass) (any, error) { return nil, nil }, RunDespiteErrors: true}

// Run fails on what analysistest lets through when its errors go to a
// quiet Testing: a misspelled scenario, a parse error, a type error
// nobody asked for, a "broken" fixture that is not broken.
func TestRunIsStrict(t *testing.T) {
	dir := t.TempDir()
	WriteFile(t, filepath.Join(dir, "src", "good", "a.go"), "package good\n\nvar X = 1\n")
	WriteFile(t, filepath.Join(dir, "src", "typeerr", "a.go"), "package typeerr\n\nvar X int = \"s\"\n")
	WriteFile(t, filepath.Join(dir, "src", "parseerr", "a.go"), "package parseerr\n\nvar X = \n")
	for _, tc := range []struct {
		name     string
		broken   []string
		patterns []string
		want     string // "" for no error
	}{
		{"good", nil, []string{"good"}, ""},
		{"misspelled", nil, []string{"good", "goood"}, "goood"},
		{"type error", nil, []string{"typeerr"}, "type error"},
		{"expected type error", []string{"typeerr"}, []string{"good", "typeerr"}, ""},
		{"not broken", []string{"good"}, []string{"good"}, "listed as broken but has no type error"},
		{"parse error", []string{"parseerr"}, []string{"parseerr"}, "parse error"},
	} {
		for name, run := range map[string]func(TB){
			"Run":     func(t TB) { Run(t, Quiet, dir, nop, tc.broken, tc.patterns...) },
			"Analyze": func(t TB) { Analyze(t, dir, []*analysis.Analyzer{nop}, tc.broken, tc.patterns...) },
		} {
			rec := &recorder{}
			run(rec)
			got := strings.Join(rec.errs, "\n")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("%s %s: errors %q, want %q", name, tc.name, got, tc.want)
			}
		}
	}
}
