package output

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
)

// A RuleInfo describes a rule for SARIF's tool.driver.rules.
type RuleInfo struct {
	ID               string // ATL101
	Name             string // the analyzer name, credentials
	ShortDescription string // the rule's title
	FullDescription  string // the analyzer's documentation
	HelpURI          string // model.DocURL(ID)
	Level            string // default level: error, warning or note
	// Disabled is true for rules that are off by default (ATL401).
	Disabled bool
}

// RuleInfos describes every rule of analyzer.Catalog(), in ID order, with the
// documentation of its analyzer (the analyzer's doc.go).
func RuleInfos() []RuleInfo {
	infos := make([]RuleInfo, 0, len(analyzer.Catalog()))
	for _, r := range analyzer.Catalog() {
		full := r.Title
		if a, ok := analyzer.Lookup(r.ID); ok && a.Doc != "" {
			full = a.Doc
		}
		infos = append(infos, RuleInfo{
			ID:               r.ID,
			Name:             r.Analyzer,
			ShortDescription: r.Title,
			FullDescription:  full,
			HelpURI:          model.DocURL(r.ID),
			Level:            string(r.Severity),
			Disabled:         !r.Default,
		})
	}
	return infos
}

// The SARIF 2.1.0 subset atlint writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations,omitempty"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		Results            []sarifResult               `json:"results"`
		ColumnKind         string                      `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		Name                 string         `json:"name,omitempty"`
		ShortDescription     *sarifMessage  `json:"shortDescription,omitempty"`
		FullDescription      *sarifMessage  `json:"fullDescription,omitempty"`
		Help                 *sarifMessage  `json:"help,omitempty"`
		HelpURI              string         `json:"helpUri,omitempty"`
		DefaultConfiguration *sarifRuleConf `json:"defaultConfiguration,omitempty"`
	}
	sarifRuleConf struct {
		Enabled *bool  `json:"enabled,omitempty"`
		Level   string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string       `json:"level"`
		Message sarifMessage `json:"message"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           *sarifRegion     `json:"region,omitempty"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
)

const (
	sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	srcRoot     = "%SRCROOT%"
	// FingerprintKey names atlint's fingerprint in partialFingerprints.
	FingerprintKey = "atlint/v1"
)

// WriteSARIF writes the findings as a SARIF 2.1.0 log with one run. rules
// describes the rules (RuleInfos); a finding of a rule missing from it
// gets a bare rule entry. src returns a file's content, to convert byte
// columns to the UTF-16 code units SARIF viewers (GitHub) count; when it
// is nil or fails, columns are converted from the finding's LineText where
// possible and left as byte counts otherwise.
func WriteSARIF(w io.Writer, fs []Finding, rules []RuleInfo, meta Meta, src func(file string) ([]byte, error)) error {
	driver := sarifDriver{
		Name:           "atlint",
		Version:        meta.ToolVersion,
		InformationURI: "https://github.com/atlint/atlint",
		Rules:          []sarifRule{},
	}
	index := map[string]int{}
	for _, r := range rules {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}, ColumnKind: "utf16CodeUnits"}
	if meta.SrcRoot != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: dirURI(meta.SrcRoot)}}
	}
	inv := sarifInvocation{ExecutionSuccessful: len(meta.Errors) == 0}
	for _, e := range meta.Errors {
		msg := Scrub(e.Message)
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifMessage{Text: msg}})
	}
	run.Invocations = []sarifInvocation{inv}

	cols := &columns{src: src, files: map[string][][]byte{}}
	for _, f := range withFingerprints(fs) {
		i, ok := index[f.RuleID]
		if !ok {
			i = len(run.Tool.Driver.Rules)
			index[f.RuleID] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: f.RuleID})
		}
		cols.lineText = map[int]string{f.Pos.Line: f.LineText}
		res := sarifResult{
			RuleID:    f.RuleID,
			RuleIndex: i,
			Level:     level(f.Severity),
			Message:   sarifMessage{Text: Scrub(f.Message)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: artifact(f.Pos.File),
				Region:           cols.region(f.Pos, f.End),
			}}},
			PartialFingerprints: map[string]string{FingerprintKey: f.Fingerprint},
		}
		for _, fx := range f.Fixes {
			res.Fixes = append(res.Fixes, cols.fix(f.Pos.File, fx))
		}
		run.Results = append(run.Results, res)
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func sarifRuleOf(r RuleInfo) sarifRule {
	sr := sarifRule{ID: r.ID, Name: r.Name, HelpURI: r.HelpURI}
	if r.ShortDescription != "" {
		sr.ShortDescription = &sarifMessage{Text: r.ShortDescription}
	}
	if r.FullDescription != "" {
		sr.FullDescription = &sarifMessage{Text: r.FullDescription}
		sr.Help = &sarifMessage{Text: r.FullDescription}
	}
	sr.DefaultConfiguration = &sarifRuleConf{Level: level(r.Level)}
	if r.Disabled {
		f := false
		sr.DefaultConfiguration.Enabled = &f
	}
	return sr
}

// level maps a severity to a SARIF level.
func level(severity string) string {
	switch strings.ToLower(severity) {
	case "error":
		return "error"
	case "note", "info":
		return "note"
	case "off", "none":
		return "none"
	}
	return "warning"
}

// artifact returns the location of a file: a relative path becomes a
// URI reference relative to %SRCROOT%, an absolute one a file URI.
func artifact(file string) sarifArtifactLoc {
	slash := filepath.ToSlash(file)
	if filepath.IsAbs(file) || strings.HasPrefix(slash, "/") {
		return sarifArtifactLoc{URI: fileURI(file)}
	}
	return sarifArtifactLoc{URI: escapePath(strings.TrimPrefix(slash, "./")), URIBaseID: srcRoot}
}

func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	return "file://" + escapePath(p)
}

func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// columns converts byte columns to UTF-16 columns, reading each file once.
type columns struct {
	src      func(string) ([]byte, error)
	files    map[string][][]byte // nil entry: unreadable
	lineText map[int]string      // the current finding's LineText
	file     string
}

func (c *columns) line(file string, n int) ([]byte, bool) {
	lines, seen := c.files[file]
	if !seen && c.src != nil {
		if data, err := c.src(file); err == nil {
			lines = bytes.SplitAfter(data, []byte("\n"))
		}
		c.files[file] = lines
	}
	if n >= 1 && n <= len(lines) {
		return bytes.TrimRight(lines[n-1], "\r\n"), true
	}
	if c.file == file {
		if t, ok := c.lineText[n]; ok && t != "" {
			return []byte(t), true
		}
	}
	return nil, false
}

// utf16Col converts a 1-based byte column on a line to UTF-16 units.
func (c *columns) utf16Col(file string, line, col int) int {
	text, ok := c.line(file, line)
	if !ok || col <= 1 {
		return col
	}
	n := col - 1
	extra := 0
	if n > len(text) { // past the end of the line (the newline)
		extra = n - len(text)
		n = len(text)
	}
	units := 0
	for b := text[:n]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			units++ // an invalid byte counts as one unit, as U+FFFD does
		} else {
			units += utf16.RuneLen(r)
		}
		b = b[size:]
	}
	return units + extra + 1
}

func (c *columns) region(pos, end Position) *sarifRegion {
	c.file = pos.File
	if pos.Line <= 0 {
		if pos.Offset > 0 || end.Offset > pos.Offset {
			off, n := pos.Offset, max(end.Offset-pos.Offset, 0)
			return &sarifRegion{ByteOffset: &off, ByteLength: &n}
		}
		return nil
	}
	r := &sarifRegion{StartLine: pos.Line}
	if pos.Column > 0 {
		r.StartColumn = c.utf16Col(pos.File, pos.Line, pos.Column)
	}
	if end.Line >= pos.Line && end.Line > 0 {
		r.EndLine = end.Line
		if end.Column > 0 && pos.Column > 0 {
			r.EndColumn = c.utf16Col(pos.File, end.Line, end.Column)
			if r.EndLine == r.StartLine && r.EndColumn < r.StartColumn {
				r.EndColumn = r.StartColumn
			}
		}
	}
	return r
}

func (c *columns) fix(file string, fx Fix) sarifFix {
	sf := sarifFix{Description: sarifMessage{Text: Scrub(fx.Message)}}
	byFile := map[string]int{}
	for _, e := range fx.Edits {
		ef := e.Pos.File
		if ef == "" {
			ef = file
		}
		i, ok := byFile[ef]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[ef] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(ef)})
		}
		end := e.End
		if end.Line == 0 && end.Offset == 0 {
			end = e.Pos
		}
		reg := c.region(Position{File: ef, Line: e.Pos.Line, Column: max(e.Pos.Column, 1), Offset: e.Pos.Offset},
			Position{File: ef, Line: end.Line, Column: max(end.Column, 1), Offset: end.Offset})
		if reg == nil {
			off := 0
			reg = &sarifRegion{ByteOffset: &off, ByteLength: &off}
		}
		rep := sarifReplacement{DeletedRegion: *reg}
		if e.NewText != "" {
			rep.InsertedContent = &sarifMessage{Text: e.NewText}
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
	}
	return sf
}
