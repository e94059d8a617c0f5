#!/usr/bin/env bash
# Measures how riskvet php scales on MediaWiki: 25%, 50% and 100% of its
# .php files (vendor/ included, the 1.24M-line tree), taken
# deterministically (every 4th, every 2nd and every file of the sorted
# list) and hard-linked into bench/corpus/mediawiki-sub/<pct>/ with their
# relative paths, so each run walks a plain directory. The three sizes are
# interleaved per repetition.
#
#	bench/scaling.sh [-n reps]
#
# Numbers go to bench/out/scaling.tsv and bench/out/scaling.md; the plot,
# drawn by bench/cmd/scalingplot, to bench/scaling.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
reps=3
while getopts "n:" o; do
	case $o in
	n) reps=$OPTARG ;;
	*) echo "usage: bench/scaling.sh [-n reps]" >&2; exit 2 ;;
	esac
done
bin=bench/out/bin
mkdir -p "$bin" bench/out/runs
go build -o "$bin/riskvet-scaling" ./cmd/riskvet

src=bench/corpus/mediawiki
sub=bench/corpus/mediawiki-sub
if [ ! -f "$sub/.done" ]; then
	rm -rf "$sub"
	(cd "$src" && find . -name .git -prune -o -name '*.php' -type f -print | LC_ALL=C sort) >"$sub.list.tmp"
	for k in 4:25 2:50 1:100; do
		every=${k%%:*} pct=${k#*:}
		mkdir -p "$sub/$pct"
		awk -v k="$every" '(NR - 1) % k == 0' "$sub.list.tmp" | (cd "$src" && xargs -d '\n' cp -l --parents -t "$OLDPWD/$sub/$pct")
	done
	rm "$sub.list.tmp"
	touch "$sub/.done"
fi

tsv=bench/out/scaling.tsv
printf 'pct\trep\tfiles\tlines\twall_s\tuser_s\tsys_s\trss_kb\texit\tload1\n' >"$tsv"
for rep in $(seq "$reps"); do
	for pct in 25 50 100; do
		out=bench/out/runs/scaling-$pct-$rep
		l=$(load)
		measure "$out" "$bin/riskvet-scaling" php $(nocache "$bin/riskvet-scaling") -f json -skip .git "$sub/$pct"
		read -r wall user sys rss rc <"$out"
		files=$(jq '.files | length' "$out.out")
		lines=$(jq '[.files[].lines] | add' "$out.out")
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pct" "$rep" "$files" "$lines" "$wall" "$user" "$sys" "$rss" "$rc" "$l" >>"$tsv"
		echo "scaling $pct% rep $rep: $files files, $lines lines, ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s cpu, $((rss / 1024)) MB, load $l" >&2
	done
done

col() { awk -F'\t' -v p="$1" 'NR>1 && $1==p {print '"$2"'}' "$tsv"; }
{
	printf 'pct\tfiles\tlines\twall_s\tcpu_s\trss_mb\n'
	for pct in 25 50 100; do
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$pct" "$(col $pct '$3' | head -1)" "$(col $pct '$4' | head -1)" \
			"$(col $pct '$5' | stats | cut -d' ' -f1)" "$(col $pct '$6+$7' | stats | cut -d' ' -f1)" "$(col $pct '$8/1024' | stats | cut -d' ' -f1)"
	done
} >bench/out/scaling-medians.tsv
{
	echo "| share | files | lines | wall s (median, min-max) | CPU s (median, min-max) | CPU µs per line | peak RSS MB (median, min-max) |"
	echo "|---|---|---|---|---|---|---|"
	for pct in 25 50 100; do
		read -r wm wl wh < <(col $pct '$5' | stats)
		read -r cm cl ch < <(col $pct '$6+$7' | stats)
		read -r rm rl rh < <(col $pct '$8/1024' | stats)
		lines=$(col $pct '$4' | head -1)
		echo "| $pct% | $(col $pct '$3' | head -1) | $lines | $wm ($wl-$wh) | $cm ($cl-$ch) | $(awk "BEGIN{printf \"%.1f\", $cm*1e6/$lines}") | $rm ($rl-$rh) |"
	done
	echo
	echo "$reps repetitions, load $(col 25 '$10' | cat - <(col 50 '$10') <(col 100 '$10') | stats | cut -d' ' -f2-3 | tr ' ' -)"
} >bench/out/scaling.md
go run ./bench/cmd/scalingplot <bench/out/scaling-medians.tsv >bench/scaling.svg
cat bench/out/scaling.md
