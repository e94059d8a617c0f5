package scan

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

// TestRebase checks that a module's relative paths move under the module's
// directory, and that absolute paths (a file of the standard library) and
// empty ones (an error of no file) stay as they are.
func TestRebase(t *testing.T) {
	r := &finding.Report{
		Files:    []finding.FileStat{{Path: "a.go"}},
		Findings: []finding.Finding{{File: "p/b.go"}, {File: "/usr/lib/go/src/fmt/print.go"}},
		Errors:   []finding.Error{{File: "c.go"}, {Message: "go list failed"}},
	}
	rebase(r, "svc/api")
	want := &finding.Report{
		Files:    []finding.FileStat{{Path: "svc/api/a.go"}},
		Findings: []finding.Finding{{File: "svc/api/p/b.go"}, {File: "/usr/lib/go/src/fmt/print.go"}},
		Errors:   []finding.Error{{File: "svc/api/c.go"}, {Message: "go list failed"}},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("rebase:\ngot  %+v\nwant %+v", r, want)
	}
	rebase(r, ".")
	if !reflect.DeepEqual(r, want) {
		t.Errorf("rebase onto . changed the paths: %+v", r)
	}
	if got := modFile("svc/api"); got != "svc/api/go.mod" {
		t.Errorf("modFile = %q, want svc/api/go.mod", got)
	}
}

// TestRunLines checks that a scan leaves in Config.Lines the lines of every
// finding, Go (of a module in a subdirectory, whose paths are rebased) and
// PHP, under the path WriteReports' placement looks for: no file with a
// finding is read again to write the reports.
func TestRunLines(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command: the Go analyzers cannot load packages")
	}
	root := t.TempDir()
	for name, src := range map[string]string{
		"svc/go.mod":  "module example.com/deep\n\ngo 1.22\n",
		"svc/deep.go": "package deep\n\ntype Box[T any] struct{ V T }\n\nvar Deep Box[Box[Box[Box[int]]]]\n",
		"page.php":    "<?php\necho 'hi';\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lines := position.NewCache()
	r := Run(Config{Root: root, PHP: phpcheck.Config{Checkers: checks.All, Paths: []string{root}, Root: root}, Lines: lines})
	langs := map[string]bool{}
	for _, f := range r.Findings {
		langs[f.Language] = true
		if _, ok := lines.Get(filepath.Join(root, filepath.FromSlash(f.File)), f.Line, f.EndLine); !ok {
			t.Errorf("%s:%d: %s: its lines are not in the cache", f.File, f.Line, f.Rule)
		}
	}
	if !langs[finding.Go] || !langs[finding.PHP] || len(r.Errors) > 0 {
		t.Errorf("want a Go and a PHP finding and no error, got %+v, errors %+v", r.Findings, r.Errors)
	}
}
