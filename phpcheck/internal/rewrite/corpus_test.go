package rewrite_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/conf"
	perrors "github.com/VKCOM/php-parser/pkg/errors"
	"github.com/VKCOM/php-parser/pkg/parser"
	"github.com/VKCOM/php-parser/pkg/version"

	"github.com/riskvet/riskvet/phpcheck/internal/rewrite"
	"github.com/riskvet/riskvet/phpcheck/internal/scan"
)

// TestCorpusUnchanged checks, on the corpora bench/fetch-corpora.sh fetches
// (skipped when absent), that the rewrites leave alone every file that
// php-parser reads as given: they only reach code it rejects.
func TestCorpusUnchanged(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "bench", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no bench/corpus: run bench/fetch-corpora.sh")
	}
	if testing.Short() {
		t.Skip("the corpus takes a while")
	}
	files, rewritten := 0, 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !strings.HasSuffix(path, ".php") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		out, _ := rewrite.Rewrite(src, scan.Scan(src))
		if len(src) == 0 || &out[0] == &src[0] {
			return nil
		}
		rewritten++
		if parses(src) {
			for i := range src {
				if src[i] != out[i] {
					t.Errorf("%s: php-parser reads it, yet it is rewritten at byte %d: %q", path, i, src[max(0, i-20):min(len(src), i+20)])
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %d rewritten", files, rewritten)
}

// parses reports whether php-parser's PHP 8.1 grammar reads src without an
// error as given.
func parses(src []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	ok = true
	_, err := parser.Parse(src, conf.Config{
		Version:          &version.Version{Major: 8, Minor: 1},
		ErrorHandlerFunc: func(*perrors.Error) { ok = false },
	})
	return ok && err == nil
}
