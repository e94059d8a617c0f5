#!/usr/bin/env bash
# Compares the findings of two riskvet builds run as go vet's -vettool, on
# std and real modules: the proof that a change to the vettool's analyzers
# or their wiring kept every finding (issue 11: one SSA form per package,
# the same findings).
#
#	bench/go-findings.sh -b BEFORE [-a AFTER] [-m targets] [-- vet flags]
#
# BEFORE and AFTER are riskvet executables (AFTER defaults to this
# checkout's cmd/riskvet); -m lists the targets as bench/go.sh does (std
# and module specs of bench/lib.sh; default: std and all of gomods). Flags
# after -- go to go vet (an analyzer selection such as -nilness -SA4023).
# Each run is a copy of the executable with random bytes appended, so that
# go vet, which keys its results by a hash of the tool, analyzes every
# package afresh.
#
# Writes bench/out/findings/TARGET.{before,after}.tsv (analyzer, file
# relative to the target, line:col, message, sorted) and the table
# bench/out/go-findings.md. Exit codes: 0 the same findings everywhere, 1 a
# difference (printed), 2 usage, or go vet analyzed nothing (its error is
# printed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
before= after= targets="std ${gomods[*]}"
while getopts "b:a:m:" o; do
	case $o in
	b) before=$OPTARG ;;
	a) after=$OPTARG ;;
	m) targets=$OPTARG ;;
	*) echo "usage: bench/go-findings.sh -b BEFORE [-a AFTER] [-m targets] [-- vet flags]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$before" ] || { echo "usage: bench/go-findings.sh -b BEFORE [-a AFTER] [-m targets] [-- vet flags]" >&2; exit 2; }
out=$PWD/bench/out/findings
mkdir -p "$out" bench/out/bin
if [ -z "$after" ]; then
	after=$PWD/bench/out/bin/riskvet-findings
	go build -o "$after" ./cmd/riskvet
fi
export GOWORK=off GOFLAGS=-mod=mod
same=0
{
	echo "| target | findings before | after | only before | only after | by analyzer (after) |"
	echo "|---|---|---|---|---|---|"
} >"$out/table.md"
for spec in $targets; do
	vettarget "$spec" || continue
	for side in before after; do
		exe=$before
		[ $side = after ] && exe=$after
		tool=$(mktemp "$out/tool.XXXXXX")
		cp "$exe" "$tool"
		head -c 32 /dev/urandom >>"$tool"
		chmod +x "$tool"
		# go vet -json prints {package: {analyzer: [diagnostics]}} per
		# package on stdout; type errors go to stderr, as text.
		(cd "$dir" && go vet -json -vettool="$tool" "$@" "$pattern" >"$out/$name.$side.json" 2>"$out/$name.$side.err" || true)
		rm -f "$tool"
		# A go command error (a broken go.mod, a pattern matching nothing)
		# analyzes nothing on either side: not a "same".
		if grep -q '^go: ' "$out/$name.$side.err" || [ "$(jq -s length "$out/$name.$side.json")" = 0 ]; then
			echo "go-findings: $name: go vet analyzed nothing ($side):" >&2
			head -5 "$out/$name.$side.err" >&2
			exit 2
		fi
		jq -r --arg d "$dir/" 'to_entries[].value | to_entries[] | .key as $a | .value | arrays | .[]
			| "\($a)\t\(.posn | ltrimstr($d))\t\(.message)"' "$out/$name.$side.json" | sort -u >"$out/$name.$side.tsv"
		grep -v '^#' "$out/$name.$side.err" | sed "s|$dir/||g" | sort -u >>"$out/$name.$side.tsv" || true
	done
	nb=$(wc -l <"$out/$name.before.tsv") na=$(wc -l <"$out/$name.after.tsv")
	ob=$(comm -23 "$out/$name.before.tsv" "$out/$name.after.tsv" | wc -l)
	oa=$(comm -13 "$out/$name.before.tsv" "$out/$name.after.tsv" | wc -l)
	by=$(cut -f1 "$out/$name.after.tsv" | sort | uniq -c | awk '{printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1}')
	echo "| $name | $nb | $na | $ob | $oa | ${by:-none} |" >>"$out/table.md"
	if [ "$ob" -gt 0 ] || [ "$oa" -gt 0 ]; then
		same=1
		echo "go-findings: $name differs:" >&2
		diff "$out/$name.before.tsv" "$out/$name.after.tsv" >&2 || true
	fi
	echo "go-findings: $name: $nb before, $na after" >&2
done
{
	cat "$out/table.md"
	echo
	echo "- before: $before ($("$before" -V=full | awk '{print $NF}' | cut -c1-20)); after: $after; go vet flags: ${*:-none}; $(go version)"
} >bench/out/go-findings.md
rm -f "$out/table.md"
cat bench/out/go-findings.md
exit $same
