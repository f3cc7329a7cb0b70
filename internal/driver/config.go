package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/config"
)

// The setup of a run: the configuration file, which rules are on, the
// suite and its settings, and what the arguments name.

// loadConfig loads the configuration: the -config file, else .atlint.yml
// (or .atlint.yaml) found from dir upward; nil when there is none.
func loadConfig(file, dir string) (*config.Config, error) {
	if file == "" {
		found, err := config.Find(dir)
		if err != nil || found == "" {
			return nil, err
		}
		file = found
	} else if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	return config.Load(file)
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

// suite returns fresh analyzers of every rule, configured by the
// configuration file and then by the command line, as if every rule were
// enabled: the analysis does not depend on -enable and -disable, whose
// rules are filtered after the result cache (filter), so that turning a
// rule on or off does not invalidate the cached findings of the others.
func (r *run) suite() ([]*analysis.Analyzer, error) {
	enabled := false
	for _, rule := range analyzer.Catalog() {
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
	// go vet and nogo leave it off too); here the filter decides whether
	// its findings are reported, so set it (a -<analyzer>.enable=false
	// below turns it off again, and its rules with it: parseFlags).
	for _, a := range suite {
		if f := a.Flags.Lookup("enable"); f != nil && len(analyzer.RulesOf(a.Name)) > 0 {
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

// setup reads the configuration file, builds the suite and classifies the
// arguments. Nil patterns: there is nothing to analyse.
func (r *run) setup() ([]*analysis.Analyzer, []string, error) {
	cfg, err := loadConfig(r.opts.configFile, r.env.Dir)
	if err != nil {
		return nil, nil, err
	}
	r.cfg = cfg
	suite, err := r.suite()
	if err != nil {
		return nil, nil, err
	}
	patterns, files, err := r.classifyArgs(r.opts.args)
	if err != nil {
		return nil, nil, err
	}
	r.files = files
	return suite, patterns, nil
}
