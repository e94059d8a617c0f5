#!/usr/bin/env bash
# Parse coverage: the parseerror findings of riskvet php on each corpus that
# bench/fetch-corpora.sh fetched (all of corpus/VERSIONS, or the names
# given), with riskvet's default skips (vendor, node_modules, .git) and no
# result cache. Prints one line per corpus, "name files-with-parseerror",
# and lists the findings in bench/out/parseerrors.txt.
#
#	bench/parseerrors.sh [-b riskvet-binary] [corpus ...]
#
# -b measures another build, such as one of main, for a before/after count;
# by default the working tree is built.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=
while getopts "b:" o; do
	case $o in
	b) bin=$(realpath "$OPTARG") ;;
	*) echo "usage: bench/parseerrors.sh [-b riskvet-binary] [corpus ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ -z "$bin" ]; then
	mkdir -p bench/out/bin
	go build -o bench/out/bin/riskvet ./cmd/riskvet
	bin=$PWD/bench/out/bin/riskvet
fi
[ -f bench/corpus/VERSIONS ] || { echo "no bench/corpus/VERSIONS: run bench/fetch-corpora.sh" >&2; exit 2; }
want=("$@")
mkdir -p bench/out
: >bench/out/parseerrors.txt
while IFS=$'\t' read -r name dir _; do
	if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " == *" $name "* ]]; then
		continue
	fi
	# riskvet exits 1 when it finds anything: not a failure here.
	n=$(cd bench && { "$bin" php -quiet -cache-dir off -f text "$dir" || [ $? -eq 1 ]; } |
		{ grep ': parseerror: ' || true; } | tee -a ../bench/out/parseerrors.txt | wc -l)
	printf '%s %d\n' "$name" "$n"
done <bench/corpus/VERSIONS
