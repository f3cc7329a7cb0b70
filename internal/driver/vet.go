package driver

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
)

// IsVetInvocation reports whether args (without the program name) are the
// vet tool protocol that go vet -vettool and go fix -fixtool speak:
//
//	atlint -V=full                        (version handshake)
//	atlint -flags                         (flag handshake, JSON on stdout)
//	atlint [flags] /path/to/vet.cfg       (analyse one package unit)
//
// go vet passes the user's tool flags (-json, -credentials.tests=false, and
// -fix [-diff] under go fix) before the .cfg file.
func IsVetInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V=") || strings.HasPrefix(a, "--V=") || a == "-V" {
			return true
		}
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") {
		return false
	}
	for _, a := range args[:len(args)-1] {
		if !strings.HasPrefix(a, "-") {
			return false // a package pattern or a file: standalone
		}
	}
	return true
}

// VetSuite returns the analyzers that the vet protocol runs for args: the
// whole suite for the handshakes (so that every flag is known to go vet),
// and for a unit fresh analyzers of the rules enabled by default plus any off-by-default rule
// that args name (-tokencollect, -tokencollect.flag=...).
func VetSuite(args []string) []*analysis.Analyzer {
	handshake := false
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V") || strings.HasPrefix(a, "--V") {
			handshake = true
		}
	}
	if handshake {
		return analyzer.All()
	}
	named := func(name string) bool {
		for _, a := range args {
			a = strings.TrimLeft(a, "-")
			if a == name || strings.HasPrefix(a, name+".") || strings.HasPrefix(a, name+"=") {
				return true
			}
		}
		return false
	}
	// Fresh analyzers, so that the ignores analyzer (ATL001) is bound to the
	// rules that run and leaves directives of the others alone.
	return analyzer.New(func(name string) bool { return analyzerOnByDefault(name) || named(name) })
}

// analyzerOnByDefault reports whether any rule of the analyzer is on by
// default (analyzers without catalogued rules count as on).
func analyzerOnByDefault(name string) bool {
	rs := analyzer.RulesOf(name)
	if len(rs) == 0 {
		return true
	}
	for _, r := range rs {
		if r.Default {
			return true
		}
	}
	return false
}
