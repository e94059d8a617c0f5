package nullderef_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/engine"
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
			engine.Parse(src)
		}
	}
}

func BenchmarkCorpusNullderef(b *testing.B) {
	srcs := corpus(b)
	for b.Loop() {
		var syms []*index.FileSymbols
		for _, src := range srcs {
			if root, serr := engine.Parse(src); serr == nil {
				syms = append(syms, index.Collect("f.php", root))
			}
		}
		ix := index.Merge(syms)
		n := 0
		for _, src := range srcs {
			root, serr := engine.Parse(src)
			if serr != nil {
				continue
			}
			nullderef.Checker.Run(&check.Pass{Path: "f.php", Src: src, Root: root, Index: ix, Report: func(check.Diagnostic) { n++ }})
		}
		b.ReportMetric(float64(n), "findings")
	}
}
