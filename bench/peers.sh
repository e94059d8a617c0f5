#!/usr/bin/env bash
# Scores riskvet's nullderef, undefinedindex and stricttypes against the
# peers' own test data (PHPStan, Psalm, noverify, sonar-php) with the
# project's shared harness, shared/peers/run_peers.sh beside the main
# checkout (its README says what it extracts and how it scores).
#
#	bench/peers.sh [-b RISKVET] [-l LEVEL]
#
#	-b RISKVET  the binary scored (default: built from this checkout into
#	            bench/out/bin/riskvet)
#	-l LEVEL    score nullderef at -nullderef.level=LEVEL (definite, local,
#	            shown, declared), with -nullderef.tests
#
# undefinedindex always runs with -undefinedindex.tests (the peers' data
# sit under tests folders, which it leaves out by default) and
# -undefinedindex.strict (the peers' cases include the builtins whose
# results the default does not follow).
#
# The harness reads bare snapshots that the library's `fetch` tool leaves
# under $RISKVET_MIRROR (default /work/.mirror) as <owner>+<name>/repo; a
# script cannot fetch them, so a missing one is named with the fetch source
# to ask for and the run stops. $RISKVET_PEERS overrides the harness
# folder. Writes bench/out/_peers/ (cases, per-suite results, REPORT.md; the
# underscore keeps the go tool out of the peers' Go test files there)
# and bench/out/peers.md (the report's summary tables).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

bin=""
level=""
while getopts b:l: opt; do
	case $opt in
	b) bin=$OPTARG ;;
	l) level=$OPTARG ;;
	*) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done

# shared/ sits beside the main worktree, whichever worktree runs this.
main=$(dirname "$(realpath "$(git rev-parse --git-common-dir)")")
peers=${RISKVET_PEERS:-$main/../shared/peers}
mirror=${RISKVET_MIRROR:-/work/.mirror}
missing=()
[ -x "$peers/run_peers.sh" ] || missing+=("the harness $peers/run_peers.sh (set RISKVET_PEERS)")
peer_snapshots bench/peers.sh phpstan/phpstan-src vimeo/psalm VKCOM/noverify SonarSource/sonar-php
bin=$(riskvet_bin "$bin")
# The harness runs `riskvet php ...` as it is: a wrapper adds
# undefinedindex's flags (above), and with -l the nullderef level and
# -nullderef.tests, since PHPStan's data files sit under a tests folder,
# which both checks skip by default.
flags=(-undefinedindex.tests -undefinedindex.strict)
[ -z "$level" ] || flags+=(-nullderef.tests "-nullderef.level=$level")
mkdir -p bench/out/bin
wrap=$PWD/bench/out/bin/riskvet-peers${level:+-$level}
printf '#!/bin/sh\nif [ "$1" = php ]; then shift; exec %q php %s "$@"; fi\nexec %q "$@"\n' "$bin" "${flags[*]}" "$bin" >"$wrap"
chmod +x "$wrap"
bin=$wrap
"$peers/run_peers.sh" "$mirror" "$PWD/bench/out/_peers" "$bin" >bench/out/peers.log 2>&1 || {
	tail -20 bench/out/peers.log >&2
	exit 2
}
# The summary, and PHPStan's table split by method call and property fetch.
{
	sed -n '1,/^## Missing capabilities/p' bench/out/_peers/REPORT.md | sed '$d'
	echo "## PHPStan by rule test"
	echo
	sed -n '/^## PHPStan (/,/^## Psalm/p' bench/out/_peers/REPORT.md | sed -n '/^Scored against PHPStan/,/^Offset positives/p' | sed '$d'
} >bench/out/peers.md
cat bench/out/peers.md
