package driver

import (
	"fmt"
	"io"
	"time"

	"github.com/atlint/atlint/baseline"
	"github.com/atlint/atlint/config"
	"github.com/atlint/atlint/output"
)

// run is one standalone run: the command line, the process, and the load
// stage's state (load.go and loadpackages.go load with methods of run).
type run struct {
	opts  *options
	env   Env
	start time.Time
	cfg   *config.Config // nil without a configuration file
	wd    *workdir

	// The load.
	loadTime       time.Duration
	packages       int // analysed, from the result cache or not
	cachedPackages int // packages whose findings came from the result cache
	cache          *resultCache
	loadErrors     int
	toolErrors     []output.ToolError
	files          map[string]bool // absolute paths of file arguments; nil: no restriction
	mainModules    map[string]bool // canonical directories of the main modules (-fix edits only there)
	src            *srcLoader      // the source loader of the run (load.go); nil: go/packages
}

// finding is an output.Finding with what the driver needs besides.
type finding struct {
	output.Finding
	pkgID   string // the package whose analysis reported it (vet JSON groups by it)
	absFile string
}

// main is the pipeline: load (the result cache answers for the packages it
// holds) → analyze (every rule; the findings are stored in the cache) →
// filter (rules, file arguments, configuration, baseline) → fix → print.
func (r *run) main() int {
	r.wd = newWorkdir(r.env.Dir)
	suite, patterns, err := r.setup()
	if err != nil {
		return r.fail(err)
	}
	if patterns == nil {
		return ExitClean // only non-Go files were named: nothing to do
	}

	r.cache = r.openCache(suite)
	pkgs, hits, err := r.loadCached(r.cache, patterns)
	if err != nil {
		return r.fail(err)
	}

	an := &runner{r: r, wd: r.wd, suite: suite, cache: r.cache}
	r.packages = len(pkgs) + r.cachedPackages
	findings, failed := an.run(pkgs, hits)
	r.reportDeferred() // the source loader's package errors
	failed = failed || r.loadErrors > 0

	flt := &filter{enabled: r.ruleEnabled, files: r.files, cfg: r.cfg, wd: r.wd, baseline: r.opts.baseline, log: r.log()}
	findings = flt.apply(findings)
	if r.opts.baselineWrite != "" {
		return r.recordBaseline(findings, failed)
	}
	if findings, err = flt.applyBaseline(findings); err != nil {
		return r.fail(err)
	}

	if r.opts.fix || r.opts.diff {
		x := &fixer{wd: r.wd, write: r.opts.fix, modules: r.mainModules, stdout: r.env.Stdout, stderr: r.env.Stderr}
		res, err := x.apply(findings)
		if err != nil {
			r.errorf("%v", err)
			failed = true
		}
		if r.opts.fix {
			findings = res.unfixed // what is left in the code
		}
	}

	p := &printer{wd: r.wd, opts: r.opts, stdout: r.env.Stdout, stderr: r.env.Stderr,
		meta: output.Meta{ToolVersion: Version(), SrcRoot: r.env.Dir, Errors: r.toolErrors}}
	if err := p.print(findings); err != nil {
		return r.fail(err)
	}
	r.summary(findings, an)
	switch {
	case failed:
		return ExitError
	case len(findings) > 0:
		return ExitFindings
	}
	return ExitClean
}

// fail reports the error that ends the run.
func (r *run) fail(err error) int {
	r.errorf("%v", err)
	return ExitError
}

// recordBaseline is the end of a -baseline-write run: the findings go to
// the baseline file instead of the output.
func (r *run) recordBaseline(fs []*finding, failed bool) int {
	if err := baseline.Write(r.wd.abs(r.opts.baselineWrite), plain(fs)); err != nil {
		return r.fail(err)
	}
	fmt.Fprintf(r.env.Stderr, "atlint: recorded %s in %s\n", plural(len(fs), "finding"), output.ScrubPath(r.opts.baselineWrite))
	if failed {
		return ExitError
	}
	return ExitClean
}

func (r *run) errorf(format string, args ...any) {
	// Values, paths and package IDs in the message may hold a secret.
	fmt.Fprintf(r.env.Stderr, "atlint: %s\n", output.Scrub(fmt.Sprintf(format, args...)))
}

// log returns stderr with -v, else nil.
func (r *run) log() io.Writer {
	if r.opts.verbose {
		return r.env.Stderr
	}
	return nil
}

// relPath returns file relative to the working directory when it is below
// it, else file.
func (r *run) relPath(file string) string { return relTo(r.env.Dir, file) }
