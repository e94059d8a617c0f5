package printer_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// TestIncompleteCI: the GitLab and Checkstyle reports of an incomplete
// analysis hold one issue per error besides the findings, so that a job
// reading them does not pass on code that was not checked; they match
// their golden files and pass the checks of their formats.
func TestIncompleteCI(t *testing.T) {
	r := readInput(t, "testdata/incomplete/findings.json")
	base, _ := filepath.Abs("testdata/shared/project")
	for _, tc := range []struct{ format, golden string }{
		{printer.FormatCodeClimate, "incomplete.codeclimate.json"},
		{printer.FormatCheckstyle, "incomplete.checkstyle.xml"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			file, got := writeReport(t, tc.format, r, report.Options{BaseDir: base})
			checkGolden(t, filepath.Join("testdata", "golden", tc.golden), got)
			validate(t, tc.format, file, base, true)
			if n, want := issueCount(t, tc.format, got), len(r.Findings)+len(r.Errors); n != want {
				t.Errorf("%d issues, want %d: a finding and %d errors", n, want, len(r.Errors))
			}
			if n := strings.Count(string(got), "the analysis is incomplete: "); n != len(r.Errors) {
				t.Errorf("%d issues say the analysis is incomplete, want %d", n, len(r.Errors))
			}
		})
	}
}

// TestCodeClimateFingerprints: a fingerprint is the same in two runs, and
// when lines are added above a finding or right next to it; it changes
// when the flagged line itself changes, and two equal lines with the same
// finding get two fingerprints (GitLab keeps one issue per fingerprint).
func TestCodeClimateFingerprints(t *testing.T) {
	dir := t.TempDir()
	write := func(src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "a.php"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fingerprints := func(lines ...int) []string {
		t.Helper()
		r := &finding.Report{}
		for _, l := range lines {
			r.Findings = append(r.Findings, finding.Finding{Rule: "nullderef", Engine: "riskvet", Language: "php", File: "a.php", Line: l, Column: 1, Message: "m"})
		}
		var buf bytes.Buffer
		if err := printer.WriteCodeClimate(&buf, report.Place(r, report.Options{BaseDir: dir})); err != nil {
			t.Fatal(err)
		}
		var issues []struct{ Fingerprint string }
		if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, is := range issues {
			out = append(out, is.Fingerprint)
		}
		return out
	}
	write("<?php\n$a->b;\nfoo();\n$a->b;\n")
	before := fingerprints(2, 4)
	if again := fingerprints(2, 4); again[0] != before[0] || again[1] != before[1] {
		t.Errorf("two runs differ: %v, %v", before, again)
	}
	if before[0] == before[1] {
		t.Errorf("two findings on equal lines share the fingerprint %s", before[0])
	}
	write("<?php\n// added\n\n  $a->b;\n// added next to it\nfoo();\n$a->b;\n")
	if moved := fingerprints(4, 7); moved[0] != before[0] || moved[1] != before[1] {
		t.Errorf("lines added elsewhere changed the fingerprints: %v, now %v", before, moved)
	}
	write("<?php\n$a->c;\nfoo();\n$a->b;\n")
	if edited := fingerprints(2, 4); edited[0] == before[0] {
		t.Errorf("editing the flagged line kept its fingerprint %s", edited[0])
	}
}
