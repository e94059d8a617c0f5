#!/usr/bin/env bash
# Refits a judged sheet: runs two riskvet binaries with only the sheet's
# rule over every corpus of bench/corpus/VERSIONS and counts, for each,
# how many of the sheet's judged findings it still reports (judge refit).
# The after figure is fitted, not a fresh sample: the change was made
# knowing the verdicts. Writes bench/out/refit/{before,after}/default/.
#
#	bench/refit.sh -b BEFORE -a AFTER SHEET.tsv
#
# Each run is `riskvet php -checks RULE -f json -cache-dir off -config off
# -quiet .` inside the corpus folder, as bench/precision.sh runs all checks.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
	sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}
before="" after=""
while getopts b:a: opt; do
	case $opt in
	b) before=$OPTARG ;;
	a) after=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -n "$before" ] && [ -n "$after" ] || usage
sheet=$1
rule=$(awk -F'\t' '!/^#/ && NR > 1 && $7 != "rule" {print $7; exit}' "$sheet")
[ -n "$rule" ] || { echo "no rule in $sheet" >&2; exit 2; }

out=bench/out/refit
mkdir -p bench/out/bin
go build -o bench/out/bin/judge ./bench/cmd/judge
for side in before after; do
	bin=$before
	[ "$side" = after ] && bin=$after
	[ -x "$bin" ] || { echo "riskvet binary $bin missing" >&2; exit 2; }
	rm -rf "${out:?}/$side" && mkdir -p "$out/$side/default"
	while IFS=$'\t' read -r name dir _; do
		rc=0
		(cd "bench/$dir" && "$bin" php -checks "$rule" -f json -cache-dir off -config off -quiet .) \
			>"$out/$side/default/$name.json" 2>"$out/$side/default/$name.err" || rc=$?
		[ "$rc" -le 1 ] || { echo "$side $name: exit $rc" >&2; head -3 "$out/$side/default/$name.err" >&2; }
	done <bench/corpus/VERSIONS
	echo "== $side: $bin"
	bench/out/bin/judge refit -reports "$out/$side" "$sheet"
done
