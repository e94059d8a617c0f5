package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
)

// TestDemo runs the demo end to end: it must exit 0, show every check
// firing, print the matrix, and leave valid reports next to the project.
func TestDemo(t *testing.T) {
	requireGo(t)
	dir := filepath.Join(t.TempDir(), "demo")
	code, stdout, stderr := runCLI(t, "demo", "-o", dir)
	if code != exitClean {
		t.Fatalf("exit %d, want 0; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "DID NOT FIRE") || stderr != "" {
		t.Errorf("every demo check should fire, quietly; stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	r := readScanReport(t, filepath.Join(dir, "riskvet-report"))
	fired := firedChecks(r)
	for _, c := range demoChecks {
		if fired[c] == "" {
			t.Errorf("check %s did not fire on the demo project", c)
		}
	}
	// The demo is small and exact: one finding per line of its README's
	// table, plus the second undefinedindex in UserController.php.
	counts := map[string]int{}
	for _, f := range r.Findings {
		counts[f.Rule]++
	}
	for rule, want := range map[string]int{"genericdepth": 1, "constraintcoupling": 1, "ifaceparam": 1, "nullderef": 1, "stricttypes": 1, "undefinedindex": 2, "parseerror": 1} {
		if counts[rule] != want {
			t.Errorf("%s: %d findings, want %d", rule, counts[rule], want)
		}
	}
	for _, want := range []string{"risk matrix", "checks shown:", "matrix.html in a browser"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "riskvet-report", "matrix.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bubble := range []string{
		`data-language="go" data-family="generics"`,
		`data-language="go" data-family="nulltype"`,
		`data-language="php" data-family="nulltype"`,
		`data-language="php" data-family="strictness"`,
	} {
		if !strings.Contains(string(page), bubble) {
			t.Errorf("matrix.html lacks the bubble %s", bubble)
		}
	}
	validateScanReports(t, dir)
}

// validateScanReports checks the Sonar and SARIF reports of a scan against
// the project's files, with the importers' rules (internal/reportcheck) and
// the validators beside the repository when they are there.
func validateScanReports(t *testing.T, project string) {
	t.Helper()
	out := filepath.Join(project, "riskvet-report")
	checktest.Check(t, "sonar", filepath.Join(out, "sonar.json"), project, false)
	checktest.Check(t, "sarif", filepath.Join(out, "results.sarif"), project, false)
}

func TestDemoErrors(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"non-empty dir", []string{"demo", "-o", full}, "not empty"},
		{"argument", []string{"demo", "extra"}, "takes no arguments"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, tc.args...)
			if code != exitError || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.stderr)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(full, "keep.txt")); string(b) != "mine" {
		t.Errorf("demo touched a non-empty directory")
	}
}

// TestDemoProjectEmbedded: every file of the demo project is in the binary,
// and its go.mod is restored.
func TestDemoProjectEmbedded(t *testing.T) {
	dir := t.TempDir()
	if _, err := extractDemo(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go.mod", "README.md", "inventory/stock.go", "inventory/cache.go", "inventory/reserve.go", "web/UserController.php", "web/legacy/report.php"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("demo project lacks %s: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod.txt")); err == nil {
		t.Errorf("go.mod.txt should be extracted as go.mod")
	}
}
