package printer_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// TestReadsOnce counts the source files read by one run that writes every
// format, as riskvet scan does, and asks which paths SonarQube would miss,
// as riskvet sonar does: each file with a finding or an error is read once,
// since the findings are placed once and the writers only format.
func TestReadsOnce(t *testing.T) {
	base, _ := filepath.Abs("testdata/shared/project")
	for _, input := range []string{"testdata/shared/findings.json", "testdata/incomplete/findings.json"} {
		r := readInput(t, input)
		reads := map[string]int{}
		opt := report.Options{BaseDir: base, ReadFile: func(name string) ([]byte, error) {
			reads[name]++
			return os.ReadFile(name)
		}}
		p := report.Place(r, opt)
		for _, format := range printer.Formats {
			if err := printer.Write(io.Discard, format, p); err != nil {
				t.Fatal(err)
			}
		}
		p.Unknown()
		want := map[string]bool{}
		for _, f := range r.Findings {
			want[filepath.Join(base, f.File)] = true
		}
		for _, e := range r.Errors {
			if e.File != "" {
				want[filepath.Join(base, e.File)] = true
			}
		}
		for name := range want {
			if reads[name] != 1 {
				t.Errorf("%s: %s read %d times, want once", input, name, reads[name])
			}
		}
		if len(reads) != len(want) {
			t.Errorf("%s: %d files read, want the %d with a finding or an error: %v", input, len(reads), len(want), reads)
		}
	}
}

// TestReadsFromLines places each input three ways: reading every file, with
// a line cache holding the lines of every finding (as the checkers of a
// run leave it, and of every error), and with one holding line 1 only. Every format's output
// and every warning must be the same bytes each way; with the findings'
// lines cached, no file is read, and with line 1 only, a file is read for
// any finding on another line.
func TestReadsFromLines(t *testing.T) {
	inputs := []struct {
		name string
		r    *finding.Report
		opt  report.Options
	}{
		{"shared", readInput(t, "testdata/shared/findings.json"), report.Options{BaseDir: abs(t, "testdata/shared/project")}},
		{"incomplete", readInput(t, "testdata/incomplete/findings.json"), report.Options{BaseDir: abs(t, "testdata/shared/project")}},
		{"edge", edgeReport(), edgeOptions(t, nil)},
	}
	for _, in := range inputs {
		want := placeAll(t, in.r, in.opt)
		var at []int
		for _, f := range in.r.Findings {
			at = append(at, f.Line, f.EndLine)
		}
		for _, e := range in.r.Errors {
			at = append(at, e.Line)
		}
		for _, c := range []struct {
			name   string
			lines  []int
			unread bool
		}{{"finding lines", at, true}, {"line 1 only", nil, false}} {
			lines, cached := position.NewCache(), map[string]bool{}
			err := filepath.WalkDir(in.opt.BaseDir, func(name string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				src, err := os.ReadFile(name)
				lines.Add(name, position.NewFile(src), c.lines)
				cached[name] = true
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			opt := in.opt
			opt.Lines = lines
			reads := 0
			opt.ReadFile = func(name string) ([]byte, error) {
				if cached[name] {
					reads++ // a missing file is read, and fails, each way
				}
				return os.ReadFile(name)
			}
			got := placeAll(t, in.r, opt)
			for format, w := range want {
				if got[format] != w {
					t.Errorf("%s, %s: %s differs from the placement that read the files:\n%s\nwant\n%s", in.name, c.name, format, got[format], w)
				}
			}
			if c.unread && reads != 0 {
				t.Errorf("%s, %s: %d cached files read, want none", in.name, c.name, reads)
			}
			if !c.unread && reads == 0 {
				t.Errorf("%s, %s: no file read, want those with a finding past line 1", in.name, c.name)
			}
		}
	}
}

// placeAll places r and writes it in every format, and returns each
// output, the warnings and Unknown's answer by name.
func placeAll(t *testing.T, r *finding.Report, opt report.Options) map[string]string {
	t.Helper()
	var warn bytes.Buffer
	opt.Warn = &warn
	p := report.Place(r, opt)
	out := map[string]string{}
	for _, format := range printer.Formats {
		var buf bytes.Buffer
		if err := printer.Write(&buf, format, p); err != nil {
			t.Fatal(err)
		}
		out[format] = buf.String()
	}
	out["warnings"] = warn.String()
	paths, outside := p.Unknown()
	out["unknown"] = fmt.Sprint(paths, outside)
	return out
}

func abs(t *testing.T, name string) string {
	t.Helper()
	a, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
