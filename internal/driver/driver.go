// Package driver is atlint's standalone driver: it parses the command line,
// loads packages with go/packages, runs the suite with the
// golang.org/x/tools/go/analysis/checker package, and turns the diagnostics
// into findings that it prints, filters, fixes and records.
//
// The vet protocol (go vet -vettool, go fix -fixtool) is not handled here:
// cmd/atlint hands it to unitchecker (see [IsVetInvocation]).
package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
	"github.com/atlint/atlint/output"
)

// Exit codes of the standalone command.
const (
	ExitClean    = 0 // no findings
	ExitFindings = 1 // findings were reported (after baseline and configuration filtering)
	ExitError    = 2 // usage, configuration or load error; packages that do not type-check
)

// Env is what the driver needs from the process.
type Env struct {
	Stdout, Stderr io.Writer
	// Dir is the working directory: patterns, file arguments and the
	// configuration search start there, and printed paths are relative to
	// it. Empty means the process's working directory.
	Dir string
	// Terminal reports whether Stderr is a terminal; the end-of-run summary
	// is printed only then.
	Terminal bool
}

// errUsage marks errors whose message is followed by a hint to run -h.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Main runs the standalone command with args (without the program name)
// and returns the exit code.
func Main(args []string, env Env) int {
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if env.Dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			fmt.Fprintf(env.Stderr, "atlint: %v\n", err)
			return ExitError
		}
		env.Dir = wd
	}
	if len(args) > 0 && args[0] == "help" {
		return help(args[1:], env)
	}
	if len(args) > 0 && args[0] == "scopes" {
		return scopesMain(args[1:], env)
	}
	o, err := parseFlags(args, env)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "atlint: %s\nrun 'atlint -h' for usage\n", output.Scrub(err.Error()))
		} else {
			fmt.Fprintf(env.Stderr, "atlint: %s\n", output.Scrub(err.Error()))
		}
		return ExitError
	}
	if o.version {
		bi, _ := debug.ReadBuildInfo()
		fmt.Fprintln(env.Stdout, versionLine(bi))
		return ExitClean
	}
	// -diff prints the diffs on stdout; when there are none, say why on
	// stderr instead of printing nothing.
	var diffs *countingWriter
	if o.diff && o.format == "text" && !o.vetJSON {
		diffs = &countingWriter{w: env.Stdout}
		env.Stdout = diffs
	}
	r := &run{opts: o, env: env, start: time.Now()}
	code := r.main()
	if diffs != nil && diffs.n == 0 {
		switch code {
		case ExitClean:
			fmt.Fprintln(env.Stderr, "atlint: -diff: nothing to fix (no findings)")
		case ExitFindings:
			fmt.Fprintln(env.Stderr, "atlint: -diff: nothing to fix (no finding above has a suggested fix)")
		}
	}
	return code
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Version returns atlint's version from the build information: the module
// version (v0.1.0 for go install ...@v0.1.0; a pseudo-version such as
// v0.0.0-20261127140000-1a2b3c4d5e6f+dirty when the go command stamped it
// from a git checkout), else "devel" and the VCS revision, else "devel".
// JSON and SARIF output carry it as the tool version.
func Version() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

// versionOf is [Version] for given build information (nil: none).
func versionOf(bi *debug.BuildInfo) string {
	if bi == nil {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, _, modified := vcsOf(bi)
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified {
		rev += "+dirty"
	}
	return "devel " + rev
}

// vcsOf returns the VCS revision, commit time and modified flag the go
// command stamped into the binary (empty under -buildvcs=false or outside a
// checkout).
func vcsOf(bi *debug.BuildInfo) (rev, at string, modified bool) {
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return rev, at, modified
}

// versionLine is what -version prints: the version, what the build
// information knows besides (the commit time, or why there is no
// revision), and the Go version and platform it was built with.
func versionLine(bi *debug.BuildInfo) string {
	v := versionOf(bi)
	if bi == nil {
		return "atlint " + v + " (no build information)"
	}
	var extra []string
	rev, at, _ := vcsOf(bi)
	switch {
	case rev != "" && at != "":
		extra = append(extra, "commit "+at)
	case v == "devel":
		extra = append(extra, "no version: built from source with -buildvcs=false or outside a git checkout")
	}
	var goos, goarch string
	for _, s := range bi.Settings {
		switch s.Key {
		case "GOOS":
			goos = s.Value
		case "GOARCH":
			goarch = s.Value
		}
	}
	platform := bi.GoVersion
	if goos != "" && goarch != "" {
		platform += " " + goos + "/" + goarch
	}
	if platform != "" {
		extra = append(extra, platform)
	}
	if len(extra) == 0 {
		return "atlint " + v
	}
	return "atlint " + v + " (" + strings.Join(extra, "; ") + ")"
}

func help(args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprintln(env.Stdout, "atlint rules (atlint help RULE for details; ATL401 is off by default):")
		fmt.Fprintln(env.Stdout)
		for _, r := range analyzer.Catalog() {
			state := "on"
			if !r.Default {
				state = "off"
			}
			fmt.Fprintf(env.Stdout, "  %s  %-13s %-3s %-7s %s\n", r.ID, r.Analyzer, state, r.Severity, r.Title)
		}
		fmt.Fprintln(env.Stdout)
		fmt.Fprintln(env.Stdout, "Usage: atlint [flags] [packages | files.go]   (atlint -h lists the flags)")
		return ExitClean
	}
	status := ExitClean
	for i, name := range args {
		text, err := analyzer.Help(name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "atlint: %v\n", err)
			status = ExitError
			continue
		}
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		fmt.Fprint(env.Stdout, text)
		// Help ends with the analyzer's URL, the page of its first rule;
		// name the pages of the others too (docs/rules/ATLnnn.md).
		a, _ := analyzer.Lookup(name)
		for _, r := range analyzer.RulesOf(a.Name) {
			if u := model.DocURL(r.ID); u != a.URL {
				fmt.Fprintf(env.Stdout, "%s: %s\n", r.ID, u)
			}
		}
	}
	return status
}

// options are the parsed command line.
type options struct {
	enable, disable map[string]bool // rule IDs
	tests           *bool           // nil: not given
	format          string
	vetJSON         bool
	sarifFile       string
	fix, diff       bool
	configFile      string
	baseline        string
	baselineWrite   string
	verbose         bool
	timing          bool
	cache           bool
	version         bool
	settings        []analyzer.Setting // analyzer flags, in command-line order
	args            []string
}

// settingValue is an analyzer flag of the command line. Setting it checks
// the value against a scratch analyzer and records a Setting; the settings
// are applied to the fresh analyzers of the run after the configuration
// file's, so flags override the file.
type settingValue struct {
	analyzer string
	f        *flag.Flag
	settings *[]analyzer.Setting
}

func (v *settingValue) String() string {
	if v == nil || v.f == nil {
		return ""
	}
	return v.f.Value.String()
}

func (v *settingValue) Set(s string) error {
	if err := v.f.Value.Set(s); err != nil {
		return err
	}
	*v.settings = append(*v.settings, analyzer.Setting{Analyzer: v.analyzer, Flag: v.f.Name, Value: s})
	return nil
}

func (v *settingValue) IsBoolFlag() bool {
	b, ok := v.f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

const usageText = `atlint finds Go code that will break against Atlassian Cloud and Data Center APIs.

Usage:
  atlint [flags] [packages]      analyse packages (go list patterns; default ./...)
  atlint [flags] files.go...     analyse the packages of the files, report findings in those files only
  atlint help [RULE]             list the rules, or print one rule's documentation
  atlint scopes [flags] [packages]  print the least token scopes the code's Atlassian calls need
  go vet -vettool=$(which atlint) [flags] [packages]

Flags go before the packages or files. Exit status: 0 no findings, 1 findings,
2 usage, configuration or load error. Rules: atlint help; docs: docs/rules/ATLnnn.md.

Flags:
`

func parseFlags(args []string, env Env) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("atlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are printed by Main, usage on -h only
	fs.Usage = func() {}
	var enable, disable string
	var tests bool
	fs.StringVar(&enable, "enable", "", "comma-separated rule IDs or analyzer names to enable in addition to the defaults (\"all\" for every rule)")
	fs.StringVar(&disable, "disable", "", "comma-separated rule IDs or analyzer names to disable (\"all\" for every rule); wins over -enable")
	fs.BoolVar(&tests, "test", true, "analyse _test.go files too")
	fs.StringVar(&o.format, "format", "text", "output format: text (stderr), json or sarif (stdout)")
	fs.BoolVar(&o.vetJSON, "json", false, "print diagnostics as go vet -json does, on stdout")
	fs.StringVar(&o.sarifFile, "sarif", "", "also write SARIF 2.1.0 to this `file`")
	fs.BoolVar(&o.fix, "fix", false, "apply the first suggested fix of every finding")
	fs.BoolVar(&o.diff, "diff", false, "print the changes -fix would make as unified diffs on stdout, change nothing (-fix -diff means the same)")
	fs.StringVar(&o.configFile, "config", "", "configuration `file` (default: .atlint.yml in the working directory or above)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this baseline `file` (\"-baseline write FILE\" records one)")
	fs.StringVar(&o.baselineWrite, "baseline-write", "", "record the current findings in this baseline `file` and exit 0")
	fs.BoolVar(&o.verbose, "v", false, "print per-package progress on stderr")
	fs.BoolVar(&o.timing, "timing", false, "print load time, analysis time and time per analyzer on stderr")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.cache, "cache", true, "reuse the findings of unchanged packages from the result cache ($ATLINT_CACHE, default atlint/results in the user cache directory)")

	// Analyzer flags, -<analyzer>.<flag>, as multichecker and go vet spell them.
	for _, a := range analyzer.New(nil) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(&settingValue{a.Name, f, &o.settings}, a.Name+"."+f.Name, f.Usage)
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stderr, usageText)
			fs.SetOutput(env.Stderr)
			fs.PrintDefaults()
			return nil, err
		}
		return nil, &usageError{err.Error()}
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "test" {
			o.tests = &tests
		}
	})
	o.args = fs.Args()
	// Go's flag package stops at the first argument that is not a flag, so
	// "atlint ./... -fix" would hand -fix to go list as a package pattern.
	if !containsArg(args, "--") {
		for i, a := range o.args {
			if len(a) > 1 && a[0] == '-' && i > 0 {
				return nil, usagef("%s after %s: flags go before packages and files (atlint %s %s)", a, o.args[0], a, o.args[0])
			}
		}
	}

	// -baseline write FILE: the spelling of issue 6.
	if o.baseline == "write" {
		if len(o.args) == 0 {
			return nil, usagef("-baseline write needs a file name")
		}
		if o.baselineWrite != "" {
			return nil, usagef("-baseline write and -baseline-write both given")
		}
		o.baseline, o.baselineWrite, o.args = "", o.args[0], o.args[1:]
	}
	if o.baseline != "" && o.baselineWrite != "" {
		return nil, usagef("-baseline and -baseline-write cannot be used together")
	}
	var err error
	if o.enable, err = ruleSet(enable, "-enable"); err != nil {
		return nil, err
	}
	if o.disable, err = ruleSet(disable, "-disable"); err != nil {
		return nil, err
	}
	// -tokencollect.enable, the vet spelling of turning an off-by-default
	// rule on (or off), counts as -enable (-disable) of its rules;
	// -tokencollect.auto (on only in apps and plugins) counts as -enable.
	for _, st := range o.settings {
		if st.Flag != "enable" && st.Flag != "auto" {
			continue
		}
		on, err := strconv.ParseBool(st.Value)
		if err != nil {
			continue // the flag accepted it, so it is not a bool flag
		}
		if st.Flag == "auto" && !on {
			continue // auto off leaves the rule to -enable
		}
		for _, rule := range analyzer.RulesOf(st.Analyzer) {
			if on && !o.disable[rule.ID] {
				o.enable[rule.ID] = true
			} else if !on && !o.enable[rule.ID] {
				o.disable[rule.ID] = true
			}
		}
	}
	switch o.format {
	case "text", "json", "sarif":
	default:
		return nil, usagef("-format %q: want text, json or sarif", o.format)
	}
	if o.vetJSON && o.format != "text" {
		return nil, usagef("-json and -format %s cannot be used together", o.format)
	}
	if o.fix && o.diff {
		// -fix -diff is how go fix and the x/tools checkers spell "show the
		// fixes, change nothing": the same as -diff.
		o.fix = false
	}
	if (o.fix || o.diff) && o.baselineWrite != "" {
		return nil, usagef("-fix/-diff and -baseline-write cannot be used together")
	}
	return o, nil
}

// ruleSet parses a comma-separated list of rule IDs and analyzer names into
// a set of rule IDs.
func ruleSet(list, flagName string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if strings.EqualFold(item, "all") {
			for _, r := range analyzer.Catalog() {
				set[r.ID] = true
			}
			continue
		}
		if r, ok := analyzer.RuleByID(item); ok {
			set[r.ID] = true
			continue
		}
		rs := analyzer.RulesOf(strings.ToLower(item))
		if len(rs) == 0 {
			return nil, usagef("%s: unknown rule %q (run 'atlint help' for the list)", flagName, item)
		}
		for _, r := range rs {
			set[r.ID] = true
		}
	}
	return set, nil
}

// containsArg reports whether args holds s.
func containsArg(args []string, s string) bool {
	for _, a := range args {
		if a == s {
			return true
		}
	}
	return false
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
