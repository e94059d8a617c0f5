package phpcheck_test

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
)

// project writes a two-file project: Repo.php declares a method returning
// ?User, use.php dereferences its result.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{
		"lib/Repo.php": "<?php\ndeclare(strict_types=1);\nclass User { public string $name = ''; }\nclass Repo {\n    public function find(int $id): ?User { return null; }\n}\n",
		"use.php":      "<?php\ndeclare(strict_types=1);\nfunction f(Repo $r): string {\n    return $r->find(1)->name;\n}\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestProject checks that a file checked alone with Project still sees the
// types declared in the project's other files, and that those files are
// neither checked nor listed.
func TestProject(t *testing.T) {
	dir := project(t)
	use := filepath.Join(dir, "use.php")
	alone, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{use}, Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(alone.Findings) != 0 {
		t.Fatalf("without the project: %v, want nothing (Repo is unknown)", alone.Findings)
	}
	rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{use}, Root: dir, Project: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Rule != "nullderef" || rep.Findings[0].File != "use.php" {
		t.Fatalf("with the project: %+v, want one nullderef in use.php", rep.Findings)
	}
	if len(rep.Files) != 1 || rep.Files[0].Path != "use.php" {
		t.Errorf("files = %+v, want use.php only", rep.Files)
	}
}

// counter is a Progress that counts.
type counter struct {
	mu          sync.Mutex
	total, done int
}

func (c *counter) Start(n int) { c.total = n }
func (c *counter) Add(n int) {
	c.mu.Lock()
	c.done += n
	c.mu.Unlock()
}

// TestProgress checks that every file is counted once, in whichever pass
// finishes it.
func TestProgress(t *testing.T) {
	dir := project(t)
	var c counter
	if _, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, Progress: &c}); err != nil {
		t.Fatal(err)
	}
	if c.total != 2 || c.done != 2 {
		t.Errorf("progress %d/%d, want 2/2", c.done, c.total)
	}
}

// TestEnabledFix checks that -fix makes no fix where the check is off.
func TestEnabledFix(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.php", "b.php"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("<?php\necho 1;\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	off := func(rel, check string) bool { return rel != "b.php" }
	if _, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{dir}, Root: dir, Fix: true, Checks: []string{"stricttypes"}, Enabled: off}); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a.php"))
	b, _ := os.ReadFile(filepath.Join(dir, "b.php"))
	if string(a) == "<?php\necho 1;\n" || string(b) != "<?php\necho 1;\n" {
		t.Errorf("a.php = %q (want fixed), b.php = %q (want untouched)", a, b)
	}
}

// TestPartial checks that a run whose index may lack declarations never
// calls a directive of a check that reads the index unused, and still
// judges those of a check that reads one file.
func TestPartial(t *testing.T) {
	dir := t.TempDir()
	src := "<?php\ndeclare(strict_types=1);\n// riskvet:ignore nullderef Repo is declared elsewhere\n// riskvet:ignore stricttypes declared above\necho 1;\n"
	p := filepath.Join(dir, "a.php")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, partial := range []bool{false, true} {
		rep, err := phpcheck.Run(phpcheck.Config{Checkers: checks.All, Paths: []string{p}, Root: dir, Partial: partial})
		if err != nil {
			t.Fatal(err)
		}
		var lines []int
		for _, f := range rep.Findings {
			if f.Rule == "badignore" {
				lines = append(lines, f.Line)
			}
		}
		want := []int{3, 4}
		if partial {
			want = []int{4}
		}
		if !slices.Equal(lines, want) {
			t.Errorf("Partial=%t: badignore on lines %v, want %v", partial, lines, want)
		}
	}
}
