#!/usr/bin/env bash
# Measures riskvet php against its floor, bench/cmd/phpfloor (the same
# files, read and parsed with the same parser and workers, no index and no
# checks), side by side in one run: for each corpus and repetition it runs
# riskvet, then the floor, so that a drift in the machine's load hits both.
#
#	bench/php.sh [-n reps] [corpus ...]
#
# Corpora (fetched by bench/fetch-corpora.sh): wordpress, mediawiki and
# phpmyadmin with riskvet's default skips (vendor, node_modules, .git), and
# mediawiki-all, MediaWiki with its vendor/ tree (-skip .git: the 1.24M
# lines issue 3 names). Raw numbers go to bench/out/php.tsv, the table to
# bench/out/php.md: median, min and max of wall time, CPU time (user + sys)
# and peak RSS, from /usr/bin/time -f '%e %U %S %M'. riskvet's result
# cache is off (-cache-dir off): every run is a cold run.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
reps=5
while getopts "n:" o; do
	case $o in
	n) reps=$OPTARG ;;
	*) echo "usage: bench/php.sh [-n reps] [corpus ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(wordpress mediawiki mediawiki-all phpmyadmin)

bin=bench/out/bin
mkdir -p "$bin" bench/out/runs
go build -o "$bin/riskvet-php" ./cmd/riskvet
nc=$(nocache "$bin/riskvet-php")
go build -o "$bin/phpfloor" ./bench/cmd/phpfloor

# args CORPUS prints the skip flag and directory of a corpus.
args() {
	case $1 in
	mediawiki-all) echo "-skip .git bench/corpus/mediawiki" ;;
	*) echo "-skip vendor,node_modules,.git bench/corpus/$1" ;;
	esac
}

tsv=bench/out/php.tsv
printf 'corpus\trep\tcmd\twall_s\tuser_s\tsys_s\trss_kb\texit\tload1\n' >"$tsv"
for c in "${corpora[@]}"; do
	# shellcheck disable=SC2046
	set -- $(args "$c")
	for rep in $(seq "$reps"); do
		for cmd in riskvet floor; do
			out=bench/out/runs/php-$c-$rep-$cmd
			l=$(load)
			if [ $cmd = riskvet ]; then
				measure "$out" "$bin/riskvet-php" php $nc -f json "$@"
			else
				measure "$out" "$bin/phpfloor" "$@"
			fi
			read -r wall user sys rss rc <"$out"
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$rep" "$cmd" "$wall" "$user" "$sys" "$rss" "$rc" "$l" >>"$tsv"
			echo "php $c rep $rep $cmd: ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s cpu, $((rss / 1024)) MB, exit $rc, load $l" >&2
		done
	done
done

# The table: one row per corpus and command, then the ratio riskvet/floor
# of the medians (and the min and max of the per-repetition ratios).
col() { awk -F'\t' -v c="$1" -v m="$2" -v k="$3" 'NR>1 && $1==c && $3==m {print '"$4"'}' "$tsv"; }
{
	echo "| corpus | command | wall s (median, min-max) | CPU s (median, min-max) | peak RSS MB (median, min-max) |"
	echo "|---|---|---|---|---|"
	for c in "${corpora[@]}"; do
		for cmd in riskvet floor; do
			read -r wm wl wh < <(col "$c" "$cmd" x '$4' | stats)
			read -r cm cl ch < <(col "$c" "$cmd" x '$5+$6' | stats)
			read -r rm rl rh < <(col "$c" "$cmd" x '$7/1024' | stats)
			echo "| $c | $cmd | $wm ($wl-$wh) | $cm ($cl-$ch) | $rm ($rl-$rh) |"
		done
	done
	echo
	echo "| corpus | files | wall riskvet/floor (ratio of medians; per-rep min-max) | CPU riskvet/floor | load during run (min-max) |"
	echo "|---|---|---|---|---|"
	for c in "${corpora[@]}"; do
		ratios=$(awk -F'\t' -v c="$c" 'NR>1 && $1==c {w[$2,$3]=$4; n=$2>n?$2:n} END {for (i=1;i<=n;i++) if (w[i,"floor"]>0) print w[i,"riskvet"]/w[i,"floor"]}' "$tsv" | stats)
		read -r rmed rmin rmax <<<"$ratios"
		wr=$(awk "BEGIN{printf \"%.2f\", $(col "$c" riskvet x '$4' | stats | cut -d' ' -f1)/$(col "$c" floor x '$4' | stats | cut -d' ' -f1)}")
		cr=$(awk "BEGIN{printf \"%.2f\", $(col "$c" riskvet x '$5+$6' | stats | cut -d' ' -f1)/$(col "$c" floor x '$5+$6' | stats | cut -d' ' -f1)}")
		read -r lm ll lh < <(col "$c" riskvet x '$9' | stats)
		files=$(sed -n 's/phpfloor: \([0-9]*\) files.*/\1/p' "bench/out/runs/php-$c-1-floor.err")
		echo "| $c | $files | **${wr}x** ($rmin-$rmax) | ${cr}x | $ll-$lh |"
	done
} >bench/out/php.md
cat bench/out/php.md
