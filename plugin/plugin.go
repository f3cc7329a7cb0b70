// Package plugin is atlint's golangci-lint v2 module plugin.
//
// Importing it registers the linter "atlint" with golangci-lint's plugin
// registry (github.com/golangci/plugin-module-register). Build a custom
// golangci-lint that contains it with `golangci-lint custom` and the
// .custom-gcl.yml at the root of atlint's repository, then enable it in
// .golangci.yml:
//
//	linters:
//	  enable: [atlint]
//	  settings:
//	    custom:
//	      atlint:
//	        type: module
//	        settings:
//	          disable: [ATL302]
//	          tests: false
//
// The settings are those of .atlint.yml (package config): the same
// kebab-case keys, checked the same way, so an unknown key or a bad value
// stops golangci-lint with a message that names it. Each call of New builds
// fresh analyzers bound to its settings; settings never leak between
// linters or runs.
//
// golangci-lint keeps only issues in .go files. Findings that atlint
// reports inside an embedded .graphql or .gql file (ATL301, ATL302) are
// therefore reported at the //go:embed directive that embeds the file, with
// the file's own position at the end of the message, e.g. "... (at
// queries/insights.graphql:3:3)". //atlint:ignore on the directive's line
// or the line above it silences them, as with the atlint command.
package plugin

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/config"
)

// Name is the linter name under which golangci-lint reports atlint's
// findings and which //nolint:atlint names.
const Name = "atlint"

func init() {
	register.Plugin(Name, New)
}

// Plugin is one configured instance of the atlint linter.
type Plugin struct {
	cfg *config.Config
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the plugin's settings (the value of
// linters.settings.custom.atlint.settings) and checks them. No settings
// means atlint's defaults.
func New(settings any) (register.LinterPlugin, error) {
	m, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("atlint: settings must be a mapping of atlint options (see .golangci.example.yml): %w", err)
	}
	cfg, err := config.FromMap(m)
	if err != nil {
		return nil, fmt.Errorf("atlint: invalid settings in linters.settings.custom.atlint.settings: %w", err)
	}
	return &Plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns fresh analyzers for the enabled rules, with their
// flags set from the settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := analyzer.New(p.cfg.Enabled)
	// ATL201 names the cloud-ID option as golangci-lint users spell it (cloud-ids:).
	settings := append(p.cfg.Settings(), analyzer.Setting{Analyzer: "scopedurl", Flag: "hint", Value: "setting"})
	if err := analyzer.Configure(as, settings); err != nil {
		return nil, fmt.Errorf("atlint: %w", err)
	}
	for _, a := range as {
		p.filter(a)
	}
	return as, nil
}

// GetLoadMode asks for type information: the rules resolve callees and
// fold constants with the type checker.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// filter wraps a's Run so that its diagnostics pass through the settings
// that golangci-lint has no place for: a rule turned off while its
// analyzer runs for another rule (disable: [ATL302] keeps jpdgraphql for
// ATL301; severity: off), and exclude patterns, which are relative to the
// directory golangci-lint runs in. It also keeps only the first suggested
// fix of a diagnostic: golangci-lint's --fix applies the edits of every
// suggested fix together, alternative fixes of one finding overlap, and
// golangci-lint then drops all of the linter's edits in that file. The
// first fix is the one a rule recommends. Findings in files that are not
// Go files are moved to a Go file (see relocate).
func (p *Plugin) filter(a *analysis.Analyzer) {
	run, cfg := a.Run, p.cfg
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if d.Category != "" && !cfg.RuleEnabled(d.Category) {
				return
			}
			if len(cfg.Exclude) > 0 && cfg.Excluded(pass.Fset.PositionFor(d.Pos, false).Filename) {
				return
			}
			if len(d.SuggestedFixes) > 1 {
				d.SuggestedFixes = d.SuggestedFixes[:1]
			}
			report(relocate(pass.Fset, d))
		}
		return run(pass)
	}
}

// relocate moves a finding that lies in a file other than a Go file (an
// embedded .graphql file: jpdgraphql registers it in the file set, as
// asmdecl does for assembly) to the first of its related positions that
// lies in a Go file (for jpdgraphql, the //go:embed directive), and appends
// the original position to the message, relative to that Go file's
// directory: "... (at queries/insights.graphql:3:3)". golangci-lint keeps
// only issues in .go files (and go.mod): it would silently drop the finding.
// The related entry is removed (golangci-lint reports each related entry as
// an issue of its own), and so are suggested fixes, whose edits are in the
// other file. A finding with no related Go position is left as it is.
func relocate(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	at := fset.PositionFor(d.Pos, false)
	if at.Filename == "" || isGoFile(at.Filename) {
		return d
	}
	for i, r := range d.Related {
		to := fset.PositionFor(r.Pos, false)
		if !r.Pos.IsValid() || !isGoFile(to.Filename) {
			continue
		}
		name := at.Filename
		if rel, err := filepath.Rel(filepath.Dir(to.Filename), at.Filename); err == nil && !strings.HasPrefix(rel, "..") {
			name = rel
		}
		d.Message += fmt.Sprintf(" (at %s:%d:%d)", filepath.ToSlash(name), at.Line, at.Column)
		d.Pos, d.End = r.Pos, r.End
		d.Related = slices.Delete(slices.Clone(d.Related), i, i+1)
		if len(d.Related) == 0 {
			d.Related = nil
		}
		d.SuggestedFixes = nil
		return d
	}
	return d
}

func isGoFile(name string) bool { return filepath.Ext(name) == ".go" }
