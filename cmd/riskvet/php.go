package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/riskvet/riskvet/internal/checkout"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

const phpUsage = `usage: riskvet php [flags] paths...

Check PHP files with the checks -list-checks lists (null dereferences,
unchecked array keys, missing strict types, ...) and report the files the
parser cannot read (parseerror). Directories are walked for files with the -ext
extensions, skipping vendor, node_modules and .git; symlinks are followed
only to files inside the given paths. Paths in the output are relative to
the current directory.

A finding is silenced by a comment on its line or the line above, with a
required reason:

	// riskvet:ignore nullderef set by the middleware

Output formats: text (file:line:col: rule: message), json (riskvet's report,
read by riskvet sonar and matrix; it also lists every file with its line
count, and the commit checked when the files are in a git repository),
sarif (SARIF 2.1.0), codeclimate (GitLab Code Quality) and checkstyle
(Checkstyle XML, for Jenkins and reviewdog).

Results are cached per file in -cache-dir, keyed by the file's content,
riskvet's build and the flags; a rerun parses only the files that changed
and, when a declaration changed, the files whose checks read it, and
reports exactly what a run without the cache reports. Caches unused for 5
days are deleted; -cache-clean deletes them all.

-shard i/n checks and reports only the i-th of n shares of the files (the
sorted files dealt round-robin), each with the index of all of them; the
json outputs of all n shards merged by riskvet sonar or riskvet matrix are
the report of one unsharded run.

nullderef reports only the nulls the code itself shows, outside test code
(PHPUnit TestCase classes, files under a tests folder): -nullderef.strict
and -nullderef.tests report the others. A check's flags are -CHECK.FLAG,
listed below and by riskvet help CHECK.

riskvet.toml, in the current directory or a parent up to the repository
root, sets the checks, excluded paths, extensions, per-path overrides and,
in a [CHECK] table, the checks' flags; flags win over it. -baseline-write FILE records today's findings and
-baseline FILE reports only the ones not recorded.

The given files are checked with their whole project's types: riskvet php
indexes the project root of each file named (the nearest directory upward
with a composer.json or riskvet.toml, or the top of the repository) and
reports only on the given paths; a directory named is indexed as given. -project DIR names the directories indexed
instead. A file checked outside any project may use types declared in
files the run does not see, so a riskvet:ignore naming a check that reads
them (nullderef) is never reported as unused there.

On a terminal, a run longer than 2 seconds shows its progress on stderr,
findings are coloured, and a summary line follows them on stderr (the
findings per rule, the files checked, the time); -quiet turns off the
progress and the summary, NO_COLOR the colour. Piped, the output is the
plain findings.

A symlink that is not followed (dangling, or leading out of the given
paths) is counted on stderr, with the first few named.

Exit codes: 0 nothing found, 1 findings, 2 usage error or a file that could
not be read (listed on stderr; the other files are still checked), 3 nothing
to check (no file with the -ext extensions under the paths).

Flags:
`

// phpMemoryLimit is riskvet php's default soft heap limit, and
// phpGCPercent its collector's growth target (GOGC).
const (
	phpMemoryLimit = 200 << 20
	phpGCPercent   = 400
)

// listFlag collects a repeatable, comma-separated flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// runPHP is `riskvet php`.
func runPHP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	start := time.Now()
	fs := newFlagSet("riskvet php")
	format := fs.String("f", "text", "output `format`: "+formatList)
	checkList := fs.String("checks", "all", "comma-separated `list` of checks: all, names, -name to leave one out")
	listChecks := fs.Bool("list-checks", false, "list the PHP checks, with their default and title, and exit")
	var exclude, exts listFlag
	fs.Var(&exclude, "exclude", "skip paths matching this `glob` (** spans directories; without a slash, at any depth; repeatable)")
	fs.Var(&exts, "ext", "file `extensions` checked in directories (default .php; repeatable)")
	skip := fs.String("skip", strings.Join(phpcheck.DefaultSkipDirs, ","), "comma-separated `names` of directories never walked into")
	fix := fs.Bool("fix", false, "rewrite files to apply fixes (stricttypes inserts declare(strict_types=1))")
	maxSize := fs.Int64("maxsize", phpcheck.DefaultMaxBytes, "largest file parsed, in `bytes`; a larger one is reported as parseerror (negative: no limit)")
	workers := fs.Int("workers", 0, "check `n` files at once (default: one per core)")
	cacheDir := fs.String("cache-dir", defaultPHPCacheDir(), "`directory` of the result cache; off or empty: no cache")
	cacheClean := fs.Bool("cache-clean", false, "empty the result cache first (with no paths: only that)")
	shardFlag := fs.String("shard", "", "check only share `i/n` of the files (1 <= i <= n), each with the index of all")
	var project listFlag
	fs.Var(&project, "project", "index the PHP files under `dir`, to resolve the types the checked files use, without checking them (repeatable; default: the project root of each file named)")
	st := addSettings(fs, "riskvet php")
	addCheckFlags(fs)
	if code, ok := parseFlags(fs, phpUsage, args, stdout, stderr); !ok {
		return code
	}
	if *listChecks {
		if err := writeRules(stdout, "php"); err != nil {
			fmt.Fprintf(stderr, "riskvet php: %v\n", err)
			return exitError
		}
		return exitClean
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "riskvet php: "+format+"\n", args...)
		return exitError
	}
	if !slices.Contains(reportFormats, *format) {
		return usageErr("unknown format %q (want %s)", *format, formatList)
	}
	if *cacheDir == "off" {
		*cacheDir = ""
	}
	var shard phpcheck.Shard
	if *shardFlag != "" {
		sh, err := phpcheck.ParseShard(*shardFlag)
		if err != nil {
			return usageErr("-shard: %v", err)
		}
		shard = sh
	}
	if *cacheClean && *cacheDir != "" {
		if _, err := phpcheck.CleanCache(*cacheDir); err != nil {
			fmt.Fprintf(stderr, "riskvet php: -cache-clean: %v\n", err)
			return exitError
		}
	}
	if fs.NArg() == 0 {
		if *cacheClean {
			return exitClean
		}
		return usageErr("no paths given (try: riskvet php .)")
	}
	names, err := phpcheck.ParseChecks(checks.All, *checkList)
	if err != nil {
		return usageErr("-checks: %v", err)
	}
	for _, e := range exts {
		if !strings.HasPrefix(e, ".") {
			return usageErr("-ext %q: an extension starts with a dot", e)
		}
	}
	for _, g := range exclude {
		// A bad glob would silently exclude nothing.
		if _, err := path.Match(g, ""); err != nil {
			return usageErr("-exclude %q: %v", g, err)
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		return usageErr("%v", err)
	}
	cfg := phpcheck.Config{
		Checkers: checks.All,
		Paths:    fs.Args(),
		Root:     dir,
		Exclude:  exclude,
		Checks:   names,
		Workers:  *workers,
		Fix:      *fix,
		MaxBytes: *maxSize,
		CacheDir: *cacheDir,
		Shard:    shard,
		Lines:    lineCache(*format),
	}
	if len(exts) > 0 {
		cfg.Extensions = exts
	}
	cfg.SkipDirs = []string{} // non-nil: exactly the -skip list
	for _, d := range strings.Split(*skip, ",") {
		if d = strings.TrimSpace(d); d != "" {
			cfg.SkipDirs = append(cfg.SkipDirs, d)
		}
	}
	// php-parser's trees are large (about 70 bytes per source byte) and
	// short-lived; a soft heap limit makes the collector reclaim them
	// sooner instead of letting the heap grow with the number of workers.
	// On MediaWiki this keeps the peak near 210 MB instead of 370 MB at no
	// measurable cost in time. Below the limit the collector runs when the
	// heap has grown by 400% rather than 100%: a small tree's run spends a
	// quarter less CPU (WordPress 2.17 s to 1.58 s, MediaWiki 4.2 s to
	// 3.4-3.8 s) and peaks nearer the limit (WordPress 105 MB to 200 MB;
	// MediaWiki stays at 227 MB; `GOGC=100` and `GOGC=400` runs of
	// `/usr/bin/time riskvet php -cache-dir off -config off -f json .`).
	// GOMEMLIMIT and GOGC, when set, win.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(phpMemoryLimit))
	}
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(phpGCPercent))
	}
	// The named files are checked with the types of their whole
	// project, found from the files upward unless -project names it.
	cfg.Project = project
	if !st.set("project") {
		cfg.Project, cfg.Partial = findProjects(cfg.Paths)
	}
	meter, err := st.preparePHP(&cfg, dir, stderr)
	if err != nil {
		return usageErr("%v", err)
	}
	var links symlinkCounter
	cfg.Skipped = links.add
	rep, err := phpcheck.Run(cfg)
	meter.Close()
	if err != nil {
		return usageErr("%v", err)
	}
	links.report(stderr, "riskvet php")
	if why := phpNothing(rep, cfg); why != "" {
		return nothingToCheck(stderr, "riskvet php", why)
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(stderr, "riskvet php: %s\n", e.String())
	}
	st.unlistExcluded(rep, dir)
	if err := st.applyBaseline(rep, dir, stderr); err != nil {
		return usageErr("%v", err)
	}
	if *format == "json" {
		// Only riskvet's own report has a place for the commit.
		rep.Commit, rep.Date = checkout.Commit(dir)
	}
	if err := writeReport(stdout, *format, rep, dir, cfg.Lines, prefixWriter{stderr, "riskvet php: "}); err != nil {
		fmt.Fprintf(stderr, "riskvet php: %v\n", err)
		return exitError
	}
	st.summarize(stderr, rep, start)
	return exitCode(rep)
}

// defaultPHPCacheDir is where riskvet php caches results unless told
// otherwise: riskvet/php in the user's cache directory ($XDG_CACHE_HOME or
// ~/.cache on Linux), or no cache when there is none.
func defaultPHPCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "riskvet", "php")
}
