#!/usr/bin/env bash
# Scores riskvet's nullarg against the peers' null-argument test cases:
# Psalm's PossiblyNullArgument and NullArgument cases (and its valid cases
# for false positives) and PHPStan's "Parameter #N $x of ... expects T,
# T|null given." expectations in its argument rule tests. The cases are
# extracted with the shared harness's phpstan_eval.php and
# psalm_extract.php (bench/peers.sh says where it lives), at the commits
# that harness pins; bench/cmd/peerargs says how they are scored.
#
#	bench/peers-nullarg.sh [-b RISKVET]
#
#	-b RISKVET  the binary scored (default: built from this checkout into
#	            bench/out/bin/riskvet)
#
# Writes bench/out/_peers-nullarg/ (snapshots, case folders) and
# bench/out/peers-nullarg.md (the summary, also printed) and
# bench/out/peers-nullarg-details.md (every positive and false positive).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

bin=""
while getopts b: opt; do
	case $opt in
	b) bin=$OPTARG ;;
	*) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done

main=$(dirname "$(realpath "$(git rev-parse --git-common-dir)")")
peers=${RISKVET_PEERS:-$main/../shared/peers}
mirror=${RISKVET_MIRROR:-/work/.mirror}
# The commits run_peers.sh pins; HEAD when a snapshot lacks one.
phpstan_commit=d73acef87f9d3ebd04bb6671d6b83755a8e62e8e
psalm_commit=3c67fc53dcdaab8107c214b8cf95c4c5e39489d2
missing=()
for f in phpstan_eval.php psalm_extract.php; do
	[ -f "$peers/$f" ] || missing+=("the harness's $peers/$f (set RISKVET_PEERS)")
done
peer_snapshots bench/peers-nullarg.sh phpstan/phpstan-src vimeo/psalm
bin=$(riskvet_bin "$bin")

work=bench/out/_peers-nullarg
rm -rf "$work"
mkdir -p "$work/snap"

# commit GITDIR WANTED prints WANTED when the snapshot has it, else HEAD.
commit() {
	if git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null; then echo "$2"; else git --git-dir="$1" rev-parse HEAD; fi
}
# show GITDIR COMMIT ROOT PATH... copies each PATH of COMMIT under ROOT.
show() {
	local g=$1 c=$2 root=$3 p
	shift 3
	for p in "$@"; do
		mkdir -p "$root/$(dirname "$p")"
		git --git-dir="$g" show "$c:$p" >"$root/$p"
	done
}

# PHPStan: the argument rule tests, the files they require, then the data
# files their runs analyse.
g=$mirror/phpstan+phpstan-src/repo
c=$(commit "$g" "$phpstan_commit")
snap=$work/snap/phpstan
tests="tests/PHPStan/Rules/Functions/CallToFunctionParametersRuleTest.php tests/PHPStan/Rules/Methods/CallMethodsRuleTest.php
tests/PHPStan/Rules/Methods/CallStaticMethodsRuleTest.php tests/PHPStan/Rules/Classes/InstantiationRuleTest.php
tests/PHPStan/Rules/Functions/CallCallablesRuleTest.php"
# shellcheck disable=SC2086 # one word a test
show "$g" "$c" "$snap" $tests
for t in $tests; do
	{ grep -o "require_once __DIR__ \. '[^']*'" "$snap/$t" || true; } | sed "s|.*'/\(.*\)'|$(dirname "$t")/\1|" | sort -u |
		while read -r p; do show "$g" "$c" "$snap" "$p"; done
done
# shellcheck disable=SC2086
(cd "$snap" && php "$peers/phpstan_eval.php" . $tests 2>/dev/null) >"$work/phpstan-eval.json"
python3 -c 'import json,sys; print("\n".join(sorted({f for r in json.load(open(sys.argv[1])) for f in r.get("files", [])})))' "$work/phpstan-eval.json" |
	while read -r p; do show "$g" "$c" "$snap" "$p" 2>/dev/null || echo "phpstan: $p not in $c" >&2; done
echo "phpstan-src $c" >"$work/commits.txt"

# Psalm: every test class with code cases that the harness's stubs load.
g=$mirror/vimeo+psalm/repo
c=$(commit "$g" "$psalm_commit")
snap=$work/snap/psalm
loaded=()
for p in $(git --git-dir="$g" grep -l -E 'providerValidCodeParse|providerInvalidCodeParse' "$c" -- tests | sed "s/^$c://"); do
	show "$g" "$c" "$snap" "$p"
	# A class built on another base (FileManipulation, the traits) fails to load.
	if (cd "$snap" && php "$peers/psalm_extract.php" "$p" >/dev/null 2>&1); then loaded+=("$p"); fi
done
(cd "$snap" && php "$peers/psalm_extract.php" "${loaded[@]}" 2>/dev/null) >"$work/psalm-cases.json"
echo "psalm $c (${#loaded[@]} test classes)" >>"$work/commits.txt"

go run ./bench/cmd/peerargs -riskvet "$bin" -work "$work/cases" \
	-phpstan "$work/phpstan-eval.json" -phpstan-snap "$work/snap/phpstan" \
	-psalm "$work/psalm-cases.json" -psalm-calls bench/peers-nullarg-psalm.tsv \
	-details bench/out/peers-nullarg-details.md >bench/out/peers-nullarg.md
cat "$work/commits.txt" bench/out/peers-nullarg.md
