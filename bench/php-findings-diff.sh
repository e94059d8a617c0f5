#!/usr/bin/env bash
# Compares the PHP findings of two riskvet builds: for each corpus it runs
# the before binary and this checkout's riskvet with the same flags and
# prints, per corpus, the findings of each rule before and after and every
# finding only one of them reports (exit 1 when there is one). A
# refactoring of the flow engine must print no such line.
#
#	bench/php-findings-diff.sh -b BEFORE [-c checks] [-f "flags"] [corpus ...]
#
# -c names the checks (default nullderef,nullarg,undefinedindex); -f adds
# flags to both runs (as "-nullderef.strict -nullderef.tests"). Corpora are
# folders of bench/corpus (default wordpress mediawiki; gh/NAME for a GitHub
# snapshot); both builds run
# with -cache-dir off -config off. Writes bench/out/php-findings-diff/.
set -euo pipefail
export LC_ALL=C # one order for sort and comm
cd "$(dirname "$0")/.."
before="" checks=nullderef,nullarg,undefinedindex flags=""
while getopts b:c:f: opt; do
	case $opt in
	b) before=$(realpath "$OPTARG") ;;
	c) checks=$OPTARG ;;
	f) flags=$OPTARG ;;
	*) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$before" ] || { echo "bench/php-findings-diff.sh: -b BEFORE is required" >&2; exit 2; }
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(wordpress mediawiki)
out=bench/out/php-findings-diff
differ=0
mkdir -p "$out" bench/out/bin
go build -o bench/out/bin/riskvet-php ./cmd/riskvet
after=$(realpath bench/out/bin/riskvet-php)
for c in "${corpora[@]}"; do
	f=$out/${c//\//-} # gh/symfony: gh-symfony
	for side in before after; do
		bin=$before
		[ "$side" = after ] && bin=$after
		# Findings exit 1: only 2 and 3 are failures.
		# shellcheck disable=SC2086
		(cd "bench/corpus/$c" && "$bin" php -f json -cache-dir off -config off -checks "$checks" $flags .) \
			>"$f.$side.json" 2>"$f.$side.err" || [ $? = 1 ] ||
			{ echo "$c: $side failed, see $f.$side.err" >&2; exit 2; }
		jq -r '.findings[] | [.rule, .file, .line, .column, .message] | @tsv' "$f.$side.json" | sort >"$f.$side.tsv"
	done
	count() { cut -f1 "$1" | sort | uniq -c | awk '{printf "%s%s=%s", sep, $2, $1; sep = " "}'; }
	echo "$c: before $(count "$f.before.tsv"); after $(count "$f.after.tsv")"
	comm -23 "$f.before.tsv" "$f.after.tsv" | sed 's/^/  lost\t/'
	comm -13 "$f.before.tsv" "$f.after.tsv" | sed 's/^/  new\t/'
	cmp -s "$f.before.tsv" "$f.after.tsv" || differ=1
done
exit $differ
