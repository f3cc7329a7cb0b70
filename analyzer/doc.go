// Package analyzer is the atlint suite: every rule analyzer, how to build
// fresh ones bound to settings, the catalog of rules, the help text of each
// rule and the README rules table.
//
// The shared model that every rule requires is in package
// [github.com/atlint/atlint/analyzer/model]; each rule is a package of its
// own under rules/, exporting a package-level Analyzer (as Bazel nogo needs),
// a New function that returns a fresh one with its own flags, and a Spec
// (its rule.go) that declares its rules and settings; package
// [github.com/atlint/atlint/rules] lists the rule packages. Adding a rule is
// a rule package (with its rule.go, doc.go and testdata), its page
// docs/rules/ATLnnn.md, its line in the registry, and go generate ./analyzer
// for the README's table.
package analyzer
