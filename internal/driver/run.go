package driver

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/config"
	"github.com/atlint/atlint/output"
)

// run is one standalone run.
type run struct {
	opts  *options
	env   Env
	start time.Time
	cfg   *config.Config // nil without a configuration file

	loadTime, analysisTime time.Duration
	perAnalyzer            map[string]time.Duration
	packages               int
	cachedPackages         int          // packages whose findings came from the result cache
	cache                  *resultCache // nil: no result cache
	loadErrors             int
	toolErrors             []output.ToolError
	files                  map[string]bool // absolute paths of file arguments; nil: no restriction
	mainModules            map[string]bool // canonical directories of the main modules (-fix edits only there)
	sources                map[string][]byte
	src                    *srcLoader // the source loader of the run (load.go); nil: go/packages
}

// finding is an output.Finding with what the driver needs besides.
type finding struct {
	output.Finding
	pkgID   string // the package whose analysis reported it (vet JSON groups by it)
	absFile string
}

func (r *run) errorf(format string, args ...any) {
	// Values, paths and package IDs in the message may hold a secret.
	fmt.Fprintf(r.env.Stderr, "atlint: %s\n", output.Scrub(fmt.Sprintf(format, args...)))
}

func (r *run) main() int {
	cfg, err := loadConfig(r.opts.configFile, r.env.Dir)
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	r.cfg = cfg

	suite, err := r.suite()
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}

	patterns, files, err := r.classifyArgs(r.opts.args)
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	if patterns == nil {
		return ExitClean // only non-Go files were named: nothing to do
	}
	r.files = files

	var pkgs []*packages.Package
	var hits []*finding
	if r.cache = r.openCache(suite); r.cache != nil {
		pkgs, hits, err = r.loadCached(r.cache, patterns)
	} else {
		pkgs, err = r.load(patterns, false)
	}
	if err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	findings, analysisFailed := r.analyze(suite, pkgs, hits)
	r.reportDeferred()
	findings = r.filter(findings)

	if r.opts.baselineWrite != "" {
		if err := r.writeBaseline(findings); err != nil {
			r.errorf("%v", err)
			return ExitError
		}
		fmt.Fprintf(r.env.Stderr, "atlint: recorded %s in %s\n", plural(len(findings), "finding"), output.ScrubPath(r.opts.baselineWrite))
		if r.loadErrors > 0 || analysisFailed {
			return ExitError
		}
		return ExitClean
	}
	if r.opts.baseline != "" {
		var suppressed int
		findings, suppressed, err = r.filterBaseline(findings)
		if err != nil {
			r.errorf("%v", err)
			return ExitError
		}
		if r.opts.verbose && suppressed > 0 {
			fmt.Fprintf(r.env.Stderr, "atlint: %s suppressed by the baseline\n", plural(suppressed, "finding"))
		}
	}

	reported := findings
	fixFailed := false
	if r.opts.fix || r.opts.diff {
		res, err := r.applyFixes(findings)
		if err != nil {
			r.errorf("%v", err)
			fixFailed = true
		}
		if r.opts.fix {
			reported = res.unfixed // what is left in the code
		}
	}

	if err := r.print(reported); err != nil {
		r.errorf("%v", err)
		return ExitError
	}
	r.summary(reported)

	switch {
	case r.loadErrors > 0 || analysisFailed || fixFailed:
		return ExitError
	case len(reported) > 0:
		return ExitFindings
	}
	return ExitClean
}

// ruleEnabled decides whether a rule runs: -disable, then -enable, then the
// configuration file, then the rule's default.
func (r *run) ruleEnabled(rule model.Rule) bool {
	switch {
	case r.opts.disable[rule.ID]:
		return false
	case r.opts.enable[rule.ID]:
		return true
	}
	return r.cfg.RuleEnabled(rule.ID) // the rule's default when there is no file
}

// anyEnabled reports whether a rule of ids is enabled.
func (r *run) anyEnabled(ids []string) bool {
	for _, id := range ids {
		if rule, ok := model.RuleByID(id); ok && r.ruleEnabled(rule) {
			return true
		}
	}
	return false
}

// staleDirective returns the rule IDs of an ATL001 finding that reports a
// directive as stale ("ATL001 //atlint:ignore ATL101,ATL401 silences
// nothing: ..."). The ignores analyzer calls a directive stale when no
// finding of the rules that ran used it; the analysis runs every rule, so
// a directive that names only disabled rules is not reported, as it would
// not be if those rules had not run.
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

// suite returns fresh analyzers of every rule, configured by the
// configuration file and then by the command line, as if every rule were
// enabled: the analysis does not depend on -enable and -disable, whose
// rules are filtered after the result cache (filter), so that turning a
// rule on or off does not invalidate the cached findings of the others.
func (r *run) suite() ([]*analysis.Analyzer, error) {
	enabled := false
	for _, rule := range model.Rules {
		enabled = enabled || r.ruleEnabled(rule)
	}
	if !enabled {
		return nil, usagef("every rule is disabled")
	}
	suite := analyzer.New(nil)
	if r.cfg != nil {
		if err := analyzer.Configure(suite, r.cfg.Settings()); err != nil {
			return nil, fmt.Errorf("%s: %v", r.cfg.Path, err)
		}
	}
	// A rule that is off by default has an "enable" flag of its own (so that
	// go vet and nogo leave it off too): the analyzer is in the suite
	// because one of its rules is enabled, so set it.
	for _, a := range suite {
		if f := a.Flags.Lookup("enable"); f != nil && len(model.RulesOf(a.Name)) > 0 {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				if err := f.Value.Set("true"); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := analyzer.Configure(suite, r.opts.settings); err != nil {
		return nil, err
	}
	if err := resolveNow(suite, append(r.cfg.Settings(), r.opts.settings...), time.Now()); err != nil {
		return nil, err
	}
	return suite, nil
}

// tests reports whether test files are loaded and analysed (-test). The
// configuration file's tests key is the credentials rule's option (does a
// token in a test count), applied through Settings.
func (r *run) tests() bool {
	return r.opts.tests == nil || *r.opts.tests
}

// classifyArgs splits the arguments into package patterns and Go files.
// Files become go/packages file= queries and restrict the findings to
// themselves; other existing files (a pre-commit hook passes every changed
// file) are ignored. It returns nil patterns when there is nothing to
// analyse.
func (r *run) classifyArgs(args []string) (patterns []string, files map[string]bool, err error) {
	if len(args) == 0 {
		return []string{"./..."}, nil, nil
	}
	var pkgArgs []string
	ignored := 0
	for _, a := range args {
		abs := a
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(r.env.Dir, a)
		}
		if strings.HasSuffix(a, ".go") {
			st, err := os.Stat(abs)
			if err != nil {
				return nil, nil, usagef("%s: no such Go file", a)
			}
			if st.Mode().IsRegular() {
				if files == nil {
					files = map[string]bool{}
				}
				files[filepath.Clean(abs)] = true
				continue
			}
		}
		if st, err := os.Stat(abs); err == nil && !st.IsDir() {
			ignored++ // a file that is not Go source
			continue
		}
		pkgArgs = append(pkgArgs, a)
	}
	if files != nil && len(pkgArgs) > 0 {
		return nil, nil, usagef("cannot mix .go files (%s) and package patterns (%s): name either", sortedKeys(files)[0], pkgArgs[0])
	}
	if files == nil && len(pkgArgs) == 0 {
		if r.opts.verbose {
			fmt.Fprintf(r.env.Stderr, "atlint: no Go files among %s: nothing to do\n", plural(ignored, "argument"))
		}
		return nil, nil, nil
	}
	if files != nil {
		for _, f := range sortedKeys(files) {
			patterns = append(patterns, "file="+f)
		}
		return patterns, files, nil
	}
	return pkgArgs, nil, nil
}

// load loads the packages. Only the root packages (and, with the source
// loader, those of the main modules) are parsed and type-checked from
// source; their dependencies come from export data that the go command
// builds (and caches), as for go vet. No analyzer uses facts
// (TestNoAnalyzerUsesFacts): allSyntax is always false.
func (r *run) load(patterns []string, allSyntax bool) ([]*packages.Package, error) {
	if !allSyntax && sourceLoading() {
		return r.loadSource(patterns)
	}
	return r.loadPackages(patterns, allSyntax)
}

// loadPackages is load with go/packages: every root is parsed and
// type-checked before it returns, and its errors are reported. atlint
// scopes, which reads the model of every package at once, loads this way.
func (r *run) loadPackages(patterns []string, allSyntax bool) ([]*packages.Package, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if allSyntax {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	if r.cache != nil {
		mode |= packages.NeedEmbedFiles // the result cache's key covers them
	}
	cfg := &packages.Config{Mode: mode, Tests: r.tests(), Dir: r.env.Dir}
	t0 := time.Now()
	if r.opts.verbose {
		fmt.Fprintf(r.env.Stderr, "atlint: loading %s\n", output.ScrubPath(strings.Join(patterns, " ")))
	}
	initial, err := packages.Load(cfg, patterns...)
	r.loadTime = time.Since(t0)
	if err != nil {
		return nil, goListError(err)
	}
	r.noteModules(initial)

	r.reportPackageErrors(initial)

	var pkgs []*packages.Package
	for _, p := range initial {
		if isTestMain(p) || p.Types == nil || p.Fset == nil || p.TypesSizes == nil {
			continue
		}
		pkgs = append(pkgs, p)
	}
	return r.loaded(patterns, initial, pkgs)
}

// loaded ends a load: a listing that matched nothing is an error, unless
// the file arguments belong to no package of this build (files excluded
// by build constraints, //go:build ignore: nothing to analyse in them).
func (r *run) loaded(patterns []string, initial, pkgs []*packages.Package) ([]*packages.Package, error) {
	if len(initial) == 0 {
		if r.files != nil {
			if r.opts.verbose {
				fmt.Fprintf(r.env.Stderr, "atlint: the files belong to no package of this build\n")
			}
			return nil, nil
		}
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if r.opts.verbose {
		fmt.Fprintf(r.env.Stderr, "atlint: loaded %s in %v\n", plural(len(pkgs), "package"), r.loadTime.Round(time.Millisecond))
	}
	return pkgs, nil
}

// reportPackageErrors reports every package error once (a package and its
// test variant share most of them). Dependencies' errors are included: a
// broken dependency makes its importers' types incomplete.
func (r *run) reportPackageErrors(initial []*packages.Package) {
	seen := map[string]bool{}
	packages.Visit(initial, nil, func(p *packages.Package) {
		typeErrors := false
		for _, e := range p.Errors {
			typeErrors = typeErrors || e.Kind == packages.TypeError
		}
		for _, e := range p.Errors {
			if typeErrors && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
				continue // the go command's compiler output repeats the type errors
			}
			msg := r.relError(e)
			if !seen[msg] {
				seen[msg] = true
				fmt.Fprintf(r.env.Stderr, "%s\n", output.Scrub(msg))
				r.loadErrors++
				r.toolErrors = append(r.toolErrors, output.ToolError{Package: p.PkgPath, Message: msg})
			}
		}
	})
}

// goListError says in plain words that listing the packages failed, with
// the go command's own message; go/packages words it
// "err: exit status 1: stderr: go: ...".
func goListError(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "stderr: "); i >= 0 && strings.HasPrefix(msg, "err: exit status") {
		msg = msg[i+len("stderr: "):]
	} else {
		msg = strings.TrimPrefix(msg, "err: ")
	}
	msg = strings.TrimSpace(msg)
	return fmt.Errorf("the go command could not list the packages to analyse:\n%s", msg)
}

// relError formats a package error with a path relative to the working
// directory and the "load error" label.
func (r *run) relError(e packages.Error) string {
	pos := e.Pos
	if pos != "" && pos != "-" {
		if i := strings.Index(pos, ":"); i > 0 && filepath.IsAbs(pos[:i]) {
			pos = r.relPath(pos[:i]) + pos[i:]
		}
		return fmt.Sprintf("%s: load error: %s", pos, e.Msg)
	}
	return fmt.Sprintf("atlint: load error: %s", e.Msg)
}

// isTestMain reports whether p is the generated main package of a test
// binary (it holds only _testmain.go).
func isTestMain(p *packages.Package) bool {
	if p.Name != "main" || !strings.HasSuffix(p.ID, ".test") {
		return false
	}
	for _, f := range p.CompiledGoFiles {
		if filepath.Base(f) != "_testmain.go" {
			return false
		}
	}
	return true
}

// analyze runs the suite on the packages and returns the findings of the
// root actions, deduplicated (a file of a package and of its test variant
// is analysed twice). Without facts each package is analysed on its own,
// GOMAXPROCS at a time, so that -v can report progress. hits are the
// findings of the packages found in the result cache; the findings of the
// others are stored in it.
func (r *run) analyze(suite []*analysis.Analyzer, pkgs []*packages.Package, hits []*finding) ([]*finding, bool) {
	t0 := time.Now()
	r.packages = len(pkgs) + r.cachedPackages
	r.perAnalyzer = map[string]time.Duration{}
	failed := false

	graphs := make([]*checker.Graph, len(pkgs))
	errs := make([]error, len(pkgs))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
	)
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(pkgs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				t := time.Now()
				graphs[i], errs[i] = r.analyzeOne(suite, pkgs[i])
				if r.opts.verbose {
					mu.Lock()
					done++
					n := 0
					if graphs[i] != nil {
						for _, act := range graphs[i].Roots {
							n += len(act.Diagnostics)
						}
					}
					fmt.Fprintf(r.env.Stderr, "atlint: [%d/%d] %s: %s, %v\n", done, len(pkgs), output.ScrubPath(pkgs[i].ID), plural(n, "diagnostic"), time.Since(t).Round(time.Microsecond))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range pkgs {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			r.errorf("%v", err)
			failed = true
		}
	}
	r.analysisTime = time.Since(t0)

	var all []*finding
	byPkg := map[string][]*finding{}
	pkgFailed := map[string]bool{}
	for _, g := range graphs {
		if g == nil {
			continue
		}
		for act := range g.All() {
			r.perAnalyzer[act.Analyzer.Name] += act.Duration
			if act.Err != nil {
				pkgFailed[act.Package.ID] = true
				if act.IsRoot {
					r.errorf("analyzer %s failed on %s: %v", act.Analyzer.Name, act.Package.ID, act.Err)
					failed = true
				}
			}
		}
		for _, act := range g.Roots {
			for _, d := range act.Diagnostics {
				f := r.convert(act, d)
				all = append(all, f)
				byPkg[act.Package.ID] = append(byPkg[act.Package.ID], f)
			}
		}
	}
	if r.cache != nil {
		for i, err := range errs {
			if err != nil {
				pkgFailed[pkgs[i].ID] = true
			}
		}
		r.store(r.cache, pkgs, byPkg, pkgFailed)
	}
	all = append(all, hits...)

	seen := map[string]bool{}
	var out []*finding
	for _, f := range all {
		key := fmt.Sprintf("%s\x00%d\x00%d\x00%s", f.absFile, f.Pos.Offset, f.End.Offset, f.Message)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, f)
	}
	return out, failed
}

// convert turns a diagnostic into a finding.
func (r *run) convert(act *checker.Action, d analysis.Diagnostic) *finding {
	fset := act.Package.Fset
	id := d.Category
	if _, ok := model.RuleByID(id); !ok {
		id, _, _ = strings.Cut(d.Message, " ")
	}
	sev := ""
	if rule, ok := model.RuleByID(id); ok {
		sev = string(rule.Severity)
	}
	start := r.reported(fset, d.Pos)
	end := start
	if d.End.IsValid() {
		end = r.reported(fset, d.End)
	}
	f := &finding{
		Finding: output.Finding{
			RuleID:   id,
			Analyzer: act.Analyzer.Name,
			Severity: sev,
			Message:  d.Message,
			Pos:      r.position(start.Filename, start.Line, start.Column, start.Offset),
			End:      r.position(end.Filename, end.Line, end.Column, end.Offset),
			LineText: r.lineText(start.Filename, start.Offset),
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
				Pos:     r.position(p.Filename, p.Line, p.Column, p.Offset),
				End:     r.position(q.Filename, q.Line, q.Column, q.Offset),
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
func (r *run) reported(fset *token.FileSet, pos token.Pos) token.Position {
	adj := fset.PositionFor(pos, true)
	phys := fset.PositionFor(pos, false)
	if adj.Filename == phys.Filename && adj.Line == phys.Line && adj.Column == phys.Column {
		return adj
	}
	if src, err := r.source(adj.Filename); err == nil && adj.Line > 0 {
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

func (r *run) position(file string, line, col, off int) output.Position {
	return output.Position{File: r.relPath(file), Line: line, Column: col, Offset: off}
}

// relPath returns file relative to the working directory when it is below
// it, else file.
func (r *run) relPath(file string) string {
	if file == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(r.env.Dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}

// source returns the content of a file (cached).
func (r *run) source(file string) ([]byte, error) {
	if r.sources == nil {
		r.sources = map[string][]byte{}
	}
	if b, ok := r.sources[file]; ok {
		return b, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	r.sources[file] = b
	return b, nil
}

// lineText returns the line of file that holds byte offset off, without
// its line terminator.
func (r *run) lineText(file string, off int) string {
	src, err := r.source(file)
	if err != nil || off < 0 || off > len(src) {
		return ""
	}
	start := strings.LastIndexByte(string(src[:off]), '\n') + 1
	end := off + strings.IndexByte(string(src[off:]), '\n')
	if end < off {
		end = len(src)
	}
	return strings.TrimSuffix(string(src[start:end]), "\r")
}

// filter keeps the findings of enabled rules, in the named files, outside
// excluded paths; applies configured severities; fills fingerprints; and
// sorts by file, line, column and rule.
func (r *run) filter(fs []*finding) []*finding {
	var out []*finding
	for _, f := range fs {
		if r.files != nil && !r.files[f.absFile] {
			continue
		}
		if rule, ok := model.RuleByID(f.RuleID); ok && !r.ruleEnabled(rule) {
			continue
		}
		if ids, ok := staleDirective(f.Message); ok && !r.anyEnabled(ids) {
			continue // every rule ran; the directive's rules are off
		}
		if r.cfg != nil {
			if r.cfg.Excluded(f.absFile) {
				continue
			}
			if sev, ok := r.cfg.Severity(f.RuleID); ok {
				if sev == "off" || sev == "none" {
					continue
				}
				f.Severity = sev
			}
		}
		out = append(out, f)
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

// summary prints the end-of-run line on a terminal, and the timing table
// with -timing.
func (r *run) summary(fs []*finding) {
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
	if r.cache != nil && (r.opts.timing || r.opts.verbose) {
		fmt.Fprintf(r.env.Stderr, "atlint: result cache: %d hits, %d misses, %d stored (listing %v, keys %v)\n",
			r.cache.hits, r.cache.misses, r.cache.stores, r.cache.listTime.Round(time.Millisecond), r.cache.keyTime.Round(time.Millisecond))
	}
	if r.opts.timing {
		var sum time.Duration
		for _, d := range r.perAnalyzer {
			sum += d
		}
		fmt.Fprintf(r.env.Stderr, "atlint: timing: total %v, load %v, analysis %v (wall), analyzers %v (cpu sum)\n",
			total.Round(time.Microsecond), r.loadTime.Round(time.Microsecond), r.analysisTime.Round(time.Microsecond), sum.Round(time.Microsecond))
		names := sortedKeys(r.perAnalyzer)
		sort.SliceStable(names, func(i, j int) bool { return r.perAnalyzer[names[i]] > r.perAnalyzer[names[j]] })
		for _, n := range names {
			fmt.Fprintf(r.env.Stderr, "atlint: timing: %-14s %v\n", n, r.perAnalyzer[n].Round(time.Microsecond))
		}
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
