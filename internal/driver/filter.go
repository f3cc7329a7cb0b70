package driver

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/baseline"
	"github.com/atlint/atlint/config"
	"github.com/atlint/atlint/output"
)

// filter is the filter stage. The analysis runs every rule and the result
// cache holds what it found, whatever the command line and the
// configuration file say; the filter applies them: it keeps the findings
// of enabled rules, in the named files, outside excluded paths, with the
// configured severities, in order and with fingerprints, and then drops
// those the baseline records.
type filter struct {
	enabled  func(model.Rule) bool
	files    map[string]bool // absolute paths of file arguments; nil: no restriction
	cfg      *config.Config  // nil without a configuration file
	wd       *workdir
	baseline string    // the baseline file as given; "": none
	log      io.Writer // -v: how many findings the baseline drops; nil: silent
}

// apply filters, orders and fingerprints the findings.
func (s *filter) apply(fs []*finding) []*finding {
	var out []*finding
	for _, f := range fs {
		if s.keep(f) {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
	setFingerprints(out)
	return out
}

// keep reports whether a finding is reported, and sets its configured
// severity.
func (s *filter) keep(f *finding) bool {
	if s.files != nil && !s.files[f.absFile] {
		return false
	}
	if rule, ok := analyzer.RuleByID(f.RuleID); ok && !s.enabled(rule) {
		return false
	}
	if ids, ok := staleDirective(f.Message); ok && !s.anyEnabled(ids) {
		return false
	}
	if s.cfg != nil {
		if s.cfg.Excluded(f.absFile) {
			return false
		}
		if sev, ok := s.cfg.Severity(f.RuleID); ok {
			if sev == "off" || sev == "none" {
				return false
			}
			f.Severity = sev
		}
	}
	return true
}

// anyEnabled reports whether a rule of ids is enabled.
func (s *filter) anyEnabled(ids []string) bool {
	for _, id := range ids {
		if rule, ok := analyzer.RuleByID(id); ok && s.enabled(rule) {
			return true
		}
	}
	return false
}

// staleDirective returns the rule IDs of an ATL001 finding that reports a
// directive as stale ("ATL001 //atlint:ignore ATL101,ATL401 silences
// nothing: ..."). The ignores analyzer calls a directive stale when no
// finding of the rules that ran used it; every rule runs, so a directive
// that names only disabled rules is dropped, as it would not be reported
// had those rules not run.
func staleDirective(msg string) ([]string, bool) {
	_, rest, ok := strings.Cut(msg, "ATL001 //atlint:ignore ")
	if !ok {
		return nil, false
	}
	list, _, ok := strings.Cut(rest, " silences nothing")
	if !ok || strings.ContainsAny(list, " \t") {
		return nil, false
	}
	return strings.Split(list, ","), true
}

// applyBaseline drops the findings the baseline file records.
func (s *filter) applyBaseline(fs []*finding) ([]*finding, error) {
	if s.baseline == "" {
		return fs, nil
	}
	b, err := baseline.Load(s.wd.abs(s.baseline))
	if err != nil {
		return nil, err
	}
	fresh, suppressed := b.Filter(plain(fs))
	if s.log != nil && suppressed > 0 {
		fmt.Fprintf(s.log, "atlint: %s suppressed by the baseline\n", plural(suppressed, "finding"))
	}
	// Filter keeps the order and the fingerprints: map back by fingerprint
	// and position.
	type key struct {
		fp   string
		file string
		off  int
	}
	byKey := map[key]*finding{}
	for _, f := range fs {
		byKey[key{f.Fingerprint, f.Pos.File, f.Pos.Offset}] = f
	}
	out := make([]*finding, 0, len(fresh))
	for _, f := range fresh {
		if wf, ok := byKey[key{f.Fingerprint, f.Pos.File, f.Pos.Offset}]; ok {
			out = append(out, wf)
		}
	}
	return out, nil
}

// plain returns the output.Findings of fs.
func plain(fs []*finding) []output.Finding {
	out := make([]output.Finding, len(fs))
	for i, f := range fs {
		out[i] = f.Finding
	}
	return out
}

// setFingerprints fills the fingerprints of fs (output.SetFingerprints
// numbers findings on identical lines).
func setFingerprints(fs []*finding) {
	p := plain(fs)
	output.SetFingerprints(p)
	for i := range fs {
		fs[i].Fingerprint = p[i].Fingerprint
	}
}
