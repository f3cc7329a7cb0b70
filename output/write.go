package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
)

// Meta describes the run that produced the findings.
type Meta struct {
	// ToolVersion is atlint's version (a module version or "devel").
	ToolVersion string
	// SrcRoot is the absolute directory relative file paths are relative
	// to (the working directory). Optional; SARIF names it as the
	// %SRCROOT% base.
	SrcRoot string
	// Errors are the packages that failed to load or type-check.
	Errors []ToolError
}

// A ToolError is a package atlint could not load or type-check fully.
type ToolError struct {
	Package string `json:"package"`
	Message string `json:"message"`
}

// WriteText writes one line per finding, "file:line:col: message", sorted
// by position, the form editors and go vet use.
func WriteText(w io.Writer, fs []Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range withFingerprints(fs) {
		file := ScrubPath(f.Pos.File) // a path may hold a credential
		switch {
		case f.Pos.Line > 0 && f.Pos.Column > 0:
			fmt.Fprintf(bw, "%s:%d:%d: %s\n", file, f.Pos.Line, f.Pos.Column, Scrub(f.Message))
		case f.Pos.Line > 0:
			fmt.Fprintf(bw, "%s:%d: %s\n", file, f.Pos.Line, Scrub(f.Message))
		default:
			fmt.Fprintf(bw, "%s: %s\n", file, Scrub(f.Message))
		}
	}
	return bw.Flush()
}

// JSONVersion is the version of the JSON schema WriteJSON writes.
const JSONVersion = 1

type jsonDoc struct {
	Version  int           `json:"version"`
	Tool     jsonTool      `json:"tool"`
	Findings []jsonFinding `json:"findings"`
	Errors   []ToolError   `json:"errors,omitempty"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	RuleID      string   `json:"rule"`
	Analyzer    string   `json:"analyzer"`
	Severity    string   `json:"severity"`
	Message     string   `json:"message"`
	Pos         Position `json:"pos"`
	End         Position `json:"end"`
	Fingerprint string   `json:"fingerprint"`
	Doc         string   `json:"doc,omitempty"`
	Fixes       []Fix    `json:"fixes,omitempty"`
}

// WriteJSON writes the findings in atlint's JSON schema (version 1,
// documented in the package documentation and the README): stable field
// names, findings sorted by position, fingerprints filled, messages
// scrubbed of secrets.
func WriteJSON(w io.Writer, fs []Finding, meta Meta) error {
	doc := jsonDoc{
		Version:  JSONVersion,
		Tool:     jsonTool{Name: "atlint", Version: toolVersion(meta)},
		Findings: []jsonFinding{},
		Errors:   slices.Clone(meta.Errors),
	}
	for _, f := range withFingerprints(fs) {
		jf := jsonFinding{
			RuleID:      f.RuleID,
			Analyzer:    f.Analyzer,
			Severity:    f.Severity,
			Message:     Scrub(f.Message),
			Pos:         f.Pos,
			End:         f.End,
			Fingerprint: f.Fingerprint,
			Fixes:       scrubFixes(f.Fixes),
		}
		if _, ok := analyzer.RuleByID(f.RuleID); ok {
			jf.Doc = model.DocURL(f.RuleID)
		}
		doc.Findings = append(doc.Findings, jf)
	}
	for i := range doc.Errors {
		doc.Errors[i].Message = Scrub(doc.Errors[i].Message)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func toolVersion(meta Meta) string {
	if meta.ToolVersion == "" {
		return "devel"
	}
	return meta.ToolVersion
}

// scrubFixes returns a copy of fixes with scrubbed messages. The new text
// of edits is code and is left as it is: no rule inserts a secret.
func scrubFixes(fixes []Fix) []Fix {
	if len(fixes) == 0 {
		return nil
	}
	out := make([]Fix, len(fixes))
	for i, fx := range fixes {
		out[i] = Fix{Message: Scrub(fx.Message), Edits: fx.Edits}
	}
	return out
}
