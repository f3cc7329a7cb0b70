package driver

import (
	"bytes"
	"fmt"
	"go/token"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/output"
)

// runner is the analysis stage: it runs the suite on each loaded package,
// turns the diagnostics of the root actions into findings, stores them in
// the result cache, adds the findings the cache held and drops duplicates
// (a file of a package and of its test variant is analysed twice).
type runner struct {
	r     *run // the load: analyzeOne type-checks a package first (load.go)
	wd    *workdir
	suite []*analysis.Analyzer
	cache *resultCache // nil: no result cache

	time        time.Duration            // wall time
	perAnalyzer map[string]time.Duration // summed over packages
}

// run analyses pkgs and returns the findings with those of hits (the
// packages found in the result cache), and whether an analysis failed.
func (a *runner) run(pkgs []*packages.Package, hits []*finding) ([]*finding, bool) {
	t0 := time.Now()
	results := a.analyzeEach(pkgs)
	a.time = time.Since(t0)

	failed := false
	pkgFailed := map[string]bool{}
	for i, res := range results {
		if res.err != nil {
			a.r.errorf("%v", res.err)
			failed = true
			pkgFailed[pkgs[i].ID] = true
		}
	}
	a.perAnalyzer = map[string]time.Duration{}
	var all []*finding
	byPkg := map[string][]*finding{}
	for _, res := range results {
		for _, act := range res.actions {
			a.perAnalyzer[act.analyzer] += act.duration
			if act.err != nil {
				pkgFailed[act.pkgID] = true
				if act.isRoot {
					a.r.errorf("analyzer %s failed on %s: %v", act.analyzer, act.pkgID, act.err)
					failed = true
				}
			}
		}
		for _, f := range res.found {
			all = append(all, f)
			byPkg[f.pkgID] = append(byPkg[f.pkgID], f)
		}
	}
	if a.cache != nil {
		a.cache.store(pkgs, byPkg, pkgFailed)
	}
	all = append(all, hits...)

	seen := map[string]bool{}
	var out []*finding
	for _, f := range all {
		key := fmt.Sprintf("%s\x00%d\x00%d\x00%s", f.absFile, f.Pos.Offset, f.End.Offset, f.Message)
		if !seen[key] {
			seen[key] = true
			out = append(out, f)
		}
	}
	return out, failed
}

// analysed is what the runner keeps of one package's analysis: its
// findings, and the time and error of each action. The analysis graph
// itself, which holds the package's syntax and type information, is
// dropped as soon as the package is done.
type analysed struct {
	found   []*finding
	actions []actionDone // in the order of Graph.All
	err     error        // the analysis could not run
}

type actionDone struct {
	analyzer, pkgID string
	isRoot          bool
	err             error
	duration        time.Duration
}

// summarize converts the diagnostics of g's root actions to findings and
// keeps what run reports of each action.
func (a *runner) summarize(g *checker.Graph) analysed {
	var res analysed
	for act := range g.All() {
		res.actions = append(res.actions, actionDone{act.Analyzer.Name, act.Package.ID, act.IsRoot, act.Err, act.Duration})
	}
	for _, act := range g.Roots {
		for _, d := range act.Diagnostics {
			res.found = append(res.found, a.convert(act, d))
		}
	}
	return res
}

// analyzeEach analyses each package on its own, GOMAXPROCS at a time, in
// the order of pkgs, and summarizes it as soon as it is analysed, while
// its files' positions are known (the source loader then removes them
// from the file set). checker.Analyze would analyse them all in parallel
// itself, but the source loader type-checks a package when its analysis
// starts and releases its syntax and types when it ends (analyzeOne), so
// that memory stays flat; the order keeps a package and its test variant
// together (their files are parsed once); and -v reports each package.
func (a *runner) analyzeEach(pkgs []*packages.Package) []analysed {
	r := a.r
	results := make([]analysed, len(pkgs))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex // summarize reads files through the workdir
		done int
	)
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(pkgs), 1)) {
		wg.Go(func() {
			for i := range work {
				t := time.Now()
				_, err := r.analyzeOne(a.suite, pkgs[i], func(g *checker.Graph) {
					mu.Lock()
					defer mu.Unlock()
					results[i] = a.summarize(g)
				})
				results[i].err = err
				if !r.opts.verbose {
					continue
				}
				mu.Lock()
				done++
				fmt.Fprintf(r.env.Stderr, "atlint: [%d/%d] %s: %s, %v\n", done, len(pkgs), output.ScrubPath(pkgs[i].ID), plural(len(results[i].found), "diagnostic"), time.Since(t).Round(time.Microsecond))
				mu.Unlock()
			}
		})
	}
	for i := range pkgs {
		work <- i
	}
	close(work)
	wg.Wait()
	return results
}

// convert turns a diagnostic into a finding.
func (a *runner) convert(act *checker.Action, d analysis.Diagnostic) *finding {
	fset := act.Package.Fset
	id := d.Category
	if _, ok := analyzer.RuleByID(id); !ok {
		id, _, _ = strings.Cut(d.Message, " ")
	}
	sev := ""
	if rule, ok := analyzer.RuleByID(id); ok {
		sev = string(rule.Severity)
	}
	start := a.reported(fset, d.Pos)
	end := start
	if d.End.IsValid() {
		end = a.reported(fset, d.End)
	}
	w := a.wd
	f := &finding{
		Finding: output.Finding{
			RuleID:   id,
			Analyzer: act.Analyzer.Name,
			Severity: sev,
			Message:  d.Message,
			Pos:      w.position(start.Filename, start.Line, start.Column, start.Offset),
			End:      w.position(end.Filename, end.Line, end.Column, end.Offset),
			LineText: w.lineText(start.Filename, start.Offset),
		},
		pkgID:   act.Package.ID,
		absFile: filepath.Clean(start.Filename),
	}
	for _, sf := range d.SuggestedFixes {
		fix := output.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			// Edits address the bytes of the physical file, whatever a
			// //line directive says the position is called.
			p, q := fset.PositionFor(e.Pos, false), fset.PositionFor(e.Pos, false)
			if e.End.IsValid() {
				q = fset.PositionFor(e.End, false)
			}
			fix.Edits = append(fix.Edits, output.Edit{
				Pos:     w.position(p.Filename, p.Line, p.Column, p.Offset),
				End:     w.position(q.Filename, q.Line, q.Column, q.Offset),
				NewText: string(e.NewText),
			})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// reported returns the position of pos as it is reported: file, line and
// column as //line directives (cgo's among them) say, and the byte offset
// in that file, so that all four agree. When the named file cannot be read
// the offset is the one in the physical file.
func (a *runner) reported(fset *token.FileSet, pos token.Pos) token.Position {
	adj := fset.PositionFor(pos, true)
	phys := fset.PositionFor(pos, false)
	if adj.Filename == phys.Filename && adj.Line == phys.Line && adj.Column == phys.Column {
		return adj
	}
	if src, err := a.wd.read(adj.Filename); err == nil && adj.Line > 0 {
		off := 0
		for l := 1; l < adj.Line; l++ {
			i := bytes.IndexByte(src[off:], '\n')
			if i < 0 {
				return adj
			}
			off += i + 1
		}
		if off+max(adj.Column-1, 0) <= len(src) {
			adj.Offset = off + max(adj.Column-1, 0)
		}
	}
	return adj
}
