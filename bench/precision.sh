#!/usr/bin/env bash
# The real-code precision kit: fetches the corpora (what is present), runs
# two riskvet binaries at the default and the strict level on each, tables
# findings per thousand lines side by side, draws seeded samples of the
# after binary's findings into judging sheets and recomputes precision from
# the sheets already judged. Writes bench/out/precision.md.
#
#	bench/precision.sh [-b BEFORE] [-a AFTER] [-r RULES] [-n N] [-m M] [-s SEED] [-S FLAG] [-d]
#
#	-b BEFORE  the binary to compare against (default /tmp/riskvet-before)
#	-a AFTER   the binary sampled (default: BEFORE, a dry run of the kit)
#	-r RULES   comma-separated rules to sample (default nullderef)
#	-n N       findings per default-level sheet (default 60; 0: none; with
#	           -m 0, the run only recomputes the tables and precision)
#	-m M       findings per strict-only sheet (default 30; 0: none), drawn
#	           only when AFTER accepts the strict flag
#	-s SEED    seed of the draws (default 1)
#	-S FLAG    the flag of the strict level (default -nullderef.strict)
#	-d         dry run: sheets go to bench/out/judge/dry/, not bench/judged/
#
# Reports: bench/out/precision/{before,after}/{default,strict}/<corpus>.json,
# each written by `riskvet php -f json -cache-dir off -config off .` inside
# the corpus folder (so paths are relative to it, and no riskvet.toml a
# corpus may carry applies); strict adds the strict flag. A binary
# without that flag has no strict level. Reports are reused while the
# binary and bench/corpus/VERSIONS are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

before=/tmp/riskvet-before after="" rules=nullderef n=60 m=30 seed=1 dry=0 strict=-nullderef.strict
while getopts b:a:r:n:m:s:S:d opt; do
	case $opt in
	b) before=$OPTARG ;;
	a) after=$OPTARG ;;
	r) rules=$OPTARG ;;
	n) n=$OPTARG ;;
	m) m=$OPTARG ;;
	s) seed=$OPTARG ;;
	S) strict=$OPTARG ;;
	d) dry=1 ;;
	*) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done
[ -z "$after" ] && after=$before && [ "$dry" = 0 ] && echo "no -a: sampling the before binary's findings, as a dry run (-d)" >&2 && dry=1
for b in "$before" "$after"; do
	[ -x "$b" ] || { echo "riskvet binary $b missing (build: go build -o /tmp/rv ./cmd/riskvet)" >&2; exit 2; }
done

bench/fetch-corpora.sh
out=bench/out/precision
mkdir -p "$out" bench/out/bin
go build -o bench/out/bin/judge ./bench/cmd/judge
judge=$PWD/bench/out/bin/judge

# has_flag BIN FLAG reports whether riskvet php accepts FLAG (a check's
# flag such as -nullderef.strict is not in every binary).
has_flag() {
	local tmp rc=0
	tmp=$(mktemp -d)
	printf '<?php\necho 1;\n' >"$tmp/a.php"
	"$1" php "$2" -cache-dir off -config off -quiet -f json "$tmp" >/dev/null 2>&1 || rc=$?
	rm -rf "$tmp"
	[ "$rc" -le 1 ]
}

# reports LABEL BIN runs BIN over every corpus at each level it has.
reports() {
	local label=$1 bin=$2 stamp levels=default
	stamp="$(sha256sum "$bin" | cut -c1-64) $(sha256sum bench/corpus/VERSIONS | cut -c1-64) $strict"
	if [ "$(cat "$out/$label/stamp" 2>/dev/null)" = "$stamp" ]; then
		echo "$label: reports of $bin are up to date"
		return
	fi
	rm -rf "${out:?}/$label"
	has_flag "$bin" "$strict" && levels="default strict"
	for level in $levels; do
		mkdir -p "$out/$label/$level"
		local flags=()
		[ "$level" = strict ] && flags=("$strict")
		while IFS=$'\t' read -r name dir _; do
			local rc=0
			(cd "bench/$dir" && "$bin" php -f json -cache-dir off -config off -quiet "${flags[@]}" .) \
				>"$out/$label/$level/$name.json" 2>"$out/$label/$level/$name.err" || rc=$?
			if [ "$rc" -gt 1 ]; then
				echo "$label $level $name: exit $rc (files riskvet could not read are listed in the report's errors):" >&2
				head -3 "$out/$label/$level/$name.err" >&2
			fi
		done <bench/corpus/VERSIONS
	done
	echo "$stamp" >"$out/$label/stamp"
	echo "$label: $bin at levels: $levels"
}
reports before "$before"
if [ "$(realpath "$after")" = "$(realpath "$before")" ]; then
	rm -rf "${out:?}/after" && ln -s before "$out/after"
else
	[ -L "$out/after" ] && rm "$out/after"
	reports after "$after"
fi

sheets=bench/judged ctx=bench/out/judge
day=$(date -u +%F)
if [ "$dry" = 1 ]; then
	sheets=bench/out/judge/dry ctx=bench/out/judge/dry
	rm -f "$sheets"/*-"$day".tsv # a dry run's sheets are redrawn, never judged
fi
samples=$out/samples.txt
: >"$samples"
# draw RULE LEVEL N appends judge sample's summary (or its error: a sheet
# that exists, an empty pool) to the samples list.
draw() {
	"$judge" sample -reports "$out/after" -rule "$1" -level "$2" -n "$3" -seed "$seed" -date "$day" \
		-out "$sheets" -context "$ctx" -binary "$after (sha256 $(sha256sum "$after" | cut -c1-16))" >>"$samples" 2>&1 || true
}
for rule in ${rules//,/ }; do
	if [ "$n" -gt 0 ]; then draw "$rule" default "$n"; fi
	if [ "$m" -gt 0 ] && [ -d "$out/after/strict" ]; then draw "$rule" strict-only "$m"; fi
done
cat "$samples"

{
	echo "# Real-code precision kit: $(date -u '+%F %H:%M UTC')"
	echo
	echo "Written by \`bench/precision.sh\`. Binaries:"
	echo
	echo "- before: \`$before\` (sha256 $(sha256sum "$before" | cut -c1-16)…)"
	echo "- after: \`$after\` (sha256 $(sha256sum "$after" | cut -c1-16)…)"
	echo
	echo "## Corpora (bench/corpus/VERSIONS)"
	echo
	echo "| corpus | folder | version | source |"
	echo "|---|---|---|---|"
	while IFS=$'\t' read -r name dir ver src _; do echo "| $name | $dir | $ver | $src |"; done <bench/corpus/VERSIONS
	echo
	echo "## Findings per thousand lines"
	echo
	if [ "$after" = "$before" ]; then
		"$judge" density -before "$out/before"
	else
		"$judge" density -before "$out/before" -after "$out/after"
	fi
	echo
	echo "## Samples drawn (seed $seed, into $sheets)"
	echo
	sed 's/^/    /' "$samples"
	echo
	echo "## Precision of the judged sheets"
	echo
	# The PHP sheets only: bench/judged/go-*.tsv are Go analyzers' sheets,
	# which bench/cmd/goprecision reads.
	sheets=$(ls bench/judged/*.tsv 2>/dev/null | grep -v '/go-' || true)
	if [ -n "$sheets" ]; then
		# shellcheck disable=SC2086 # one word per sheet
		"$judge" precision $sheets
	else
		echo "No judged sheet in bench/judged/ yet."
	fi
} >bench/out/precision.md
echo "wrote bench/out/precision.md"
