#!/usr/bin/env bash
# Measures riskvet php's result cache on MediaWiki: a run without a cache
# (the baseline), a cold run filling an empty cache, a warm rerun with
# nothing changed, a warm rerun after an edit inside one function body
# (same lines, so the file's symbols and the index are unchanged), and a
# warm rerun after a change of one declaration (a return type in
# includes/Title.php gains "?", so the index changes and every file the
# second pass checks is checked again).
#
#	bench/incremental.sh [-n reps] [-t]
#
# -t only rebuilds the table from the last run's bench/out/incremental.tsv.
#
# The corpus is copied to a scratch folder under bench/out, since the
# script edits it. In the first repetition every warm run's JSON report is
# compared with a run without a cache over the same tree; a difference
# fails the script. Raw numbers go to bench/out/incremental.tsv, the table
# to bench/out/incremental.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
reps=3
table_only=
while getopts "n:t" o; do
	case $o in
	n) reps=$OPTARG ;;
	t) table_only=1 ;;
	*) echo "usage: bench/incremental.sh [-n reps] [-t]" >&2; exit 2 ;;
	esac
done
work=bench/out/incremental
cache=$PWD/$work/cache
tsv=bench/out/incremental.tsv
if [ -z "$table_only" ]; then

bin=bench/out/bin
mkdir -p "$bin" bench/out/runs
go build -o "$bin/riskvet" ./cmd/riskvet
rv=$PWD/$bin/riskvet

rm -rf "$work"
mkdir -p "$work"
cp -a bench/corpus/mediawiki "$work/tree"
title=$work/tree/usr/share/mediawiki/includes/Title.php
cp "$title" "$work/Title.php.orig"
grep -q "wfDeprecated( __METHOD__, '1.34' );" "$title"
grep -q "public function getBacklinkCache(): BacklinkCache {" "$title"

# run NAME REP CACHE: riskvet php -f json over the copy.
run() {
	local out=bench/out/runs/incremental-$2-$1
	(cd "$work/tree" && measure "$PWD/../../../../$out" "$rv" php -f json -cache-dir "$3" -skip vendor,node_modules,.git .)
	read -r wall user sys rss rc <"$out"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$wall" "$user" "$sys" "$rss" "$rc" "$(load)" >>"$tsv"
	echo "incremental rep $2 $1: ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s cpu, $((rss / 1024)) MB, exit $rc" >&2
}

# same REP NAME: the warm run NAME reported what a run without a cache
# reports over the same tree.
same() {
	local ref=bench/out/runs/incremental-$1-$2-ref
	(cd "$work/tree" && "$rv" php -f json -cache-dir off -skip vendor,node_modules,.git . >"$PWD/../../../../$ref.out" 2>/dev/null) || true
	if ! cmp -s "$ref.out" "bench/out/runs/incremental-$1-$2.out"; then
		echo "incremental: $2 differs from a run without the cache" >&2
		exit 1
	fi
	echo "incremental: $2 equals a run without the cache ($(grep -c '"rule"' "$ref.out") findings)" >&2
}

printf 'case\trep\twall_s\tuser_s\tsys_s\trss_kb\texit\tload1\n' >"$tsv"
for rep in $(seq "$reps"); do
	cp "$work/Title.php.orig" "$title"
	rm -rf "$cache"
	run nocache "$rep" off
	run cold "$rep" "$cache"
	run warm "$rep" "$cache"
	[ "$rep" = 1 ] && same "$rep" warm
	sed -i "s/wfDeprecated( __METHOD__, '1.34' );/wfDeprecated( __METHOD__, '1.34.0' );/" "$title"
	run body "$rep" "$cache"
	[ "$rep" = 1 ] && same "$rep" body
	sed -i "s/public function getBacklinkCache(): BacklinkCache {/public function getBacklinkCache(): ?BacklinkCache {/" "$title"
	run decl "$rep" "$cache"
	[ "$rep" = 1 ] && same "$rep" decl
done
du -sh "$cache" | awk '{print "incremental: cache size " $1}' >&2
fi
reps=$(awk -F'\t' 'NR>1 {n=$2>n?$2:n} END {print n}' "$tsv")
files=$(grep -c '"lines":' bench/out/runs/incremental-1-nocache.out || true)

col() { awk -F'\t' -v c="$1" 'NR>1 && $1==c {print '"$2"'}' "$tsv"; }
base=$(col nocache '$3' | stats | cut -d' ' -f1)
cbase=$(col nocache '$4+$5' | stats | cut -d' ' -f1)
{
	echo "MediaWiki, $files files (-skip vendor,node_modules,.git), $reps repetitions; cache $(du -sh "$cache" | cut -f1)."
	echo
	echo "| run | wall s (median, min-max) | CPU s (median, min-max) | peak RSS MB (median) | wall / no-cache | CPU / no-cache | load (min-max) |"
	echo "|---|---|---|---|---|---|---|"
	for c in nocache cold warm body decl; do
		read -r wm wl wh < <(col $c '$3' | stats)
		read -r cm cl ch < <(col $c '$4+$5' | stats)
		read -r rm _ _ < <(col $c '$6/1024' | stats)
		read -r _ ll lh < <(col $c '$8' | stats)
		echo "| $c | $wm ($wl-$wh) | $cm ($cl-$ch) | $rm | $(awk "BEGIN{printf \"%.0f%%\", 100*$wm/$base}") | $(awk "BEGIN{printf \"%.0f%%\", 100*$cm/$cbase}") | $ll-$lh |"
	done
} >bench/out/incremental.md
cat bench/out/incremental.md
