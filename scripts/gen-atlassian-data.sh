#!/bin/sh
# Regenerates atlassian/data/deprecated-replacements.tsv and
# atlassian/data/libcalls-*.tsv from the sources recorded in
# atlassian/data/README.md, then shows the difference (none expected).
#
# Usage: scripts/gen-atlassian-data.sh MIRRORS
#   MIRRORS holds bare git mirrors named owner+name/repo (as the project's
#   fetch tool leaves them): NeoHsu+atla, AlexSuprun+bitbucket-cli,
#   leanzero-srl+leanzero-forge-skills, sschatter+confluence-cloud-rest-api-spec,
#   andygrunwald+go-jira, ctreminiom+go-atlassian. go-bitbucket comes from the
#   module proxy (go mod download). Work files go to a temporary directory;
#   nothing fetched is written into the repository.
set -eu
M=${1:?usage: $0 MIRRORS}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

show() { git -C "$M/$1/repo" show "$2:$3"; }
mkdir -p "$tmp/specs"
A=ee4e1c3a84bc97021d84fb74378507824cf42962
show NeoHsu+atla $A specs/jira-v3.json >"$tmp/specs/jira.json"
show NeoHsu+atla $A specs/confluence-v1.json >"$tmp/specs/confluence-v1.json"
show NeoHsu+atla $A specs/confluence-v2.json >"$tmp/specs/confluence-v2.json"
show AlexSuprun+bitbucket-cli 2c0f3ecc7be38655d5e92c03b0a4c06ca4e0d1a6 specs/bitbucket-cloud.json >"$tmp/specs/bitbucket.json"
show leanzero-srl+leanzero-forge-skills 5b5963c12bc948d3ca2feccaa197a8a3ddc08f0e openapi-jira-cloud.json >"$tmp/specs/jira-legacy.json"
show sschatter+confluence-cloud-rest-api-spec c0c48d2813dec0e5a2c1c173d0757080dee81eaa swagger.v3.json >"$tmp/specs/confluence-v1-legacy.json"
go run ./internal/gen/deprecations -specs "$tmp/specs" >atlassian/data/deprecated-replacements.tsv

tree() { mkdir -p "$tmp/src/$3" && git -C "$M/$1/repo" archive "$2" | tar -x -C "$tmp/src/$3"; }
tree andygrunwald+go-jira v1.17.0 go-jira-v1
tree andygrunwald+go-jira 05fb5bc92aec4aa6e424a12dbd5ff473340f26db go-jira-v2
tree ctreminiom+go-atlassian v1.6.1 go-atlassian-v1
tree ctreminiom+go-atlassian v2.12.0 go-atlassian-v2
bb=$(cd "$tmp" && go mod download -json github.com/ktrysmt/go-bitbucket@v0.10.0 | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')

gen() { go run ./internal/gen/libcalls "$@"; }
gen -dir "$tmp/src/go-jira-v1" -module github.com/andygrunwald/go-jira -version v1.17.0 >atlassian/data/libcalls-go-jira-v1.tsv
gen -dir "$tmp/src/go-jira-v2" -module github.com/andygrunwald/go-jira/v2 -version v2.0.0-20250914065312-05fb5bc92aec >atlassian/data/libcalls-go-jira-v2.tsv
gen -dir "$tmp/src/go-atlassian-v1" -module github.com/ctreminiom/go-atlassian -version v1.6.1 -dialect go-atlassian >atlassian/data/libcalls-go-atlassian-v1.tsv
gen -dir "$tmp/src/go-atlassian-v2" -module github.com/ctreminiom/go-atlassian/v2 -version v2.12.0 -dialect go-atlassian >atlassian/data/libcalls-go-atlassian-v2.tsv
gen -dir "$bb" -module github.com/ktrysmt/go-bitbucket -version v0.10.0 -dialect go-bitbucket >atlassian/data/libcalls-go-bitbucket.tsv

git diff --stat --exit-code -- atlassian/data
