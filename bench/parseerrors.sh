#!/usr/bin/env bash
# Parse coverage: the parseerror findings of riskvet php on each corpus under
# bench/corpus (fetched by bench/fetch-corpora.sh), with riskvet's default
# skips (vendor, node_modules, .git) and no result cache. Prints one line
# per corpus, "corpus N", and lists the findings in bench/out/parseerrors.txt.
#
#	bench/parseerrors.sh [corpus ...]
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(wordpress mediawiki phpmyadmin)
mkdir -p bench/out/bin
go build -o bench/out/bin/riskvet ./cmd/riskvet
: >bench/out/parseerrors.txt
for c in "${corpora[@]}"; do
	# riskvet exits 1 when it finds anything: not a failure here.
	(cd bench/corpus && ../out/bin/riskvet php -quiet -cache-dir off -f text "$c" || [ $? -eq 1 ]) |
		grep ': parseerror: ' >bench/out/parseerrors.$$ || true
	printf '%s %d\n' "$c" "$(wc -l <bench/out/parseerrors.$$)"
	cat bench/out/parseerrors.$$ >>bench/out/parseerrors.txt
	rm bench/out/parseerrors.$$
done
