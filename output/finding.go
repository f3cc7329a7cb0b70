package output

// A Finding is one diagnostic of one rule.
type Finding struct {
	RuleID   string `json:"rule"`     // ATL101
	Analyzer string `json:"analyzer"` // credentials
	Severity string `json:"severity"` // error, warning, note
	Message  string `json:"message"`  // begins with the rule ID

	Pos Position `json:"pos"`
	End Position `json:"end"`

	// LineText is the text of the line Pos is on, without the newline;
	// fingerprints are computed from it. Not serialized.
	LineText string `json:"-"`

	// Fingerprint identifies the finding across unrelated edits (see
	// Fingerprint); filled by the driver.
	Fingerprint string `json:"fingerprint"`

	Fixes []Fix `json:"fixes,omitempty"`
}

// A Position is a place in a file. Line and Column are 1-based; Column
// counts bytes (Go's convention). Offset is the 0-based byte offset.
type Position struct {
	File   string `json:"file"` // path relative to the working directory when below it, else absolute
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Offset int    `json:"offset"`
}

// A Fix is one suggested fix: a set of edits that belong together.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// An Edit replaces the bytes [Pos.Offset, End.Offset) of a file.
type Edit struct {
	Pos     Position `json:"pos"`
	End     Position `json:"end"`
	NewText string   `json:"new_text"`
}
