package phpcheck_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

// TestKeepTrees checks that the second pass checks the trees the first
// pass kept, with the findings of a second parse.
func TestKeepTrees(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"deref.php": "<?php\ndeclare(strict_types=1);\n\nfunction f(): string {\n    $n = null;\n    return $n->name();\n}\n",
		"input.php": "<?php\ndeclare(strict_types=1);\n\necho $_GET['page'];\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(keep int64) ([]string, phpcheck.Stats) {
		var st phpcheck.Stats
		rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, KeepTrees: keep, Stats: &st})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range rep.Findings {
			got = append(got, fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Column, f.Rule))
		}
		return got, st
	}
	kept, st := run(0)
	if st.Kept2 != 2 || st.Parsed2 != 0 {
		t.Errorf("default budget: %d trees kept, %d files parsed again; want 2 and 0", st.Kept2, st.Parsed2)
	}
	parsed, st := run(-1)
	if st.Kept2 != 0 || st.Parsed2 != 2 {
		t.Errorf("no budget: %d trees kept, %d files parsed again; want 0 and 2", st.Kept2, st.Parsed2)
	}
	if len(kept) != 2 || !slices.Equal(kept, parsed) {
		t.Errorf("findings on kept trees %v, on a second parse %v; want the same two", kept, parsed)
	}
}
