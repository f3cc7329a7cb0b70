package output

import (
	"encoding/json"
	"fmt"
	"io"
)

// VetTree is what go vet -json prints: package ID → analyzer name →
// diagnostics. It mirrors the JSONTree of x/tools (internal/analysis/
// driverutil, printed by unitchecker and by checker.Graph.PrintJSON),
// which is internal and encodes only live analysis.Diagnostics of an
// analysis graph, with token positions; findings that come from the
// result cache or went through the baseline have neither, so the command
// encodes its findings with these types. The test
// TestVetJSONMatchesGoVet (cmd/atlint) compares the two on a module.
type VetTree map[string]map[string][]VetDiagnostic

// A VetDiagnostic is one diagnostic of go vet -json.
type VetDiagnostic struct {
	Category       string   `json:"category,omitempty"`
	Posn           string   `json:"posn"` // file:line:column
	End            string   `json:"end"`  // file:line:column
	Message        string   `json:"message"`
	SuggestedFixes []VetFix `json:"suggested_fixes,omitempty"`
}

// A VetFix is a suggested fix of go vet -json.
type VetFix struct {
	Message string    `json:"message"`
	Edits   []VetEdit `json:"edits"`
}

// A VetEdit replaces the bytes [Start, End) of a file.
type VetEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// Add records a finding of the analysis of package pkgID. Messages are
// scrubbed; the new text of edits is code (no rule inserts a secret).
func (t VetTree) Add(pkgID string, f Finding) {
	d := VetDiagnostic{
		Category: f.RuleID,
		Posn:     fmt.Sprintf("%s:%d:%d", f.Pos.File, f.Pos.Line, f.Pos.Column),
		End:      fmt.Sprintf("%s:%d:%d", f.End.File, f.End.Line, f.End.Column),
		Message:  Scrub(f.Message),
	}
	for _, fix := range f.Fixes {
		vf := VetFix{Message: Scrub(fix.Message), Edits: []VetEdit{}}
		for _, e := range fix.Edits {
			vf.Edits = append(vf.Edits, VetEdit{Filename: e.Pos.File, Start: e.Pos.Offset, End: e.End.Offset, New: e.NewText})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, vf)
	}
	byAnalyzer := t[pkgID]
	if byAnalyzer == nil {
		byAnalyzer = map[string][]VetDiagnostic{}
		t[pkgID] = byAnalyzer
	}
	byAnalyzer[f.Analyzer] = append(byAnalyzer[f.Analyzer], d)
}

// Write prints the tree as go vet -json does: indented with tabs, keys in
// order, a final newline.
func (t VetTree) Write(w io.Writer) error {
	b, err := json.MarshalIndent(t, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
