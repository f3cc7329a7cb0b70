// Package e2e holds atlint's end-to-end tests: they build the real
// programs and drive them the way users do, on small fixture modules in
// temporary directories.
//
//   - quickstart_test.go runs the README's Quick start command on this
//     repository: it must install atlint and find nothing.
//   - golangci_test.go builds a custom golangci-lint v2 containing the
//     atlint module plugin (package plugin) from the Go module proxy with
//     the README's command (go run ./cmd/build-golangci-lint), and runs it:
//     findings, settings, --fix, //nolint:atlint, SARIF output.
//   - precommit_test.go runs the real pre-commit on a git repository whose
//     configuration points at a local copy of this repository, with both
//     hooks of .pre-commit-hooks.yaml, and checks that atlint built from a
//     tagged checkout reports the tag as its version.
//
// A test whose tool is missing (pre-commit, git, go) or that cannot reach
// the module proxy is skipped, unless ATLINT_E2E=1 (set by
// scripts/test-all.sh and CI), in which case it fails. go test -short
// skips them unless ATLINT_E2E=1.
package e2e
