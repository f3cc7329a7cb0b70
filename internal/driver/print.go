package driver

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/atlint/atlint/baseline"
	"github.com/atlint/atlint/output"
)

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

// print writes the findings in the chosen format, and the SARIF file of
// -sarif.
func (r *run) print(fs []*finding) error {
	meta := output.Meta{ToolVersion: Version(), SrcRoot: r.env.Dir, Errors: r.toolErrors}
	if r.opts.sarifFile != "" {
		name := r.opts.sarifFile
		if !filepath.IsAbs(name) {
			name = filepath.Join(r.env.Dir, name)
		}
		f, err := os.Create(name)
		if err != nil {
			return err
		}
		err = r.writeSARIF(f, fs, meta)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %v", r.opts.sarifFile, err)
		}
	}
	switch {
	case r.opts.vetJSON:
		return writeVetJSON(r.env.Stdout, fs)
	case r.opts.format == "json":
		return output.WriteJSON(r.env.Stdout, plain(fs), meta)
	case r.opts.format == "sarif":
		return r.writeSARIF(r.env.Stdout, fs, meta)
	}
	return output.WriteText(r.env.Stderr, plain(fs))
}

func (r *run) writeSARIF(w io.Writer, fs []*finding, meta output.Meta) error {
	src := func(file string) ([]byte, error) {
		if !filepath.IsAbs(file) {
			file = filepath.Join(r.env.Dir, file)
		}
		return r.source(file)
	}
	return output.WriteSARIF(w, plain(fs), output.RuleInfos(), meta, src)
}

// writeBaseline records the findings in a baseline file.
func (r *run) writeBaseline(fs []*finding) error {
	return baseline.Write(r.abs(r.opts.baselineWrite), plain(fs))
}

// filterBaseline drops the findings the baseline file records.
func (r *run) filterBaseline(fs []*finding) ([]*finding, int, error) {
	b, err := baseline.Load(r.abs(r.opts.baseline))
	if err != nil {
		return nil, 0, err
	}
	fresh, suppressed := b.Filter(plain(fs))
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
	return out, suppressed, nil
}

// abs resolves a file name given on the command line against the working
// directory.
func (r *run) abs(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(r.env.Dir, name)
}

// writeVetJSON prints the findings as go vet -json does, grouped by the
// package whose analysis reported them. Paths are relative to the working
// directory, like the text output.
func writeVetJSON(w io.Writer, fs []*finding) error {
	tree := output.VetTree{}
	for _, f := range fs {
		tree.Add(f.pkgID, f.Finding)
	}
	return tree.Write(w)
}
