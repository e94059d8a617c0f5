package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/scan"
)

// writeTree creates files (path -> content) under a new temporary directory
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readScanReport reads findings.json from a scan's output directory.
func readScanReport(t *testing.T, outDir string) *finding.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(outDir, "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r finding.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("findings.json: %v", err)
	}
	return &r
}

func requireGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command: the Go analyzers cannot load packages")
	}
}

// TestScanClean: a project with nothing to report exits 0 and still writes
// every report, with empty lists.
func TestScanClean(t *testing.T) {
	requireGo(t)
	dir := writeTree(t, map[string]string{
		"go.mod":     "module example.com/clean\n\ngo 1.22\n",
		"clean.go":   "// Package clean is clean.\npackage clean\n\n// Add adds.\nfunc Add(a, b int) int { return a + b }\n",
		"web/ok.php": "<?php\n\ndeclare(strict_types=1);\n\nfunction add(int $a, int $b): int\n{\n    return $a + $b;\n}\n",
		// Dependencies are not the project's: vendor is skipped.
		"vendor/acme/lib.php": "<?php\necho $_GET['x'];\n",
	})
	out := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := runCLI(t, "scan", "-o", out, dir)
	if code != exitClean {
		t.Fatalf("exit %d, want 0; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, name := range scan.Reports {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("report not written: %v", err)
		}
	}
	raw, _ := os.ReadFile(filepath.Join(out, "findings.json"))
	if !strings.Contains(string(raw), `"findings": []`) {
		t.Errorf("findings.json should have an empty findings list:\n%s", raw)
	}
	r := readScanReport(t, out)
	langs := map[string]int{}
	for _, f := range r.Files {
		langs[f.Language]++
	}
	if langs[finding.Go] != 1 || langs[finding.PHP] != 1 {
		t.Errorf("scanned files = %+v, want clean.go and web/ok.php", r.Files)
	}
	if !strings.Contains(stdout, "risk matrix") || !strings.Contains(stdout, "no findings") {
		t.Errorf("stdout should print the (empty) matrix:\n%s", stdout)
	}
}

// TestScanFindings: a Go finding and a PHP finding make exit 1; both are
// printed with paths relative to the project, and land in every report.
// The Go module is in a subdirectory, as in a repository that holds a Go
// service next to a PHP site.
func TestScanFindings(t *testing.T) {
	requireGo(t)
	dir := writeTree(t, map[string]string{
		"svc/go.mod": "module example.com/deep\n\ngo 1.22\n",
		"svc/deep.go": "package deep\n\ntype Box[T any] struct{ V T }\n\n" +
			"var Deep Box[Box[Box[Box[int]]]]\n",
		"page.php": "<?php\necho 'hi';\n",
	})
	out := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := runCLI(t, "scan", "-o", out, dir)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{`(?m)^svc/deep\.go:5:10: genericdepth: `, `(?m)^page\.php:\d+:\d+: stricttypes: `, `(?m)^risk matrix$`, `reports in ` + regexp.QuoteMeta(out)} {
		if !regexp.MustCompile(want).MatchString(stdout) {
			t.Errorf("stdout does not match %s:\n%s", want, stdout)
		}
	}
	r := readScanReport(t, out)
	if len(r.Findings) != 2 {
		t.Errorf("findings.json has %d findings, want 2: %+v", len(r.Findings), r.Findings)
	}
	sonarJSON, _ := os.ReadFile(filepath.Join(out, "sonar.json"))
	sarif, _ := os.ReadFile(filepath.Join(out, "results.sarif"))
	page, _ := os.ReadFile(filepath.Join(out, "matrix.html"))
	for name, content := range map[string]string{"sonar.json": string(sonarJSON), "results.sarif": string(sarif)} {
		if !strings.Contains(content, `"svc/deep.go"`) {
			t.Errorf("%s does not name svc/deep.go relative to the project:\n%s", name, content)
		}
	}
	if !strings.Contains(string(page), `data-language="go" data-family="generics"`) {
		t.Errorf("matrix.html has no Go generics bubble")
	}
}

func TestScanErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"two dirs", []string{"scan", "a", "b"}, "at most one directory"},
		{"missing dir", []string{"scan", filepath.Join(t.TempDir(), "nope")}, "nope"},
		{"not a dir", []string{"scan", file}, "not a directory"},
		{"unknown flag", []string{"scan", "-f", "json"}, "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, tc.args...)
			if code != exitError || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.stderr)
			}
		})
	}
}
