#!/usr/bin/env bash
# Counts nullarg's findings at its default settings on every PHP corpus
# bench/corpus/VERSIONS lists (fetched by bench/fetch-corpora.sh), split by
# the consequence the message names: a TypeError, or the deprecation PHP
# 8.1 raises for null given to a built-in's scalar parameter outside
# strict_types.
#
#	bench/nullarg-corpus.sh [-b RISKVET] [-o OUT] [-x FLAG]...
#
#	-b RISKVET  the binary run (default: built from this checkout into
#	            bench/out/bin/riskvet)
#	-o OUT      the table written (default bench/out/nullarg-corpus.md);
#	            each corpus's json goes beside it, in OUT's name without .md
#	-x FLAG     an extra flag for riskvet php (-x -nullarg.deprecated
#	            reports the deprecations too)
#
# Each corpus is checked from its own folder with the result cache and
# riskvet.toml off: `riskvet php -f json -cache-dir off -config off -checks
# nullarg .`. Prints the table (also to OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

bin="" out=bench/out/nullarg-corpus.md extra=()
while getopts b:o:x: opt; do
	case $opt in
	b) bin=$OPTARG ;;
	o) out=$OPTARG ;;
	x) extra+=("$OPTARG") ;;
	*) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done
bin=$(realpath "$(riskvet_bin "$bin")")
[ -f bench/corpus/VERSIONS ] || { echo "bench/nullarg-corpus.sh: no bench/corpus/VERSIONS (run bench/fetch-corpora.sh)" >&2; exit 2; }
dir=${out%.md}
mkdir -p "$dir"
{
	echo "| corpus | findings | TypeError | deprecated |"
	echo "|---|---|---|---|"
	total=0 te=0 dep=0
	while IFS=$'\t' read -r name path _; do
		case $name in '' | \#*) continue ;; esac
		[ -d "bench/$path" ] || continue
		(cd "bench/$path" && "$bin" php -f json -cache-dir off -config off -checks nullarg ${extra[@]+"${extra[@]}"} . >"$OLDPWD/$dir/$name.json") || [ $? -eq 1 ]
		read -r n t d < <(python3 -c '
import json, sys
f = [x for x in json.load(open(sys.argv[1]))["findings"] if x["rule"] == "nullarg"]
print(len(f), sum("TypeError" in x["message"] for x in f), sum("deprecated" in x["message"] for x in f))' "$dir/$name.json")
		echo "| $name | $n | $t | $d |"
		total=$((total + n)) te=$((te + t)) dep=$((dep + d))
	done <bench/corpus/VERSIONS
	echo "| all | $total | $te | $dep |"
} | tee "$out"
