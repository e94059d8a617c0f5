#!/usr/bin/env bash
# Runs riskvet's fuzz targets one after another, each for a given time, and
# writes a Markdown table of the results (executions, new interesting
# inputs, failures) to bench/out/fuzz.md, with each target's log beside it.
#
#	bench/fuzz.sh [-t 10m] [-p 1] [Target ...]
#
# With no targets it runs the ones issue 6 asks for: the PHP pipeline
# (FuzzCheck), the JSON readers of riskvet sonar (FuzzRead) and the column
# conversions (FuzzUTF16Column, FuzzColumns). -l lists every fuzz target in
# the repository. -p is the number of fuzzing workers (go test -parallel):
# 1 by default, so a long run leaves the other core to the rest of the
# machine. A failing input is kept by go test under the package's
# testdata/fuzz/<Target>/, where it becomes a regression test: commit it.
set -euo pipefail
cd "$(dirname "$0")/.."
time=10m
par=1
while getopts "t:p:l" o; do
	case $o in
	t) time=$OPTARG ;;
	p) par=$OPTARG ;;
	l)
		grep -rn 'func Fuzz' --include='*_test.go' . | sed 's/(.*//'
		exit 0
		;;
	*) echo "usage: bench/fuzz.sh [-t duration] [-p workers] [-l] [Target ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	targets=(FuzzCheck FuzzRead FuzzUTF16Column FuzzColumns)
fi

# pkgOf prints the package directory that declares the fuzz target $1.
pkgOf() {
	local f
	f=$(grep -rl --include='*_test.go' "^func $1(" . | head -1)
	[ -n "$f" ] || { echo "no fuzz target $1" >&2; return 1; }
	dirname "$f"
}

mkdir -p bench/out
out=bench/out/fuzz.md
{
	echo "| target | package | time | execs | new interesting (corpus total) | result |"
	echo "|---|---|---|---|---|---|"
} >"$out.tmp"
status=0
for t in "${targets[@]}"; do
	pkg=$(pkgOf "$t")
	log=bench/out/fuzz-$t.log
	echo "fuzzing $t in $pkg for $time ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
	if go test -run '^$' -fuzz "^$t\$" -fuzztime "$time" -parallel "$par" "$pkg" >"$log" 2>&1; then
		result="pass, no failure"
	else
		result="FAIL (see $log; input kept in $pkg/testdata/fuzz/$t/)"
		status=1
	fi
	# The last progress line holds the totals:
	# fuzz: elapsed: 10m0s, execs: 123 (0/sec), new interesting: 4 (total: 40)
	last=$(grep '^fuzz: elapsed' "$log" | tail -1 || true)
	execs=$(sed -n 's/.*execs: \([0-9]*\).*/\1/p' <<<"$last")
	newi=$(sed -n 's/.*new interesting: \([0-9]*\) (total: \([0-9]*\)).*/\1 (\2)/p' <<<"$last")
	echo "| $t | ${pkg#./} | $time | ${execs:-?} | ${newi:-?} | $result |" >>"$out.tmp"
done
mv "$out.tmp" "$out"
cat "$out"
exit $status
