#!/usr/bin/env bash
# Runs riskvet php over each real corpus and accounts for every file: no
# panic, no hang (a 30-minute timeout), and every PHP file that find(1)
# lists under riskvet's walking rules either checked (in the JSON report's
# files), reported as parseerror, or listed in errors.
#
#	bench/robust.sh [corpus ...]
#
# Corpora as in bench/php.sh. The table goes to bench/out/robust.md, each
# report to bench/out/robust-<corpus>.json.
#
# find's side of the count applies riskvet's rules by itself: directories
# named in -skip are pruned; a symlink counts only when it resolves to a
# regular file inside the corpus, and a file reached by a symlink and by its
# real path counts once.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(wordpress mediawiki mediawiki-all phpmyadmin)
bin=bench/out/bin
mkdir -p "$bin"
go build -o "$bin/riskvet-robust" ./cmd/riskvet
out=bench/out/robust.md
{
	echo "| corpus | .php found (all) | expected (skips, symlinks) | in report files | checked | parseerror | errors | unaccounted | exit | panic | wall s | peak RSS MB | findings per rule |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$out"
for c in "${corpora[@]}"; do
	case $c in
	mediawiki-all) dir=bench/corpus/mediawiki skip=.git prune=(-name .git) ;;
	*) dir=bench/corpus/$c skip=vendor,node_modules,.git prune=(-name vendor -o -name node_modules -o -name .git) ;;
	esac
	root=$(realpath "$dir")
	all=$(find "$dir" -name '*.php' | wc -l)
	# The real paths of what riskvet should check, one each.
	expected=$(
		{
			find "$dir" \( "${prune[@]}" \) -prune -o -name '*.php' -type f -print0 | xargs -0 -r realpath
			find "$dir" \( "${prune[@]}" \) -prune -o -name '*.php' -type l -print0 |
				xargs -0 -r realpath -q -e 2>/dev/null | while read -r t; do
				[[ $t == "$root"/* && -f $t ]] && echo "$t"
			done || true
		} | sort -u | wc -l
	)
	json=bench/out/robust-$c.json
	rc=0
	/usr/bin/time -f '%e %M' -o bench/out/robust-$c.time timeout 30m "$bin/riskvet-robust" php $(nocache "$bin/riskvet-robust") -f json -skip "$skip" "$dir" >"$json" 2>bench/out/robust-$c.err || rc=$?
	read -r wall rss < <(tail -1 bench/out/robust-$c.time)
	panic=no
	grep -q 'panic\|goroutine ' bench/out/robust-$c.err && panic=YES
	[ $rc -eq 124 ] && panic="HANG"
	files=$(jq '.files | length' "$json")
	perr=$(jq '[.findings[] | select(.rule == "parseerror")] | length' "$json")
	errs=$(jq '.errors | length' "$json")
	checked=$((files - perr))
	unacc=$((expected - files - errs))
	rules=$(jq -r '[.findings | group_by(.rule)[] | "\(.[0].rule) \(length)"] | join(", ")' "$json")
	echo "| $c | $all | $expected | $files | $checked | $perr | $errs | $unacc | $rc | $panic | $wall | $((rss / 1024)) | $rules |" >>"$out"
	echo "robust $c: $files files, $perr parseerror, $errs errors, $unacc unaccounted, exit $rc" >&2
done
cat "$out"
echo
jq -r '.findings[] | select(.rule == "parseerror") | "parseerror: \(.file):\(.line): \(.message)"' bench/out/robust-*.json | sort -u | tee bench/out/robust-parseerrors.txt
