#!/usr/bin/env bash
# Reruns every measurement that bench/README.md reports, except the long
# fuzzing runs (bench/fuzz.sh), and prints the machine it ran on. Each
# script writes its table to bench/out/; the README quotes those tables.
#
#	bench/run-all.sh [-n reps]
#
# Takes about an hour on an idle 2-core machine, mostly go vet std.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=5
while getopts "n:" o; do
	case $o in
	n) reps=$OPTARG ;;
	*) echo "usage: bench/run-all.sh [-n reps]" >&2; exit 2 ;;
	esac
done
bench/fetch-corpora.sh
bench/machine.sh >bench/out/machine.md
bench/php.sh -n "$reps"
bench/scaling.sh -n "$reps"
bench/robust.sh
bench/incr.sh -n "$reps"
bench/shard.sh -n 2 mediawiki
bench/go.sh -n "$reps"
bench/gomods.sh
bench/gomods.sh -s
bench/machine.sh >>bench/out/machine.md
cat bench/out/machine.md
