#!/bin/sh
# A plain git hook: copy to .git/hooks/pre-commit and make it executable.
# It checks the staged PHP files against the whole project and, when Go
# files are staged, the whole Go module.
set -e
php_files=$(git diff --cached --name-only --diff-filter=ACMR -- '*.php')
if [ -n "$php_files" ]; then
	# shellcheck disable=SC2086 # one argument per file
	riskvet php -project . -quiet $php_files
fi
if git diff --cached --name-only --diff-filter=ACMR -- '*.go' | grep -q .; then
	riskvet ./...
fi
