#!/usr/bin/env bash
# Measures atlint against go vet on a large real module fetched through the
# Go module proxy (its code stays in a temporary directory, never in this
# repository), and checks that atlint does not panic on it.
#
#   bash scripts/bench.sh [module@version] [runs]
#
# Defaults: github.com/prometheus/prometheus@v0.316.0 (about 400 packages,
# no Atlassian code: every package takes the "nothing to do" path), 3 runs.
# BENCH_DIR keeps the downloaded module between invocations.
#
# It prints, measured on this machine in one run:
#   1. wall time of `go vet ./...` and `atlint ./...` (hyperfine when
#      installed, else the median of repeated runs); go vet caches its
#      results, so it is also measured with its cache defeated (-a is
#      avoided: it would rebuild the standard library);
#   2. `go vet -vettool=atlint ./...` (the same analyzers under the go
#      command, cached like vet);
#   3. atlint -timing: load time versus analysis time, per analyzer;
#   4. the cost on one package with no Atlassian code.
set -euo pipefail
export GOWORK=off # modules ship go.work files naming directories the zip lacks
repo=$(cd "$(dirname "$0")/.." && pwd)
mod=${1:-github.com/prometheus/prometheus@v0.316.0}
runs=${2:-3}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
echo "module: $mod   work dir: $work   cpus: $(nproc)   go: $(go env GOVERSION)"

if [ ! -d "$work/src" ]; then
  dir=$(cd "$work" && go mod download -json "$mod" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || { echo "cannot download $mod"; exit 1; }
  cp -r "$dir" "$work/src"
  chmod -R u+w "$work/src"
fi
cd "$work/src"
go mod download || echo "(some modules are unavailable from the proxy: their packages are left out of the timings)"
# Packages that load: the timings compare like with like. Packages that do
# not (a dependency the proxy refuses) still go to the robustness run.
pkgs=$(go list -e -f '{{if not (or .Error .DepsErrors)}}{{.ImportPath}}{{end}}' ./... 2>/dev/null | grep . | tr '\n' ' ')
npkg=$(echo $pkgs | wc -w)
nall=$(go list -e ./... 2>/dev/null | wc -l)
echo "warming the build cache (go build)..."
go build $pkgs >/dev/null 2>&1 || true # packages with only tests fail "no non-test Go files"
(cd "$repo" && go build -o "$work/atlint" ./cmd/atlint)
atlint="$work/atlint"
echo "packages: $npkg that load, of $nall; with dependencies: $(go list -deps $pkgs | wc -l)"

# median RUNS CMD...: runs CMD (output discarded) and prints the median
# wall time in seconds.
median() {
  local n=$1; shift
  local ts=()
  for _ in $(seq "$n"); do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    ts+=("$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.2f", e-s}')")
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# A fresh GOCACHE copy per vet run would cost a full rebuild; instead the
# vet results are invalidated by a vet flag whose value changes each run
# (-printf.funcs with an unused name: part of vet's cache key, no effect).
vet_uncached() { go vet -printf.funcs="bench$RANDOM$RANDOM" $pkgs; }

echo
echo "== 1. wall time, $runs runs each (median, seconds) =="
if command -v hyperfine >/dev/null 2>&1; then
  export -f vet_uncached; export pkgs
  hyperfine --shell=bash --warmup 1 --runs "$runs" -i \
    -n "go vet PKGS (cached results)" "go vet $pkgs" \
    -n "go vet PKGS (results not cached)" "vet_uncached" \
    -n "atlint PKGS" "$atlint $pkgs" \
    -n "go vet -vettool=atlint PKGS (cached)" "go vet -vettool=$atlint $pkgs"
else
  go vet $pkgs >/dev/null 2>&1 || true # warm vet's own cache
  printf '%-44s %s\n' "go vet PKGS (cached results)" "$(median "$runs" go vet $pkgs)"
  printf '%-44s %s\n' "go vet PKGS (results not cached)" "$(median "$runs" vet_uncached)"
  printf '%-44s %s\n' "atlint PKGS" "$(median "$runs" "$atlint" $pkgs)"
  go vet -vettool="$atlint" $pkgs >/dev/null 2>&1 || true
  printf '%-44s %s\n' "go vet -vettool=atlint PKGS (cached)" "$(median "$runs" go vet -vettool="$atlint" $pkgs)"
fi

echo
echo "== 2. atlint -timing PKGS (load vs analysis) =="
"$atlint" -timing $pkgs 2>&1 >/dev/null | grep 'timing' || true
echo
echo "== robustness: atlint ./... over all $nall packages, broken ones included =="
set +e
"$atlint" ./... >/dev/null 2>"$work/all.txt"
rc=$?
set -e
grep -v '^[^ ]*\.go:[0-9]*:[0-9]*: ATL' "$work/all.txt" | head -20
echo "exit status: $rc (0: no findings, 1: findings, 2+: load errors or failure)"
if grep -q -E '^panic:|goroutine [0-9]+ \[running\]' "$work/all.txt"; then
  echo "ROBUSTNESS: atlint panicked"; exit 1
fi
echo "robustness: no panic"

echo
one=$(echo $pkgs | tr ' ' '\n' | grep -m1 '/model/labels$' || echo $pkgs | cut -d' ' -f1)
echo "== 3. one package with no Atlassian code: $one =="
printf '%-44s %s\n' "atlint $one" "$(median "$runs" "$atlint" "$one")"
printf '%-44s %s\n' "go vet $one (results not cached)" "$(median "$runs" go vet -printf.funcs="b$RANDOM" "$one")"
"$atlint" -timing "$one" 2>&1 >/dev/null | tail -15
