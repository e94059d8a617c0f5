package printer_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// FuzzRead feeds arbitrary bytes to the readers: they must not panic, and
// every error must name the input.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"", "{}", "[]", "# pkg\n{}", "vet: a.go:1:2: x",
		`{"schema":"riskvet/findings/v1","findings":[{"rule":"r","file":"a.go","line":1}]}`,
		`{"p":{"printf":[{"posn":"a.go:1:2","end":"a.go:1:3","message":"m"}],"x":{"error":"e"}}}`,
		`{"code":"SA1","severity":"error","location":{"file":"a.go","line":1,"column":1},"end":{"file":"","line":0,"column":0},"message":"m"}`,
		`{"Issues":[{"FromLinter":"govet","Text":"printf: m","Pos":{"Filename":"a.go","Line":1,"Column":1}}]}` + "\n1 issues:\n",
	} {
		f.Add([]byte(seed))
	}
	var entries []os.DirEntry
	dir := ""
	if shared := checktest.SharedDir(); shared != "" {
		dir = filepath.Join(shared, "samples", "inputs")
		entries, _ = os.ReadDir(dir)
	}
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := report.Read("fuzz-input", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz-input:") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		if r.Findings == nil || r.Files == nil || r.Errors == nil {
			t.Fatalf("nil list in %+v", r)
		}
	})
}

// FuzzColumns runs arbitrary file contents and positions through the
// SonarQube and SARIF writers, and checks what the scanner would check: the
// output is JSON, every range fits the file as SonarQube counts it, a
// startColumn is never on an empty line, and an end is after its start.
func FuzzColumns(f *testing.F) {
	f.Add([]byte("package a\n\tx := \"ü世\" // 😀\n"), 2, 5, 2, 9)
	f.Add([]byte("\xef\xbb\xbf<?php\r\necho 1;\r$x\n"), 1, 4, 1, 9)
	f.Add([]byte("a\n\nb"), 2, 1, 3, 1)
	f.Add([]byte("\xff\xfe bad utf8 \xe2\x82"), 1, 3, 1, 40)
	f.Add([]byte(""), 1, 1, 0, 0)
	f.Fuzz(func(t *testing.T, src []byte, line, col, endLine, endCol int) {
		r := &finding.Report{Findings: []finding.Finding{{
			Rule: "r", Engine: "govet", File: "f.go", Line: line, Column: col, EndLine: endLine, EndColumn: endCol, Message: "m",
		}}}
		opt := report.Options{BaseDir: "/fuzz", ReadFile: func(name string) ([]byte, error) {
			if filepath.ToSlash(name) == "/fuzz/f.go" {
				return src, nil
			}
			return nil, fs.ErrNotExist
		}}
		var buf bytes.Buffer
		if err := printer.WriteSonar(&buf, report.Place(r, opt)); err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Issues []struct {
				PrimaryLocation struct {
					TextRange *struct {
						StartLine   int  `json:"startLine"`
						StartColumn *int `json:"startColumn"`
						EndLine     *int `json:"endLine"`
						EndColumn   *int `json:"endColumn"`
					} `json:"textRange"`
				} `json:"primaryLocation"`
			} `json:"issues"`
		}
		if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, &buf)
		}
		if len(rep.Issues) != 1 {
			t.Fatalf("%d issues, want 1", len(rep.Issues))
		}
		lines := sonarLines(src)
		tr := rep.Issues[0].PrimaryLocation.TextRange
		if tr != nil {
			if tr.StartLine < 1 || tr.StartLine > len(lines) {
				t.Fatalf("startLine %d outside 1..%d", tr.StartLine, len(lines))
			}
			n := lines[tr.StartLine-1]
			if tr.StartColumn != nil {
				sc := *tr.StartColumn
				if n == 0 || sc < 0 || sc >= n {
					t.Fatalf("startColumn %d on a line of %d units", sc, n)
				}
				el, ec := tr.StartLine, n
				if tr.EndLine != nil {
					el = *tr.EndLine
				}
				if el < tr.StartLine || el > len(lines) {
					t.Fatalf("endLine %d", el)
				}
				if tr.EndColumn != nil {
					ec = *tr.EndColumn
				}
				if ec < 0 || ec > lines[el-1] || (el == tr.StartLine && ec <= sc) {
					t.Fatalf("end %d:%d after start %d:%d (line of %d units)", el, ec, tr.StartLine, sc, lines[el-1])
				}
			}
		}
		buf.Reset()
		if err := printer.WriteSARIF(&buf, report.Place(r, opt)); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("invalid SARIF JSON:\n%s", &buf)
		}
	})
}

// sonarLines returns each line's length in UTF-16 units as SonarQube counts
// them, computed here independently of internal/position: BOM removed,
// each invalid byte as U+FFFD, "\r\n", "\r" and "\n" ending lines.
func sonarLines(src []byte) []int {
	var b strings.Builder
	for rest := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")); len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		b.WriteRune(r) // an invalid byte decodes as U+FFFD, size 1
		rest = rest[size:]
	}
	s := b.String()
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []int
	for _, l := range strings.Split(s, "\n") {
		out = append(out, len(utf16.Encode([]rune(l))))
	}
	return out
}
