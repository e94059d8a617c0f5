package nullderef_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
)

// corpus reads the *.php files under $RISKVET_CORPUS (for instance
// bench/corpus/mediawiki, fetched by bench/fetch-corpora.sh), or skips.
func corpus(b *testing.B) [][]byte {
	dir := os.Getenv("RISKVET_CORPUS")
	if dir == "" {
		b.Skip("set RISKVET_CORPUS to a PHP tree (see bench/fetch-corpora.sh)")
	}
	var srcs [][]byte
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".php") {
			return err
		}
		src, err := os.ReadFile(p)
		if err == nil && !strings.HasSuffix(string(src), "<") {
			srcs = append(srcs, src)
		}
		return nil // dangling symlinks and unreadable files are skipped
	})
	if err != nil {
		b.Fatal(err)
	}
	return srcs
}

// BenchmarkCorpusParse is the parse-only baseline over a real tree, on one
// goroutine; BenchmarkCorpusNullderef parses, indexes and checks the same
// files. Their ratio is nullderef's share of a run.
func BenchmarkCorpusParse(b *testing.B) {
	srcs := corpus(b)
	for b.Loop() {
		for _, src := range srcs {
			phpfile.Parse(src)
		}
	}
}

func BenchmarkCorpusNullderef(b *testing.B) {
	srcs := corpus(b)
	for b.Loop() {
		// Time each phase apart, in the same run, so the ratio of the
		// index and check time to the parse time is not skewed by load.
		var parse, work time.Duration
		var syms []*index.FileSymbols
		for _, src := range srcs {
			t0 := time.Now()
			root, serr := phpfile.Parse(src)
			t1 := time.Now()
			parse += t1.Sub(t0)
			if serr == nil {
				syms = append(syms, index.Collect("f.php", root))
				work += time.Since(t1)
			}
		}
		t0 := time.Now()
		ix := index.Merge(syms)
		work += time.Since(t0)
		syms = nil
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		total := 0
		for _, src := range srcs {
			total += len(src)
		}
		// The heap holds the sources (read up front) and the index.
		b.ReportMetric(float64(int(ms.HeapAlloc)-total)/(1<<20), "index-MB")
		n := 0
		for _, src := range srcs {
			root, serr := phpfile.Parse(src)
			if serr != nil {
				continue
			}
			t0 := time.Now()
			nullderef.Checker.Run(&check.Pass{Path: "f.php", Src: src, Root: root, Index: ix, Report: func(check.Diagnostic) { n++ }})
			work += time.Since(t0)
		}
		b.ReportMetric(float64(n), "findings")
		b.ReportMetric(parse.Seconds(), "parse-s")
		b.ReportMetric(work.Seconds(), "index+check-s")
		b.ReportMetric(work.Seconds()/parse.Seconds(), "ratio")
	}
}
