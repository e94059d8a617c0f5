#!/usr/bin/env bash
# Runs riskvet standalone over generic-heavy modules from the Go module
# proxy and lists what it finds: every genericdepth and constraintcoupling
# finding in full, the curated nil/type checks as counts per rule.
#
#	bench/gomods.sh [-s] [module ...]
#
# -s runs at the strictest useful settings instead (-genericdepth.max=2
# -constraintcoupling.max=0), to see what lies just past the defaults;
# its table goes to bench/out/gomods-strict.md.
#
# Each module is the latest version the proxy serves (go mod download -json
# MOD@latest) unless the list pins one (MOD@VERSION), copied out of the read-only module cache into a temporary
# directory and checked with `riskvet -f json ./...` at default settings
# (test files included). Results go to bench/out/gomods.md, each report to
# bench/out/gomod-<name>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=()
suffix=
if [ "${1:-}" = -s ]; then
	flags=(-genericdepth.max=2 -constraintcoupling.max=0)
	suffix=-strict
	shift
fi
mods=("$@")
[ ${#mods[@]} -gt 0 ] || mods=(
	github.com/samber/lo
	github.com/samber/mo
	golang.org/x/exp
	github.com/tidwall/btree
	# Its only version is a pre-release, which the proxy's @latest does
	# not serve (go then falls back to git, which needs github.com).
	github.com/emirpasic/gods/v2@v2.0.0-alpha
	github.com/zyedidia/generic
	k8s.io/apimachinery
)
bin=$PWD/bench/out/bin
mkdir -p "$bin"
go build -o "$bin/riskvet-gomods" ./cmd/riskvet
out=$PWD/bench/out/gomods$suffix.md
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
{
	echo "| module | version | Go files | genericdepth | constraintcoupling | curated checks (per rule) | exit |"
	echo "|---|---|---|---|---|---|---|"
} >"$out"
details=""
for m in "${mods[@]}"; do
	q=$m
	[[ $q == *@* ]] || q=$m@latest
	m=${q%@*}
	info=$(GOFLAGS=-mod=mod go mod download -json "$q" || true)
	if [ "$(jq -r '.Error // empty' <<<"$info")" != "" ]; then
		echo "| $m | ${q#*@} | - | - | - | - | download failed: $(jq -r .Error <<<"$info" | head -1) |" >>"$out"
		continue
	fi
	ver=$(jq -r .Version <<<"$info")
	dir=$(jq -r .Dir <<<"$info")
	name=$(tr / _ <<<"$m")
	cp -r "$dir" "$work/$name"
	chmod -R u+w "$work/$name"
	json=$PWD/bench/out/gomod$suffix-$name.json
	rc=0
	(cd "$work/$name" && GOWORK=off GOFLAGS=-mod=mod RISKVET_CACHE=$work/cache "$bin/riskvet-gomods" ${flags[@]+"${flags[@]}"} -f json ./... >"$json" 2>"$json.err") || rc=$?
	note=""
	if [ $rc -eq 2 ]; then
		# A module whose own tests do not type-check (go vet fails on them
		# too) is checked without its test files.
		note=" (tests left out: $(grep -m1 ': ' "$json.err"))"
		rc=0
		(cd "$work/$name" && GOWORK=off GOFLAGS=-mod=mod RISKVET_CACHE=$work/cache "$bin/riskvet-gomods" ${flags[@]+"${flags[@]}"} -tests=false -f json ./... >"$json" 2>"$json.err") || rc=$?
	fi
	files=$(jq '[.files[]?] | length' "$json" 2>/dev/null || echo "?")
	gd=$(jq '[.findings[] | select(.rule == "genericdepth")] | length' "$json")
	cc=$(jq '[.findings[] | select(.rule == "constraintcoupling")] | length' "$json")
	cur=$(jq -r '[.findings[] | select(.rule != "genericdepth" and .rule != "constraintcoupling")] | group_by(.rule) | map("\(.[0].rule) \(length)") | join(", ") | if . == "" then "none" else . end' "$json")
	echo "| $m | $ver | $files | $gd | $cc | $cur | $rc$note |" >>"$out"
	echo "gomods $m $ver: genericdepth $gd, constraintcoupling $cc, curated: $cur, exit $rc" >&2
	details+=$(jq -r --arg m "$m" '.findings[] | select(.rule == "genericdepth" or .rule == "constraintcoupling") | "- `\($m)` \(.file):\(.line): \(.rule): \(.message)"' "$json")
	details+=$'\n'
	if [ -s "$json.err" ]; then
		details+="- \`$m\` stderr: $(head -3 "$json.err" | tr '\n' ' ')"$'\n'
	fi
done
{
	echo
	echo "Every genericdepth and constraintcoupling finding${flags[*]+ at ${flags[*]}}:"
	echo
	grep -v '^$' <<<"$details" || echo "(none)"
} >>"$out"
cat "$out"
