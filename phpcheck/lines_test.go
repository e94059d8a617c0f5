package phpcheck_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

// TestLines checks that a run leaves in Config.Lines the lines of every
// finding it reports, first pass (zerostring), second pass (nullderef) and
// parse error alike, with the file's text, and nothing of a file without
// a finding: the placement then reads no file with a finding again.
func TestLines(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"deref.php": "<?php\ndeclare(strict_types=1);\n\nfunction f(): string {\n    $n = null;\n    return $n->name();\n}\n",
		"zero.php":  "<?php\ndeclare(strict_types=1);\n\nfunction g(): bool {\n    return 0 == 'all';\n}\n",
		"bad.php":   "<?php\ndeclare(strict_types=1);\n\nfunction (\n",
		"clean.php": "<?php\ndeclare(strict_types=1);\n\necho 'x';\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lines := position.NewCache()
	rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, Lines: lines})
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, f := range rep.Findings {
		rules = append(rules, f.Rule)
		full := position.NewFile([]byte(files[f.File]))
		got, ok := lines.Get(filepath.Join(dir, f.File), f.Line, f.EndLine)
		if !ok {
			t.Errorf("%s:%d: %s: its lines are not in the cache", f.File, f.Line, f.Rule)
			continue
		}
		for _, n := range []int{1, f.Line, f.EndLine} {
			want, _ := full.Line(n)
			if text, _ := got.Line(n); n > 0 && string(text) != string(want) {
				t.Errorf("%s: line %d is %q in the cache, want %q", f.File, n, text, want)
			}
		}
	}
	for _, want := range []string{"nullderef", "zerostring", "parseerror"} {
		if !slices.Contains(rules, want) {
			t.Errorf("no %s finding among %v: the test covers less than it says", want, rules)
		}
	}
	if _, ok := lines.Get(filepath.Join(dir, "clean.php")); ok {
		t.Errorf("clean.php has no finding but is in the cache")
	}
}
