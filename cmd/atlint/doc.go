// Command atlint finds Go code that will break against Atlassian Cloud and
// Data Center APIs: hard-coded credentials, tokens sent to hosts that
// reject them, Jira Product Discovery GraphQL operations that no longer
// accept API tokens, and more (atlint help lists the rules).
//
// Usage:
//
//	atlint [flags] [packages]     # go list patterns, default ./...
//	atlint [flags] a.go b/c.go    # the packages of the files; findings in those files only
//	atlint help [RULE]            # the rules, or one rule's documentation and flags
//	go vet -vettool=$(which atlint) [-<analyzer>.<flag>=value] ./...
//	go fix -fixtool=$(which atlint) ./...
//
// Standalone, findings are printed as file:line:col: ATLnnn message on
// standard error (-format json or sarif, or -json for go vet's JSON shape,
// print on standard output). Test files are analysed unless -test=false.
// Every rule option is an analyzer flag, spelled -<analyzer>.<flag> both
// standalone and under go vet (-credentials.tests=false). A .atlint.yml
// file, found from the working directory upward or named by -config, sets
// the same options; flags win.
//
// Flags go before the packages or files. -fix applies the first suggested
// fix of every finding (non-overlapping edits merge; a conflicting fix is
// skipped with a note; generated files are never edited); -diff (or -fix
// -diff, the go fix spelling) prints the changes as unified diffs instead,
// with credentials redacted, and says so when there is nothing to show.
// -version prints the module version or VCS revision of the build.
// -baseline FILE reports only findings not recorded in FILE;
// -baseline-write FILE (or -baseline write FILE) records them.
//
// Exit status (standalone):
//
//	0  no findings (with -fix: every finding was fixed; with -baseline-write: the baseline was written)
//	1  findings were reported
//	2  usage or configuration error, a pattern that matches no package, a
//	   package that does not load or type-check, or an analyzer failure;
//	   findings are still printed, the rules run despite type errors
//
// Under go vet the vet conventions apply: vet prints the findings and
// exits 1 when there are any. Each rule reports a package's findings in
// position order; go vet prints packages as they finish (-p 1 for a fixed
// order).
package main
