#!/usr/bin/env bash
# Measures riskvet php's incremental runs on MediaWiki (vendor/ included):
# a cold run filling a fresh -cache-dir, a rerun with nothing changed, a
# rerun after one file's body changed (a comment appended to
# includes/Title.php), and a rerun after one declaration changed (a method
# added to class Title, which many files call into). Each rerun's findings
# are compared with a run without the cache on the same tree: they must be
# equal. Issue 6's target: a rerun after one changed file takes at most 15%
# of the cold run.
#
#	bench/incr.sh [-n reps]
#
# The tree is a hard-linked copy, bench/corpus/mediawiki-inc; the changed
# file is a real copy, restored at the end. Results: bench/out/incr.tsv and
# bench/out/incr.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
reps=3
while getopts "n:" o; do
	case $o in
	n) reps=$OPTARG ;;
	*) echo "usage: bench/incr.sh [-n reps]" >&2; exit 2 ;;
	esac
done
bin=bench/out/bin
mkdir -p "$bin" bench/out/runs
go build -o "$bin/riskvet-incr" ./cmd/riskvet
rv=$bin/riskvet-incr
if [ -z "$(nocache "$rv")" ]; then
	echo "riskvet php has no -cache-dir: nothing to measure" | tee bench/out/incr.md
	exit 0
fi
tree=bench/corpus/mediawiki-inc
[ -d "$tree" ] || cp -al bench/corpus/mediawiki "$tree"
f=$tree/usr/share/mediawiki/includes/Title.php
orig=bench/corpus/mediawiki/usr/share/mediawiki/includes/Title.php
restore() { rm -f "$f" && ln "$orig" "$f"; }
trap restore EXIT

tsv=bench/out/incr.tsv
printf 'rep\tstep\twall_s\tuser_s\tsys_s\trss_kb\tsame_as_uncached\tload1\n' >"$tsv"
run() { # rep step cachedir
	local out=bench/out/runs/incr-$1-$2
	l=$(load)
	measure "$out" "$rv" php -cache-dir "$3" -f json -skip .git "$tree"
	local same=-
	if [ "$2" != cold ]; then
		"$rv" php -cache-dir off -f json -skip .git "$tree" >"$out.ref" 2>/dev/null || true
		if cmp -s <(jq -S '.findings, .files, .errors' "$out.out") <(jq -S '.findings, .files, .errors' "$out.ref"); then same=yes; else same=NO; fi
	fi
	read -r wall user sys rss rc <"$out"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$wall" "$user" "$sys" "$rss" "$same" "$l" >>"$tsv"
	echo "incr rep $1 $2: ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s cpu, $((rss / 1024)) MB, same as uncached: $same" >&2
}
for rep in $(seq "$reps"); do
	restore
	cache=$(mktemp -d)
	run "$rep" cold "$cache"
	run "$rep" unchanged "$cache"
	cp "$orig" "$f.tmp" && mv "$f.tmp" "$f"
	printf '\n// riskvet bench: a changed body\n' >>"$f"
	run "$rep" body "$cache"
	# A new method just before the class's last closing brace.
	python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="latin-1").read()
i = s.rindex("}")
s = s[:i] + "\tpublic function riskvetBenchProbe(): ?Title {\n\t\treturn null;\n\t}\n" + s[i:]
open(p, "w", encoding="latin-1").write(s)
PY
	run "$rep" declaration "$cache"
	rm -rf "$cache"
done
col() { awk -F'\t' -v s="$1" 'NR>1 && $2==s {print '"$2"'}' "$tsv"; }
cold=$(col cold '$3' | stats | cut -d' ' -f1)
coldc=$(col cold '$4+$5' | stats | cut -d' ' -f1)
{
	echo "| step | wall s (median, min-max) | CPU s (median) | wall / cold | CPU / cold | peak RSS MB | same findings as an uncached run |"
	echo "|---|---|---|---|---|---|---|"
	for s in cold unchanged body declaration; do
		read -r wm wl wh < <(col $s '$3' | stats)
		cm=$(col $s '$4+$5' | stats | cut -d' ' -f1)
		rm_=$(col $s '$6/1024' | stats | cut -d' ' -f1)
		echo "| $s | $wm ($wl-$wh) | $cm | $(awk "BEGIN{printf \"%.2f\", $wm/$cold}") | $(awk "BEGIN{printf \"%.2f\", $cm/$coldc}") | $rm_ | $(col $s '$7' | sort -u | tr '\n' ' ') |"
	done
	echo
	echo "$reps repetitions, load $(col cold '$8' | stats | cut -d' ' -f2-3 | tr ' ' -)"
} >bench/out/incr.md
cat bench/out/incr.md
