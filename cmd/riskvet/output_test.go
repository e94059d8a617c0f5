package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
)

// TestWriteSummary checks the summary line: counts per rule in name
// order, singular and plural, errors, and the time rounded for a person.
func TestWriteSummary(t *testing.T) {
	fs := func(rules ...string) []finding.Finding {
		var out []finding.Finding
		for _, r := range rules {
			out = append(out, finding.Finding{Rule: r, File: "a.php", Line: 1})
		}
		return out
	}
	files := func(n int) []finding.FileStat { return make([]finding.FileStat, n) }
	for _, tc := range []struct {
		rep     finding.Report
		elapsed time.Duration
		want    string
	}{
		{finding.Report{Findings: fs("stricttypes", "nullderef", "stricttypes"), Files: files(40)}, 1234 * time.Millisecond,
			"riskvet php: 3 findings (nullderef 1, stricttypes 2) in 40 files, 1.2s\n"},
		{finding.Report{Findings: fs("nullderef"), Files: files(1)}, 2345678 * time.Nanosecond,
			"riskvet php: 1 finding (nullderef 1) in 1 file, 2ms\n"},
		{finding.Report{Files: files(3)}, 90 * time.Second,
			"riskvet php: no findings in 3 files, 1m30s\n"},
		{finding.Report{Files: files(2), Errors: []finding.Error{{File: "b.php"}}}, time.Second,
			"riskvet php: no findings in 2 files, 1 error, 1s\n"},
	} {
		var buf bytes.Buffer
		writeSummary(&buf, "riskvet php", &tc.rep, tc.elapsed)
		if buf.String() != tc.want {
			t.Errorf("got  %q\nwant %q", buf.String(), tc.want)
		}
	}
}
