package phpcheck_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"

	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
)

// BenchmarkTree compares, side by side in one process and with the same
// number of workers, a parse-only pass over a PHP tree with the full check
// (index pass, then check pass). The tree is $RISKVET_BENCH_DIR, for
// example bench/corpus/mediawiki (fetched by bench/fetch-corpora.sh):
//
//	RISKVET_BENCH_DIR=$PWD/bench/corpus/mediawiki go test ./phpcheck -run '^$' -bench Tree -benchtime 3x
//
// The ratio check/parse is reported as the "x-parse" metric of the check
// sub-benchmark. The check sub-benchmark also splits the workers' time by
// kind of work, against the first pass's parsing: "parse2/parse1" is the
// second parse, "rest1/parse1" the first pass's other work (symbols,
// relevance, local checks), "check2/parse1" the second pass's checks, and
// "x-parse-once" the ratio to the floor a run would reach if every file
// were parsed once. $RISKVET_BENCH_CHECKS, a comma-separated list of check
// names, runs only those checks (to see which one costs a second parse).
func BenchmarkTree(b *testing.B) {
	dir := os.Getenv("RISKVET_BENCH_DIR")
	if dir == "" {
		b.Skip("set RISKVET_BENCH_DIR to a PHP tree (see bench/fetch-corpora.sh)")
	}
	// The tests run nullderef at its shown level (TestMain); the
	// benchmark measures what users run, the default.
	level := nullderef.Checker.Flags.Lookup("level")
	if err := level.Value.Set(level.DefValue); err != nil {
		b.Fatal(err)
	}
	defer defaultFlags()
	workers := runtime.GOMAXPROCS(0)
	checkers := checks.All
	if names := os.Getenv("RISKVET_BENCH_CHECKS"); names != "" {
		checkers = nil
		for _, c := range checks.All {
			if slices.Contains(strings.Split(names, ","), c.Name) {
				checkers = append(checkers, c)
			}
		}
	}
	var parseNs float64
	run := func(b *testing.B, parseOnly bool) {
		var lines int
		var stats phpcheck.Stats
		for b.Loop() {
			stats = phpcheck.Stats{}
			rep, err := phpcheck.Run(phpcheck.Config{Checkers: checkers, Paths: []string{dir}, Root: dir, Workers: workers, ParseOnly: parseOnly, SkipDirs: []string{".git"}, Stats: &stats})
			if err != nil {
				b.Fatal(err)
			}
			lines = 0
			for _, f := range rep.Files {
				lines += f.Lines
			}
		}
		ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(float64(lines), "lines")
		b.ReportMetric(float64(lines)/(ns/1e9), "lines/s")
		if parseOnly {
			parseNs = ns
		} else if parseNs > 0 {
			b.ReportMetric(ns/parseNs, "x-parse")
		}
		if stats.Parsed1 > 0 {
			// The share of files the second pass parses again: most
			// of the distance to the floor.
			b.ReportMetric(float64(stats.Parsed2)/float64(stats.Parsed1), "reparsed")
		}
		if stats.Parse1 > 0 && !parseOnly {
			// The run's work by kind, against the first pass's parse
			// (workers' time summed): what checking costs beyond
			// parsing once, and the ratio to the floor the run would
			// reach if nothing but the parse were done twice for free.
			p1 := float64(stats.Parse1)
			b.ReportMetric(float64(stats.Check2)/p1, "check2/parse1")
			b.ReportMetric(float64(stats.Rest1)/p1, "rest1/parse1")
			b.ReportMetric(float64(stats.Parse2)/p1, "parse2/parse1")
			b.ReportMetric(float64(stats.Parse1+stats.Rest1+stats.Check2)/p1, "x-parse-once")
		}
	}
	b.Run("parse", func(b *testing.B) { run(b, true) })
	b.Run("check", func(b *testing.B) { run(b, false) })
}

// BenchmarkWarm measures a rerun with a warm result cache and nothing
// changed, over $RISKVET_BENCH_DIR: the fixed cost of an incremental run.
func BenchmarkWarm(b *testing.B) {
	dir := os.Getenv("RISKVET_BENCH_DIR")
	if dir == "" {
		b.Skip("set RISKVET_BENCH_DIR to a PHP tree (see bench/fetch-corpora.sh)")
	}
	cfg := phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, SkipDirs: []string{".git"}, CacheDir: b.TempDir()}
	if _, err := phpcheck.Run(cfg); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := phpcheck.Run(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRetained parses every PHP file of $RISKVET_BENCH_DIR and keeps
// the trees, reporting the heap they hold per byte of source: what keeping
// the trees between the driver's two passes would cost.
//
//	RISKVET_BENCH_DIR=$PWD/bench/corpus/phpmyadmin go test ./phpcheck -run '^$' -bench Retained -benchtime 1x
func BenchmarkRetained(b *testing.B) {
	dir := os.Getenv("RISKVET_BENCH_DIR")
	if dir == "" {
		b.Skip("set RISKVET_BENCH_DIR to a PHP tree (see bench/fetch-corpora.sh)")
	}
	for b.Loop() {
		var roots []ast.Vertex
		var src int
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".php") || !d.Type().IsRegular() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			if root, serr := phpfile.Parse(data); serr == nil {
				src += len(data)
				roots = append(roots, root)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(src)/(1<<20), "src-MB")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "trees-MB")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(src), "heap-bytes/src-byte")
		runtime.KeepAlive(roots)
	}
}
