#!/usr/bin/env bash
# Checks that the source loader (the default) and the go/packages loader
# (ATLINT_LOADER=packages) give the same results: the JSON output
# (-format json) and the exit status of each run must match byte for byte.
#
#   bash scripts/compare-loaders.sh [module@version]
#
# Targets:
#   1. this repository's fixtures (testdata/src) as a Go workspace: every
#      scenario directory is a main module (so its subpackages are checked
#      from source as dependencies), the library stubs are modules outside
#      the workspace (read from export data); ./..., a package and a file
#      argument of each scenario;
#   2. the same fixtures in GOPATH mode, as analysistest sees them;
#   3. a real module from the module proxy (default
#      github.com/prometheus/prometheus@v0.316.0; BENCH_DIR keeps it, as for
#      scripts/bench.sh): ./..., one package, one file of a widely imported
#      package, one file of a main package.
# Each target is run without the result cache, and with a fresh one twice
# (cold, then warm). BEFORE=path/to/atlint compares against another binary
# (e.g. one built from main) instead of ATLINT_LOADER=packages.
# PARTS="1 2 3" selects the targets; MODES="nocache cold warm" the runs.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mod=${1:-github.com/prometheus/prometheus@v0.316.0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=${BENCH_DIR:-$tmp/bench}
mkdir -p "$work"
(cd "$repo" && go build -o "$tmp/atlint" ./cmd/atlint)
new="$tmp/atlint"
fail=0 runs=0

# same DIR ARGS...: runs both loaders in DIR and compares stdout and exit.
same() {
  local dir=$1; shift
  local i
  for mode in ${MODES:-nocache cold warm}; do
    local flags=(-format json)
    local env=(ATLINT_CACHE="$tmp/cache-a")
    case $mode in
      nocache) flags+=(-cache=false) ;;
      cold) rm -rf "$tmp/cache-a" "$tmp/cache-b" ;;
    esac
    set +e
    if [ -n "${BEFORE:-}" ]; then
      (cd "$dir" && env "${env[@]}" "$BEFORE" "${flags[@]}" "$@" >"$tmp/a.json" 2>"$tmp/a.err"); a=$?
    else
      (cd "$dir" && env "${env[@]}" ATLINT_LOADER=packages "$new" "${flags[@]}" "$@" >"$tmp/a.json" 2>"$tmp/a.err"); a=$?
    fi
    (cd "$dir" && env ATLINT_CACHE="$tmp/cache-b" "$new" "${flags[@]}" "$@" >"$tmp/b.json" 2>"$tmp/b.err"); b=$?
    set -e
    runs=$((runs + 1))
    if [ "$a" != "$b" ] || ! cmp -s "$tmp/a.json" "$tmp/b.json"; then
      fail=$((fail + 1))
      echo "DIFFERENT ($mode) in $dir: atlint $*: exit $a vs $b"
      diff "$tmp/a.json" "$tmp/b.json" | head -20 || true
      echo "-- stderr (go/packages):"; head -5 "$tmp/a.err"
      echo "-- stderr (source):"; head -5 "$tmp/b.err"
    else
      echo "same ($mode, exit $a, $(wc -c <"$tmp/b.json") bytes): atlint $*"
      if [ "$a" -ge 2 ]; then sed 's/^/    /' "$tmp/b.err" | head -3; fi
    fi
  done
}

parts=" ${PARTS:-1 2 3} "
if [[ $parts == *" 1 "* || $parts == *" 2 "* ]]; then
echo "== 1. fixtures as a workspace =="
ws="$tmp/ws"
mkdir -p "$ws/stubs"
cp -r "$repo/testdata/src/github.com" "$repo/testdata/src/golang.org" "$repo/testdata/src/gorm.io" "$ws/stubs/"
# Module roots: github.com/owner/repo (unless it holds only major version
# directories), golang.org/x/name, gorm.io/name, and every vN directory.
stubs=$(cd "$ws/stubs" && for d in github.com/*/* golang.org/x/* gorm.io/*; do
  ls -d "$d"/v[0-9]* 2>/dev/null || true
  if [ -n "$(ls "$d" | grep -v '^v[0-9]*$')" ]; then echo "$d"; fi
done | sort -u)
reqs="" reps=""
for s in $stubs; do
  printf 'module %s\n\ngo 1.21\n' "$s" >"$ws/stubs/$s/go.mod"
  v=v0.0.0
  case $s in */v[0-9]*) v=${s##*/}.0.0 ;; esac
  reqs+="	$s $v"$'\n'
  reps+="replace $s => ./stubs/$s"$'\n'
done
scen=""
for d in "$repo"/testdata/src/*/ "$repo"/rules/*/testdata/src/*/; do # shared fixtures, then each rule's
  n=$(basename "$d")
  case $n in *.*) continue ;; esac
  cp -r "$d" "$ws/$n"
  printf 'module %s\n\ngo 1.26\n\nrequire (\n%s)\n' "$n" "$reqs" >"$ws/$n/go.mod"
  scen+=" ./$n"
done
{ printf 'go 1.26\n\nuse (\n'; for n in $scen; do printf '\t%s\n' "$n"; done; printf ')\n\n%s' "$reps"; } >"$ws/go.work"
export GOPROXY=off GOFLAGS=
if [ -n "${SETUP_ONLY:-}" ]; then trap - EXIT; echo "workspace: $ws"; exit 0; fi
for n in $scen; do
  [[ $parts == *" 1 "* ]] || break
  same "$ws/$n" ./...
  f=$(cd "$ws/$n" && ls *.go 2>/dev/null | grep -v _test.go | head -1 || true)
  [ -n "$f" ] && same "$ws/$n" "$f"
done
[[ $parts != *" 1 "* ]] || same "$ws" $scen
unset GOPROXY

fi
if [[ $parts == *" 2 "* ]]; then
echo
echo "== 2. fixtures in GOPATH mode =="
gp="$tmp/gopath"
mkdir -p "$gp"
cp -r "$repo/testdata/src" "$gp/src"
for d in "$repo"/rules/*/testdata/src/*/; do cp -r "$d" "$gp/src/"; done
saved_gopath=$(go env GOPATH)
export GO111MODULE=off GOPATH="$gp" GOWORK=off
same "$gp/src" ./...
for n in $scen; do same "$gp/src" "$n/..."; done
export GO111MODULE= GOPATH="$saved_gopath" GOWORK=

fi
if [[ $parts == *" 3 "* ]]; then
echo
echo "== 3. $mod =="
export GOWORK=off
if [ ! -d "$work/src" ]; then
  dir=$(cd "$work" && go mod download -json "$mod" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || { echo "cannot download $mod"; exit 1; }
  cp -r "$dir" "$work/src"
  chmod -R u+w "$work/src"
  (cd "$work/src" && go mod download) || true
fi
src="$work/src"
same "$src" ./...
one=$(cd "$src" && go list -f '{{.ImportPath}}' ./model/labels 2>/dev/null || true)
[ -n "$one" ] && same "$src" "$one"
[ -f "$src/model/labels/labels_common.go" ] && same "$src" model/labels/labels_common.go
[ -f "$src/cmd/promtool/main.go" ] && same "$src" cmd/promtool/main.go
fi

echo
echo "$runs comparisons, $fail different"
[ "$fail" = 0 ]
