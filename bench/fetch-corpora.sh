#!/usr/bin/env bash
# Fetches the real-code corpora the benchmarks run on into bench/corpus/,
# which git ignores. Nothing fetched here is ever committed.
#
#	bench/fetch-corpora.sh
#
# Debian (bookworm) packages, `apt-get download` and `dpkg-deb -x` into
# corpus/<name>:
#
#	wordpress mediawiki phpmyadmin        wordpress, mediawiki, phpmyadmin
#	laravel                               php-laravel-framework and php-illuminate-*
#	symfony                               php-symfony's php-symfony-* components
#	composer                              composer
#	doctrine-orm doctrine-dbal            php-doctrine-orm, php-doctrine-dbal
#
# GitHub heads, code written after 2022, checked out into corpus/gh/<name>
# from the bare snapshots that the library's `fetch` tool leaves under
# $RISKVET_MIRROR (default /work/.mirror) as <owner>+<name>/repo. A script
# cannot fetch them: it uses the snapshots present and names the missing
# ones, with the `fetch` source to ask for:
#
#	gh-laravel gh-symfony gh-orm gh-composer gh-filament gh-psalm gh-phpstan
#	gh-phpunit gh-dbal gh-firefly gh-bookstack gh-statamic gh-rector
#	gh-matomo gh-sylius gh-monica gh-invoiceninja gh-koel gh-flarum
#	gh-kimai gh-snipeit gh-akaunting gh-pixelfed gh-wallabag
#	gh-piwigo gh-phpipam gh-yourls
#
# openemr/openemr is not among them: its snapshot (1.03 GB) is larger
# than the 500 MB the fetch tool brings.
#
# corpus/VERSIONS records, one corpus a line, tab-separated: name, folder
# (relative to bench/), version (the Debian version or the commit), source,
# the snapshot's git directory (GitHub only; bench/cmd/judge blames sampled
# lines there) and whether that snapshot is shallow.
set -euo pipefail
cd "$(dirname "$0")"
MIRROR=${RISKVET_MIRROR:-/work/.mirror}
mkdir -p corpus/debs corpus/gh

# name:package... (the packages unpacked together into corpus/<name>)
debian=(
	wordpress:wordpress
	mediawiki:mediawiki
	phpmyadmin:phpmyadmin
	laravel:LARAVEL
	symfony:SYMFONY
	composer:composer
	doctrine-orm:php-doctrine-orm
	doctrine-dbal:php-doctrine-dbal
)
# name:owner/repo
github=(
	gh-laravel:laravel/framework
	gh-symfony:symfony/symfony
	gh-orm:doctrine/orm
	gh-composer:composer/composer
	gh-filament:filamentphp/filament
	gh-psalm:vimeo/psalm
	gh-phpstan:phpstan/phpstan-src
	gh-phpunit:sebastianbergmann/phpunit
	gh-dbal:doctrine/dbal
	gh-firefly:firefly-iii/firefly-iii
	gh-bookstack:BookStackApp/BookStack
	gh-statamic:statamic/cms
	gh-rector:rectorphp/rector-src
	gh-matomo:matomo-org/matomo
	gh-sylius:Sylius/Sylius
	gh-monica:monicahq/monica
	gh-invoiceninja:invoiceninja/invoiceninja
	gh-koel:koel/koel
	gh-flarum:flarum/framework
	gh-kimai:kimai/kimai
	gh-snipeit:snipe/snipe-it
	gh-akaunting:akaunting/akaunting
	gh-pixelfed:pixelfed/pixelfed
	gh-wallabag:wallabag/wallabag
	gh-piwigo:Piwigo/Piwigo
	gh-phpipam:phpipam/phpipam
	gh-yourls:YOURLS/YOURLS
)

if ! apt-cache show php-doctrine-dbal >/dev/null 2>&1; then
	echo "apt-cache knows no php-doctrine-dbal: run apt-get update first" >&2
	exit 2
fi

# Written aside and moved in whole, so a run stopped half-way (or two at
# once) never leaves a VERSIONS that lacks corpora.
versions=$(mktemp corpus/VERSIONS.XXXXXX)
for spec in "${debian[@]}"; do
	name=${spec%%:*} pkgs=${spec#*:} main=$pkgs
	case $pkgs in
	SYMFONY)
		# php-symfony is a metapackage; the components hold the source.
		main=php-symfony
		pkgs=$(apt-cache depends php-symfony | sed -n 's/^ *Depends: \(php-symfony-[a-z0-9-]*\)$/\1/p' | sort -u | tr '\n' ' ')
		;;
	LARAVEL)
		# php-laravel-framework holds Illuminate\Foundation; the other
		# Illuminate components, built from the same source, are
		# php-illuminate-*.
		main=php-laravel-framework
		pkgs="php-laravel-framework $(apt-cache search --names-only '^php-illuminate-' | cut -d' ' -f1 | sort | tr '\n' ' ')"
		;;
	esac
	ver=$(apt-cache policy "$main" | sed -n 's/^ *Candidate: //p')
	if [ ! -d "corpus/$name" ]; then
		(
			cd corpus/debs
			for p in $pkgs; do
				ls "${p}"_*.deb >/dev/null 2>&1 && continue
				# apt warns that root downloads unsandboxed; only a failure is shown.
				apt-get download "$p" >/dev/null 2>apt.err || { cat apt.err >&2; exit 1; }
			done
			rm -f apt.err
		)
		mkdir -p "corpus/$name"
		for p in $pkgs; do
			dpkg-deb -x corpus/debs/"${p}"_*.deb "corpus/$name"
		done
	fi
	# The version of the .deb on disk, which may be older than apt's
	# candidate when the corpus was fetched earlier.
	deb=$(ls corpus/debs/"${main}"_*.deb 2>/dev/null | head -1 || true)
	[ -n "$deb" ] && ver=$(dpkg-deb -f "$deb" Version)
	printf '%s\tcorpus/%s\t%s\tdebian:%s\t\t\n' "$name" "$name" "$ver" "$main" >>"$versions"
done

missing=()
for spec in "${github[@]}"; do
	name=${spec%%:*} repo=${spec#*:}
	git_dir=$MIRROR/${repo%%/*}+${repo#*/}/repo
	if ! git --git-dir="$git_dir" rev-parse -q --verify HEAD^{commit} >/dev/null 2>&1; then
		missing+=("github:$repo")
		continue
	fi
	commit=$(git --git-dir="$git_dir" rev-parse HEAD)
	dir=corpus/gh/${name#gh-}
	if [ "$(cat "$dir/.commit" 2>/dev/null)" != "$commit" ]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		# Not git archive: it leaves out what .gitattributes marks
		# export-ignore, which in these projects is their tests. A
		# throw-away index checks out every file whose blob the snapshot
		# holds; the few it lacks (large binaries) are listed in .missing.
		idx=$(mktemp)
		rm -f "$idx"
		GIT_INDEX_FILE=$idx git --git-dir="$git_dir" --work-tree="$dir" read-tree "$commit"
		GIT_INDEX_FILE=$idx git --git-dir="$git_dir" --work-tree="$dir" checkout-index -a -f 2>"$dir/.missing" || true
		rm -f "$idx"
		echo "$commit" >"$dir/.commit"
	fi
	if [ -s "$dir/.missing" ]; then
		echo "$name: $(wc -l <"$dir/.missing") file(s) whose blob the snapshot lacks, listed in bench/$dir/.missing" >&2
	fi
	printf '%s\t%s\t%s\tgithub:%s\t%s\t%s\n' "$name" "$dir" "$commit" "$repo" "$git_dir" \
		"$(git --git-dir="$git_dir" rev-parse --is-shallow-repository)" >>"$versions"
done
chmod 644 "$versions"
mv "$versions" corpus/VERSIONS

while IFS=$'\t' read -r name dir ver src _ _; do
	printf '%s %s (%s): %s .php files\n' "$name" "$ver" "$src" "$(find "$dir" -name '*.php' -type f | wc -l)"
done <corpus/VERSIONS
if [ ${#missing[@]} -gt 0 ]; then
	echo "missing snapshots under $MIRROR (ask the fetch tool for them, then rerun): ${missing[*]}" >&2
fi
