#!/usr/bin/env bash
# Fetches the real-code corpora the benchmarks run on into bench/corpus/,
# which git ignores: PHP from Debian's wordpress, mediawiki and phpmyadmin
# packages. Nothing fetched here is ever committed.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/debs
cd corpus/debs
for pkg in wordpress mediawiki phpmyadmin; do
	if [ -d "../$pkg" ]; then
		continue
	fi
	ls ${pkg}_*.deb >/dev/null 2>&1 || apt-get download "$pkg"
	mkdir -p "../$pkg"
	dpkg-deb -x ${pkg}_*.deb "../$pkg"
done
cd ..
for pkg in wordpress mediawiki phpmyadmin; do
	printf '%s %s: %s .php files\n' "$pkg" "$(ls debs/${pkg}_*.deb | sed 's/.*_\(.*\)_.*/\1/')" "$(find "$pkg" -name '*.php' -type f | wc -l)"
done
