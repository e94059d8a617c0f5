#!/usr/bin/env bash
# Checks riskvet php -shard on a real tree: the n shards' findings and
# files, put together, must equal one unsharded run's, with no file in two
# shards; it also times each shard (each builds the index of all files, so
# a shard costs more than 1/n of a run).
#
#	bench/shard.sh [-n shards] [corpus]
#
# Corpus as in bench/php.sh (default mediawiki). Result: bench/out/shard.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
n=2
while getopts "n:" o; do
	case $o in
	n) n=$OPTARG ;;
	*) echo "usage: bench/shard.sh [-n shards] [corpus]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
c=${1:-mediawiki}
skip=vendor,node_modules,.git
[ "$c" = mediawiki-all ] && skip=.git
dir=bench/corpus/${c%-all}
bin=bench/out/bin
mkdir -p "$bin" bench/out/runs
go build -o "$bin/riskvet-shard" ./cmd/riskvet
rv=$bin/riskvet-shard
if ! "$rv" php -h 2>&1 | grep -- '-shard' >/dev/null; then
	echo "riskvet php has no -shard: nothing to measure" | tee bench/out/shard.md
	exit 0
fi
out=bench/out/runs/shard-$c
measure "$out-all" "$rv" php -cache-dir off -f json -skip "$skip" "$dir"
{
	echo "| run | wall s | CPU s | peak RSS MB | files | findings |"
	echo "|---|---|---|---|---|---|"
	row() {
		read -r wall user sys rss rc <"$1"
		echo "| $2 | $wall | $(awk "BEGIN{print $user+$sys}") | $((rss / 1024)) | $(jq '.files | length' "$1.out") | $(jq '.findings | length' "$1.out") |"
	}
	row "$out-all" "unsharded"
	for i in $(seq "$n"); do
		measure "$out-$i" "$rv" php -cache-dir off -shard "$i/$n" -f json -skip "$skip" "$dir"
		row "$out-$i" "-shard $i/$n"
	done
} >bench/out/shard.md
files() { for i in $(seq "$n"); do jq -c '.files[]' "$out-$i.out"; done; }
finds() { for i in $(seq "$n"); do jq -c '.findings[]' "$out-$i.out"; done; }
dups=$(files | jq -r .path | sort | uniq -d | wc -l)
if cmp -s <(files | sort) <(jq -c '.files[]' "$out-all.out" | sort) &&
	cmp -s <(finds | sort) <(jq -c '.findings[]' "$out-all.out" | sort); then
	same=yes
else
	same=NO
fi
echo >>bench/out/shard.md
echo "$c, $n shards: shards' files and findings together equal the unsharded run's: **$same**; files in more than one shard: $dups; load $(load)" >>bench/out/shard.md
cat bench/out/shard.md
