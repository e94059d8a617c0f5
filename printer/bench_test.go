package printer_test

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// benchReport returns n findings spread over 100 in-memory files of 1,000
// lines with multi-byte text, and the options that serve those files.
func benchReport(n int) (*finding.Report, report.Options) {
	line := "\tvar 索引 Map[string, List[Pair[int, Opt[string]]]] // 😀\n"
	src := []byte(strings.Repeat(line, 1000))
	r := &finding.Report{}
	for i := range n {
		r.Findings = append(r.Findings, finding.Finding{
			Rule: "genericdepth", Engine: "riskvet", Language: "go",
			File: fmt.Sprintf("pkg%d/f.go", i%100), Line: 1 + i%1000, Column: 12, EndLine: 1 + i%1000, EndColumn: 53,
			Message: "generic nesting depth 4 exceeds 3",
		})
	}
	opt := report.Options{BaseDir: "/bench", ReadFile: func(name string) ([]byte, error) {
		if strings.HasSuffix(name, "f.go") {
			return src, nil
		}
		return nil, fs.ErrNotExist
	}}
	return r, opt
}

func BenchmarkWriteSonar(b *testing.B) {
	r, opt := benchReport(10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := printer.WriteSonar(io.Discard, report.Place(r, opt)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteSARIF(b *testing.B) {
	r, opt := benchReport(10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := printer.WriteSARIF(io.Discard, report.Place(r, opt)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&sb, `{"code":"SA4006","severity":"error","location":{"file":"/p/a%d.go","line":%d,"column":2},"end":{"file":"","line":0,"column":0},"message":"this value of n is never used"}`+"\n", i%100, i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := report.Read("bench.jsonl", data); err != nil {
			b.Fatal(err)
		}
	}
}
