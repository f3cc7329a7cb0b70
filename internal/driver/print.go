package driver

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/atlint/atlint/output"
)

// printer is the print stage: it writes the findings in the chosen format
// (text on stderr; JSON, SARIF or go vet's JSON on stdout), and the SARIF
// file of -sarif.
type printer struct {
	wd             *workdir
	opts           *options // -format, -json, -sarif
	stdout, stderr io.Writer
	meta           output.Meta
}

func (p *printer) print(fs []*finding) error {
	if name := p.opts.sarifFile; name != "" {
		f, err := os.Create(p.wd.abs(name))
		if err != nil {
			return err
		}
		err = p.writeSARIF(f, fs)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %v", name, err)
		}
	}
	switch {
	case p.opts.vetJSON:
		// As go vet -json prints them, grouped by the package whose
		// analysis reported them; paths relative, like the text output.
		tree := output.VetTree{}
		for _, f := range fs {
			tree.Add(f.pkgID, f.Finding)
		}
		return tree.Write(p.stdout)
	case p.opts.format == "json":
		return output.WriteJSON(p.stdout, plain(fs), p.meta)
	case p.opts.format == "sarif":
		return p.writeSARIF(p.stdout, fs)
	}
	return output.WriteText(p.stderr, plain(fs))
}

func (p *printer) writeSARIF(w io.Writer, fs []*finding) error {
	src := func(file string) ([]byte, error) { return p.wd.read(p.wd.abs(file)) }
	return output.WriteSARIF(w, plain(fs), output.RuleInfos(), p.meta, src)
}

// summary prints the end-of-run line on a terminal, and the timing table
// with -timing.
func (r *run) summary(fs []*finding, an *runner) {
	total := time.Since(r.start)
	if r.env.Terminal {
		byRule := map[string]int{}
		for _, f := range fs {
			byRule[f.RuleID]++
		}
		var parts []string
		for _, id := range sortedKeys(byRule) {
			parts = append(parts, fmt.Sprintf("%s %d", id, byRule[id]))
		}
		detail := ""
		if len(parts) > 0 {
			detail = " (" + strings.Join(parts, ", ") + ")"
		}
		fmt.Fprintf(r.env.Stderr, "atlint: %s analysed, %s%s in %v\n",
			plural(r.packages, "package"), plural(len(fs), "finding"), detail, total.Round(time.Millisecond))
	}
	if c := r.cache; c != nil && (r.opts.timing || r.opts.verbose) {
		fmt.Fprintf(r.env.Stderr, "atlint: result cache: %d hits, %d misses, %d stored (listing %v, keys %v)\n",
			c.hits, c.misses, c.stores, c.listTime.Round(time.Millisecond), c.keyTime.Round(time.Millisecond))
	}
	if r.opts.timing {
		var sum time.Duration
		for _, d := range an.perAnalyzer {
			sum += d
		}
		fmt.Fprintf(r.env.Stderr, "atlint: timing: total %v, load %v, analysis %v (wall), analyzers %v (cpu sum)\n",
			total.Round(time.Microsecond), r.loadTime.Round(time.Microsecond), an.time.Round(time.Microsecond), sum.Round(time.Microsecond))
		names := sortedKeys(an.perAnalyzer)
		sort.SliceStable(names, func(i, j int) bool { return an.perAnalyzer[names[i]] > an.perAnalyzer[names[j]] })
		for _, n := range names {
			fmt.Fprintf(r.env.Stderr, "atlint: timing: %-14s %v\n", n, an.perAnalyzer[n].Round(time.Microsecond))
		}
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
