#!/usr/bin/env bash
# Runs riskvet (standalone), go vet and staticcheck side by side on real
# modules and writes, per module, the findings of each tool, riskvet's own
# analyzers' findings per rule and per thousand lines, and each tool's CPU
# time and peak memory.
#
#	bench/gomods-compare.sh [-n] [module ...]
#
# -n runs riskvet only, rewriting its reports under bench/out/compare/ (for
# judging, after a change to the analyzers) and leaving the tables alone.
#
# A module is MOD (the latest version the proxy serves: go mod download
# -json MOD@latest), MOD@VERSION, or MOD=DIR for a module the proxy does not
# serve, read from a directory (git-ignored bench/corpus/; see
# bench/README.md for fp-go). Each is copied into a temporary directory (the
# module cache is read-only) and checked with its tests, or without them
# when they do not type-check (go vet fails on them too: the table says
# so).
#
# Every tool starts with the module's packages compiled (go list -export
# -deps -test) and no analysis results: riskvet and staticcheck with an
# empty result cache of their own, go vet with a build cache of its own,
# since vet caches its results there. One run each, in the order
# riskvet, go vet, staticcheck: on a shared machine the times are noisy;
# re-run on a quiet one before quoting a ratio.
#
# Writes bench/out/gomods-compare.md and .tsv, and each tool's output under
# bench/out/compare/ (riskvet's JSON reports are what bench/judged/ judges).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

own='["genericdepth","constraintcoupling","ifaceparam","typeparamcount","singleinst"]'
only=false
if [ "${1:-}" = -n ]; then
	only=true
	shift
fi
mods=("$@")
[ ${#mods[@]} -gt 0 ] || mods=("${gomods[@]}")
out=$PWD/bench/out
res=$out/compare
mkdir -p "$res" "$out/bin"
go build -o "$out/bin/riskvet-compare" ./cmd/riskvet
riskvet=$out/bin/riskvet-compare
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export GOWORK=off GOFLAGS=-mod=mod

tsv=$out/gomods-compare.tsv
rules=$out/gomods-compare-rules.tsv
if [ $only = true ]; then
	tsv=/dev/null rules=/dev/null
fi
printf 'module\tversion\ttests\tgo_files\tlines\ttool\tfindings\tcpu_s\tpeak_rss_mb\texit\tload\n' >"$tsv"
printf 'module\tlines\trule\tfindings\n' >"$rules"
for spec in "${mods[@]}"; do
	if ! gomod "$spec"; then
		printf '%s\t-\t-\t-\t-\tnone\t-\t-\t-\t%s\t-\n' "$m" "$why" >>"$tsv"
		continue
	fi
	name=$(tr / _ <<<"$m")
	dir=$work/$name
	cp -r "$src" "$dir"
	chmod -R u+w "$dir"
	echo "gomods-compare: $m $ver" >&2

	# Tests are included when the module's own tests type-check; when
	# riskvet says they do not (exit 2), all three tools run without them
	# (go vet has no such switch: it reports the type errors).
	base=$res/$name
	tests=true
	testflag=()
	# riskvet and staticcheck load packages through go list -export: their
	# build cache gets the compiled dependencies first, as vet's does below,
	# so that no tool's figure includes compiling the module.
	(cd "$dir" && go list -e -export -deps -test ./... >/dev/null 2>&1 || true)
	(cd "$dir" && RISKVET_CACHE=$work/cache-riskvet-$name measure "$base.riskvet" "$riskvet" -f json ./...)
	if [ "$(cut -d' ' -f5 "$base.riskvet")" = 2 ]; then
		tests=false
		testflag=(-tests=false)
		(cd "$dir" && RISKVET_CACHE=$work/cache-riskvet2-$name measure "$base.riskvet" "$riskvet" -tests=false -f json ./...)
	fi
	mv "$base.riskvet.out" "$base.riskvet.json"
	echo "$m@$ver" >"$base.module" # which module the report is of, for goprecision
	gofiles=$(jq '[.files[]? | select(.path | startswith("/") | not)] | length' "$base.riskvet.json")
	lines=$(jq '[.files[]? | select(.path | startswith("/") | not) | .lines] | add // 0' "$base.riskvet.json")
	if [ $only = true ]; then
		echo "gomods-compare: $m: $(jq '.findings | length' "$base.riskvet.json") riskvet findings" >&2
		continue
	fi

	# go vet: dependencies compiled, no vet results cached.
	gc=$work/gocache-vet-$name
	(cd "$dir" && GOCACHE=$gc go list -e -export -deps -test ./... >/dev/null 2>&1 || true)
	(cd "$dir" && GOCACHE=$gc measure "$base.vet" go vet ./...)

	(cd "$dir" && STATICCHECK_CACHE=$work/cache-sc-$name measure "$base.staticcheck" staticcheck -tests=$tests -f json ./...)

	ld=$(load)
	for tool in riskvet vet staticcheck; do
		read -r wall user sys rss rc <"$base.$tool"
		case $tool in
		riskvet) n=$(jq '.findings | length' "$base.riskvet.json") ;;
		vet) n=$(grep -c '^[^#].*:[0-9]*:[0-9]*: ' "$base.vet.err" || true) ;;
		staticcheck) n=$(grep -c . "$base.staticcheck.out" || true) ;;
		esac
		cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
		mb=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "$ver" "$tests" "$gofiles" "$lines" "$tool" "$n" "$cpu" "$mb" "$rc" "$ld" >>"$tsv"
	done
	jq -r --arg m "$m" --arg l "$lines" --argjson own "$own" '
		[.findings[] | .rule] as $r
		| ($own + ($r | unique) | unique)[]
		| . as $rule | [$m, $l, $rule, ([$r[] | select(. == $rule)] | length)] | @tsv' "$base.riskvet.json" >>"$rules"
done

[ $only = false ] || exit 0
# The Markdown summary: one row per module and tool, then riskvet's own
# analyzers per module and per thousand lines.
{
	echo "| module | version | tests | lines | tool | findings | CPU s | peak RSS MB | exit | load |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	tail -n +2 "$tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $5, $6, $7, $8, $9, $10, $11 }'
	echo
	echo "riskvet's own analyzers (findings, and per 1,000 lines):"
	echo
	echo "| module | lines | genericdepth | constraintcoupling | ifaceparam | typeparamcount | singleinst |"
	echo "|---|---|---|---|---|---|---|"
	tail -n +2 "$rules" | awk -F'\t' '
		$3 ~ /^(genericdepth|constraintcoupling|ifaceparam|typeparamcount|singleinst)$/ {
			key = $1; lines[key] = $2; n[key, $3] = $4
			if (!(key in seen)) { seen[key] = 1; order[++k] = key }
		}
		END {
			split("genericdepth constraintcoupling ifaceparam typeparamcount singleinst", rs, " ")
			for (i = 1; i <= k; i++) {
				m = order[i]; row = "| " m " | " lines[m]
				for (j = 1; j <= 5; j++) {
					c = n[m, rs[j]] + 0
					row = row sprintf(" | %d (%.3f)", c, lines[m] > 0 ? c * 1000 / lines[m] : 0)
				}
				print row " |"
			}
		}'
	echo
	echo "CPU is user+sys of one cold run, on a shared machine (load column: 1-minute average); see bench/README.md."
} >"$out/gomods-compare.md"
cat "$out/gomods-compare.md"
