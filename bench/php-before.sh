#!/usr/bin/env bash
# Compares two riskvet builds against the parse-only floor in one run:
# for each corpus and repetition it runs the before binary, this checkout's
# riskvet and bench/cmd/phpfloor, interleaved, so that the machine's drift
# hits all three; a change's cost is the ratio of the two builds' ratios
# to the floor (issue 10 asks for at most 1.1x).
#
#	bench/php-before.sh -b BEFORE [-n reps] [corpus ...]
#
# Corpora as bench/php.sh (wordpress, mediawiki, phpmyadmin by default, with
# riskvet's default skips); both builds run with -cache-dir off. Writes
# bench/out/php-before.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
before="" reps=3
while getopts b:n: opt; do
	case $opt in
	b) before=$(realpath "$OPTARG") ;;
	n) reps=$OPTARG ;;
	*) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$before" ] || { echo "bench/php-before.sh: -b BEFORE is required" >&2; exit 2; }
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(wordpress mediawiki phpmyadmin)
bin=bench/out/bin
mkdir -p "$bin" bench/out/runs
go build -o "$bin/riskvet-php" ./cmd/riskvet
go build -o "$bin/phpfloor" ./bench/cmd/phpfloor
raw=bench/out/php-before.tsv
: >"$raw"
for c in "${corpora[@]}"; do
	for rep in $(seq "$reps"); do
		for cmd in before after floor; do
			out=bench/out/runs/php-before-$c-$rep-$cmd
			case $cmd in
			before) measure "$out" "$before" php -cache-dir off -f json -skip vendor,node_modules,.git "bench/corpus/$c" ;;
			after) measure "$out" "$bin/riskvet-php" php -cache-dir off -f json -skip vendor,node_modules,.git "bench/corpus/$c" ;;
			floor) measure "$out" "$bin/phpfloor" -skip vendor,node_modules,.git "bench/corpus/$c" ;;
			esac
			read -r wall user sys _ _ <"$out"
			printf '%s\t%s\t%s\t%s\n' "$c" "$cmd" "$wall" "$(awk "BEGIN{print $user+$sys}")" >>"$raw"
		done
	done
done
{
	echo "| corpus | before wall / floor | after wall / floor | after / before (wall) | before CPU / floor | after CPU / floor | after / before (CPU) |"
	echo "|---|---|---|---|---|---|---|"
	for c in "${corpora[@]}"; do
		med() { awk -F'\t' -v c="$c" -v k="$1" -v f="$2" '$1==c && $2==k {print $f}' "$raw" | stats | cut -d' ' -f1; }
		bw=$(med before 3) aw=$(med after 3) fw=$(med floor 3)
		bc=$(med before 4) ac=$(med after 4) fc=$(med floor 4)
		awk -v c="$c" -v bw="$bw" -v aw="$aw" -v fw="$fw" -v bc="$bc" -v ac="$ac" -v fc="$fc" 'BEGIN {
			printf "| %s | %.2fx | %.2fx | **%.2fx** | %.2fx | %.2fx | **%.2fx** |\n", c, bw/fw, aw/fw, aw/bw, bc/fc, ac/fc, ac/bc }'
	done
} >bench/out/php-before.md
cat bench/out/php-before.md
