// Package baseline records the findings a codebase has today so that later
// runs report only new ones: `atlint -baseline write FILE ./...` writes the
// file, `atlint -baseline FILE ./...` filters with it.
//
// A baseline holds the findings' fingerprints (see package output): a hash
// of rule, file and normalized line text plus an occurrence index, never a
// line number. Inserting or deleting lines elsewhere does not resurrect a
// baselined finding; a second identical finding on another line is new.
// The file is JSON, sorted and stable so that it diffs well in review:
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {"rule": "ATL101", "file": "jira/client.go", "fingerprint": "9f2c…",
//	     "message": "ATL101 hard-coded Atlassian API token \"ATATT3xF…2E6A\": ..."}
//	  ]
//	}
//
// Messages are for the reader only (they are scrubbed of secrets again
// before they are written); matching uses the fingerprint. Paths are as the
// command printed them, relative to the directory it ran in: write and use
// a baseline from the same directory, normally the module root.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/atlint/atlint/output"
)

// Version is the version of the file format Write writes.
const Version = 1

// A Baseline is a set of fingerprints of accepted findings.
type Baseline struct {
	counts map[string]int // fingerprint → how many findings have it (normally 1)
	n      int
}

type file struct {
	Version  int     `json:"version"`
	Findings []entry `json:"findings"`
}

type entry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message,omitempty"`
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f file
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: not an atlint baseline: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, this atlint reads version %d: write it again with -baseline write", path, f.Version, Version)
	}
	b := &Baseline{counts: map[string]int{}}
	for i, e := range f.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: finding %d has no fingerprint", path, i)
		}
		b.counts[e.Fingerprint]++
		b.n++
	}
	return b, nil
}

// Len returns the number of findings in the baseline.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	return b.n
}

// Write records fs as the baseline at path, replacing the file atomically.
func Write(path string, fs []output.Finding) error {
	fs = slices.Clone(fs)
	output.SetFingerprints(fs)
	f := file{Version: Version, Findings: []entry{}}
	for _, x := range fs {
		f.Findings = append(f.Findings, entry{
			Rule:        x.RuleID,
			File:        filepath.ToSlash(x.Pos.File),
			Fingerprint: x.Fingerprint,
			Message:     output.Scrub(x.Message),
		})
	}
	slices.SortFunc(f.Findings, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return err
	}
	// The file is replaced by a rename: a device (/dev/stdout) or a symlink
	// would silently become a regular file.
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file: write the baseline to a file", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Filter returns the findings of fs that the baseline does not hold, in
// their order, with their fingerprints filled, and the number it
// suppressed. A nil baseline suppresses nothing.
func (b *Baseline) Filter(fs []output.Finding) (fresh []output.Finding, suppressed int) {
	fs = slices.Clone(fs)
	output.SetFingerprints(fs)
	if b == nil {
		return fs, 0
	}
	left := make(map[string]int, len(b.counts))
	for fp, n := range b.counts {
		left[fp] = n
	}
	for _, f := range fs {
		if left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			suppressed++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, suppressed
}
