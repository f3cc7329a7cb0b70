package driver

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// print writes the findings in the chosen format. reported are the
// findings left in the code (with -fix, the unfixed ones); all are every
// finding of the run (SARIF and JSON files record them all).
func (r *run) print(reported, all []*finding) error {
	_ = all
	switch {
	case r.opts.vetJSON:
		return writeVetJSON(r.env.Stdout, reported)
	case r.opts.format == "json":
		return writeJSON(r.env.Stdout, reported)
	case r.opts.format == "sarif":
		return r.writeSARIF(r.env.Stdout, reported)
	}
	for _, f := range reported {
		fmt.Fprintf(r.env.Stderr, "%s:%d:%d: %s\n", f.Pos.File, f.Pos.Line, f.Pos.Column, f.Message)
	}
	return nil
}

// The shape go vet -json prints (golang.org/x/tools/go/analysis/internal
// analysisflags): package ID → analyzer name → diagnostics.
type (
	vetDiagnostic struct {
		Category       string   `json:"category,omitempty"`
		Posn           string   `json:"posn"`
		End            string   `json:"end"`
		Message        string   `json:"message"`
		SuggestedFixes []vetFix `json:"suggested_fixes,omitempty"`
	}
	vetFix struct {
		Message string    `json:"message"`
		Edits   []vetEdit `json:"edits"`
	}
	vetEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
)

// writeVetJSON prints the findings as go vet -json does. Paths are relative
// to the working directory, like the text output.
func writeVetJSON(w io.Writer, fs []*finding) error {
	tree := map[string]map[string][]vetDiagnostic{}
	for _, f := range fs {
		d := vetDiagnostic{
			Category: f.RuleID,
			Posn:     fmt.Sprintf("%s:%d:%d", f.Pos.File, f.Pos.Line, f.Pos.Column),
			End:      fmt.Sprintf("%s:%d:%d", f.End.File, f.End.Line, f.End.Column),
			Message:  f.Message,
		}
		for _, fix := range f.Fixes {
			vf := vetFix{Message: fix.Message, Edits: []vetEdit{}}
			for _, e := range fix.Edits {
				vf.Edits = append(vf.Edits, vetEdit{Filename: e.Pos.File, Start: e.Pos.Offset, End: e.End.Offset, New: e.NewText})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, vf)
		}
		byAnalyzer := tree[f.pkgID]
		if byAnalyzer == nil {
			byAnalyzer = map[string][]vetDiagnostic{}
			tree[f.pkgID] = byAnalyzer
		}
		byAnalyzer[f.Analyzer] = append(byAnalyzer[f.Analyzer], d)
	}
	b, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

var _ = strings.TrimSpace
