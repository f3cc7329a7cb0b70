// Package analyzer is the atlint suite: the list of every rule analyzer,
// how to build fresh ones bound to settings, and the help text of each rule.
//
// The shared model that every rule requires is in package
// [github.com/atlint/atlint/analyzer/model]; each rule is a package of its
// own under rules/, exporting a package-level Analyzer (as Bazel nogo needs)
// and a New function that returns a fresh one with its own flags.
package analyzer
