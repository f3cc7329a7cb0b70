#!/usr/bin/env bash
# The whole atlint test suite, from a fresh machine: installs what the
# end-to-end tests need (pre-commit from Debian), then runs every Go test
# with the end-to-end tests made mandatory (ATLINT_E2E=1: a missing tool
# fails the run instead of skipping the test).
set -euo pipefail
cd "$(dirname "$0")/.."

# The pre-commit end-to-end test needs pre-commit and git (the Debian
# package of pre-commit does not depend on git).
need=()
command -v pre-commit >/dev/null 2>&1 || need+=(pre-commit)
command -v git >/dev/null 2>&1 || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (Debian packages)..."
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

export ATLINT_E2E=1
gofmt_out=$(gofmt -l $(git ls-files '*.go' 2>/dev/null | grep -v '^testdata/\|/testdata/' || find . -name '*.go' -not -path '*/testdata/*'))
if [ -n "$gofmt_out" ]; then
  echo "gofmt would change:"; echo "$gofmt_out"; exit 1
fi
# go.mod and go.sum say exactly what the code needs (direct requirements
# without // indirect).
if ! tidy=$(GOFLAGS=-mod=mod go mod tidy -diff 2>&1); then
  echo "go.mod/go.sum are not tidy (run go mod tidy):"; echo "$tidy"; exit 1
fi
go vet ./...
go test -count=1 -timeout 40m ./...

# Fuzz briefly (seed corpora run in every go test above; this explores a
# little beyond them): the credential grammar, GraphQL extraction, the
# config file reader. The budgets are counts of inputs, not durations: with
# a duration, Go 1.26's fuzzing coordinator can fail a target with a bare
# "context deadline exceeded" when -fuzztime runs out while a worker is busy
# (golang/go#75804, fixed in Go 1.27), which a loaded CI machine hits.
# ATLINT_FUZZTIME (a count such as 50000x, or a duration) sets every
# budget; ATLINT_FUZZTIME=0 skips fuzzing.
fuzz() { # target package default-budget
  go test -run='^$' -fuzz="^$1\$" -fuzztime="${ATLINT_FUZZTIME:-$3}" "$2"
}
if [ "${ATLINT_FUZZTIME:-}" != 0 ]; then
  fuzz FuzzScan ./atlassian/ 60000x
  fuzz FuzzExtract ./rules/jpdgraphql/ 20000x
  fuzz FuzzParse ./config/ 20000x
fi
