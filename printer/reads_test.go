package printer_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

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
