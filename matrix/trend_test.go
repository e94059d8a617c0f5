package matrix_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/matrix"
)

// trendInputs returns the shared matrix input as the newest of three
// commits, given newest first: the two older ones are the same tree with
// fewer lines and, for the oldest, the PHP findings twice over.
func trendInputs(t *testing.T) []*finding.Report {
	t.Helper()
	newest := readMatrixInput(t, "input.json")
	middle := readMatrixInput(t, "input.json")
	middle.Commit, middle.Date = "2b0e1d9c8a7f6e5d4c3b2a1908f7e6d5c4b3a291", "2026-02-16T17:00:00+01:00"
	for i := range middle.Files {
		middle.Files[i].Lines -= 50
	}
	oldest := readMatrixInput(t, "input.json")
	oldest.Commit, oldest.Date = "1a9f8e7d6c5b4a3928170f6e5d4c3b2a19087f6e", "2026-02-01T08:00:00Z"
	for _, f := range oldest.Findings {
		if f.Language == finding.PHP {
			oldest.Findings = append(oldest.Findings, f)
		}
	}
	return []*finding.Report{newest, oldest, middle}
}

// TestMatrixTrendGolden writes the trend of three commits in every format
// and compares with testdata/matrix/trend.*; -update rewrites them.
func TestMatrixTrendGolden(t *testing.T) {
	m, err := matrix.NewTrend(trendInputs(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range matrixFormats {
		t.Run(f.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.write(&buf, m); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "matrix", "trend"+filepath.Ext(f.golden)), buf.Bytes())
		})
	}
}

// TestMatrixTrendNumbers checks the trend's order and totals by hand.
func TestMatrixTrendNumbers(t *testing.T) {
	m, err := matrix.NewTrend(trendInputs(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Trend) != 3 {
		t.Fatalf("%d points, want 3", len(m.Trend))
	}
	// Oldest first by date, whatever the order given; the matrix itself
	// is the newest commit's.
	for i, want := range []string{"1a9f8e7d", "2b0e1d9c", "3f1c2a9b"} {
		if !strings.HasPrefix(m.Trend[i].Commit, want) {
			t.Errorf("point %d is commit %s, want %s", i, m.Trend[i].Commit, want)
		}
	}
	if !strings.HasPrefix(m.Commit, "3f1c2a9b") || m.Languages[1].Findings != 8 {
		t.Errorf("the matrix is of commit %s with %d PHP findings, want the newest, 8", m.Commit, m.Languages[1].Findings)
	}
	old, mid, last := m.Trend[0], m.Trend[1], m.Trend[2]
	// 7 Go findings, 8 PHP findings twice over, in 3000 lines.
	if old.Findings != 23 || old.Lines != 3000 || old.PerKLOC != 7.67 {
		t.Errorf("oldest point = %+v, want 23 findings in 3000 lines, 7.67 per KLOC", old)
	}
	// 7 files of 50 lines fewer: 2650 lines.
	if mid.Lines != 2650 || mid.Findings != 15 || mid.PerKLOC != 5.66 {
		t.Errorf("middle point = %+v, want 15 findings in 2650 lines, 5.66 per KLOC", mid)
	}
	// stricttypes, 2 minutes twice, is the only auto-fix effort; twice
	// over in the oldest.
	if last.AutofixMinutes != 4 || old.AutofixMinutes != 8 {
		t.Errorf("auto-fix minutes %d then %d, want 8 then 4", old.AutofixMinutes, last.AutofixMinutes)
	}
	if len(last.Languages) != 2 || last.Languages[1].Findings != 8 || old.Languages[1].Findings != 16 {
		t.Errorf("PHP findings per point: %+v, %+v", old.Languages, last.Languages)
	}
}

// TestMatrixTrendOneCommit: reports of one commit, or of none, are merged
// into one matrix without a trend.
func TestMatrixTrendOneCommit(t *testing.T) {
	a := readMatrixInput(t, "input.json")
	shard := &finding.Report{Commit: a.Commit, Date: a.Date, Findings: []finding.Finding{{Rule: "printf", Engine: "govet", File: "x.go", Line: 1, Message: "m"}}}
	vet := &finding.Report{Findings: []finding.Finding{{Rule: "printf", Engine: "govet", File: "y.go", Line: 1, Message: "m"}}}
	m, err := matrix.NewTrend([]*finding.Report{a, shard, vet})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Trend) != 0 || m.Languages[0].Findings != 9 || m.Commit != a.Commit {
		t.Errorf("trend %d points, %d Go findings, commit %q; want no trend, 9, %q", len(m.Trend), m.Languages[0].Findings, m.Commit, a.Commit)
	}
}

// TestMatrixTrendNoCommit: among reports of several commits, one that
// records none is an error naming it.
func TestMatrixTrendNoCommit(t *testing.T) {
	in := trendInputs(t)
	in = append(in[:1], &finding.Report{Tool: finding.Tool{Name: "riskvet"}}, in[1])
	_, err := matrix.NewTrend(in)
	if err == nil || !strings.Contains(err.Error(), "input 2 records no commit, and the others record 2 commits") {
		t.Errorf("err = %v, want one naming input 2", err)
	}
}

// TestMatrixComponentsOutsideRoot: files named by absolute path outside
// the root, as a go vet stream names them, are grouped by directory.
func TestMatrixComponentsOutsideRoot(t *testing.T) {
	r := &finding.Report{Findings: []finding.Finding{
		{Rule: "printf", Engine: "govet", File: "/home/u/svc/api/a.go", Line: 1, Message: "m"},
		{Rule: "printf", Engine: "govet", File: "/home/u/svc/api/b.go", Line: 1, Message: "m"},
		{Rule: "printf", Engine: "govet", File: "/home/u/svc/db/c.go", Line: 1, Message: "m"},
	}}
	m := matrix.New(r)
	if len(m.Components) != 2 || m.Components[0].Name != "/home/u/svc/api" || m.Components[0].Findings != 2 || m.Components[1].Name != "/home/u/svc/db" {
		t.Errorf("components = %+v, want /home/u/svc/api with 2 findings and /home/u/svc/db", m.Components)
	}
}
