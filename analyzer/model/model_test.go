package model_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/atlassian/atltest"
)

// probe reports what the model computed, so the fixture's want comments
// check it: strings with "@" (context name and the source text at the
// mapped position of "@"), and every auth sink.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "reports the model for tests",
	Requires: []*analysis.Analyzer{model.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[model.Analyzer].(*model.Result)
		for _, s := range m.Strings {
			i := strings.Index(s.Value, "@")
			if i < 0 {
				continue
			}
			pos := pass.Fset.Position(s.Pos(i))
			src := readAt(pos.Filename, pos.Offset, 2)
			pass.Reportf(s.Expr.Pos(), "string %q ctx=%s at=%q", s.Value, model.ContextName(s.Cursor), src)
		}
		for _, k := range m.Sinks {
			msg := fmt.Sprintf("sink %s %s user=%v secret=%s", k.Kind, k.Library, k.User != nil, types.ExprString(k.Secret))
			if k.Kind == model.AuthHeader {
				msg += " scheme=" + k.Scheme
			}
			if id, ok := k.Target.(*ast.Ident); ok {
				msg += " target=" + id.Name
			}
			pass.Reportf(k.Node.Pos(), "%s", msg)
		}
		return nil, nil
	},
}

func readAt(file string, off, n int) string {
	data, err := readFile(file)
	if err != nil || off+n > len(data) {
		return ""
	}
	return string(data[off : off+n])
}

func testdata(*testing.T) string { return atltest.Fixtures() }

func TestLitOffset(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		off  int
		want int
	}{
		{`"abc"`, 0, 1},
		{`"abc"`, 2, 3},
		{`"abc"`, 3, 4}, // end maps to the closing quote
		{`"a\nb"`, 2, 4},
		{`"\x41B"`, 1, 5},
		{`"\u00e9X"`, 2, 7}, // é is two bytes
		{`"\u00e9X"`, 1, 1}, // inside a multi-byte rune: the escape's start
		{`"\101B"`, 1, 5},
		{`"\\="`, 1, 3},
		{"`a\r\nb`", 2, 4}, // carriage return dropped from raw strings
		{`""`, 5, 1},
		{`"`, 0, 0},
	} {
		if got := model.LitOffset(tc.raw, tc.off); got != tc.want {
			t.Errorf("LitOffset(%s, %d) = %d, want %d", tc.raw, tc.off, got, tc.want)
		}
	}
}

func TestExtractDoc(t *testing.T) {
	src := "// Package p does things.\n//\n// # Analyzer one\n//\n// one: first\n//\n// More.\n//\n// # Analyzer two\n//\n// two: second\npackage p\n"
	got, err := model.ExtractDoc(src, "one")
	if err != nil || got != "one: first\n\nMore." {
		t.Errorf("ExtractDoc(one) = %q, %v", got, err)
	}
	if _, err := model.ExtractDoc(src, "three"); err == nil {
		t.Error("ExtractDoc(three) succeeded, want an error")
	}
}

// TestProbes runs each probe on its own fixtures, all in one load (each
// load type-checks net/http from source again): probe on modeltest,
// flowProbe on modelflow, reachProbe on modelreach and requestProbe on
// modelrequests, each fixture's "// want" comments written for its probe.
// It also checks the requests gate: a package that serves HTTP and makes
// no request (modelrequests/server) has no requests, and asking for them
// builds no index; a package that makes one does.
func TestProbes(t *testing.T) {
	probes := []struct {
		fixture string
		a       *analysis.Analyzer
	}{
		{"modeltest", probe},
		{"modelflow", flowProbe},
		{"modelreach", reachProbe},
		{"modelrequests", requestProbe},
	}
	var mu sync.Mutex
	built := map[string]bool{}
	all := &analysis.Analyzer{
		Name:             "probes",
		Doc:              "runs the probe of each fixture",
		Requires:         []*analysis.Analyzer{model.Analyzer},
		RunDespiteErrors: true,
		Run: func(pass *analysis.Pass) (any, error) {
			path := pass.Pkg.Path()
			for _, p := range probes {
				if path == p.fixture || strings.HasPrefix(path, p.fixture+"/") {
					res, err := p.a.Run(pass)
					mu.Lock()
					built[path] = model.IndexBuilt(pass.ResultOf[model.Analyzer].(*model.Result))
					mu.Unlock()
					return res, err
				}
			}
			return nil, fmt.Errorf("no probe for %s", path)
		},
	}
	atltest.Run(t, t, testdata(t), all, []string{"modelflow/bad", "modelreach/bad"},
		"modeltest", "modelflow", "modelflow/bad", "modelreach", "modelreach/bad", "modelrequests", "modelrequests/server")
	if built["modelrequests/server"] {
		t.Errorf("modelrequests/server: Requests built the index")
	}
	if !built["modelrequests"] {
		t.Errorf("modelrequests: Requests built no index (gate too tight?); got %v", built)
	}
}
