package printer_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// The edge fixtures, in testdata/edge/project (line endings kept by
// .gitattributes):
//
//	multibyte.go  1 "package edge"  2 ""  3 `var s = "😀é" + x // emoji` (26 UTF-16 units)  4 ""  5 "func f() {}"
//	crlf.php      "\r\n" endings and a lone "\r" ending line 3; line 4 is "$b = 😀 . $c;"
//	bom.php       a UTF-8 BOM, then "<?php\necho $x;\n"
//	sub/win.go    3 "var v = 1"
//
// Expected columns are worked out by hand from those lines: Sonar counts
// 0-based UTF-16 units, SARIF the same plus one.
var edgeCases = []struct {
	name string
	f    finding.Finding
	// sonar is the expected textRange as JSON ("" for none); sarif the
	// expected region.
	sonar, sarif string
	// warn is a substring of the expected warning; "" expects none.
	warn string
	// path is the expected filePath (default: the finding's file).
	path string
}{
	{
		name:  "no column",
		f:     finding.Finding{File: "multibyte.go", Line: 3},
		sonar: `{"startLine":3}`, sarif: `{"startLine":3,"startColumn":1,"endLine":3,"endColumn":27}`,
	},
	{
		name:  "emoji and two-byte rune before the column",
		f:     finding.Finding{File: "multibyte.go", Line: 3, Column: 20, EndLine: 3, EndColumn: 21},
		sonar: `{"startLine":3,"startColumn":16,"endLine":3,"endColumn":17}`, sarif: `{"startLine":3,"startColumn":17,"endLine":3,"endColumn":18}`,
	},
	{
		name:  "crlf and a lone cr count as line ends",
		f:     finding.Finding{File: "crlf.php", Language: "php", Line: 4, Column: 13, EndLine: 4, EndColumn: 15},
		sonar: `{"startLine":4,"startColumn":10,"endLine":4,"endColumn":12}`, sarif: `{"startLine":4,"startColumn":11,"endLine":4,"endColumn":13}`,
	},
	{
		name:  "a bom is not a column",
		f:     finding.Finding{File: "bom.php", Language: "php", Line: 1, Column: 4, EndLine: 1, EndColumn: 9},
		sonar: `{"startLine":1,"startColumn":0,"endLine":1,"endColumn":5}`, sarif: `{"startLine":1,"startColumn":1,"endLine":1,"endColumn":6}`,
	},
	{
		name:  "a column on an empty line gives the line",
		f:     finding.Finding{File: "multibyte.go", Line: 2, Column: 1},
		sonar: `{"startLine":2}`, sarif: `{"startLine":2,"startColumn":1,"endLine":2,"endColumn":1}`,
	},
	{
		name:  "a column past the end of the line gives the line",
		f:     finding.Finding{File: "multibyte.go", Line: 5, Column: 40},
		sonar: `{"startLine":5}`, sarif: `{"startLine":5,"startColumn":1,"endLine":5,"endColumn":12}`,
		warn: "multibyte.go:5:40: r: column 40 is past the end of line 5; kept at line level",
	},
	{
		name:  "a column at the end of the line gives the line",
		f:     finding.Finding{File: "multibyte.go", Line: 5, Column: 12},
		sonar: `{"startLine":5}`, sarif: `{"startLine":5,"startColumn":1,"endLine":5,"endColumn":12}`,
	},
	{
		name:  "a line past the end of the file gives the file",
		f:     finding.Finding{File: "multibyte.go", Line: 99, Column: 1},
		sonar: ``, sarif: `{"startLine":1,"startColumn":1,"endLine":1,"endColumn":13}`,
		warn: "line 99 is past the end of multibyte.go (6 lines); kept at file level",
	},
	{
		name:  "an end before the start is dropped",
		f:     finding.Finding{File: "multibyte.go", Line: 3, Column: 20, EndLine: 2, EndColumn: 1},
		sonar: `{"startLine":3,"startColumn":16}`, sarif: `{"startLine":3,"startColumn":17,"endLine":3,"endColumn":27}`,
		warn: "end 2:1 does not fit in multibyte.go",
	},
	{
		name:  "an empty range (go vet's end equal to its start) runs to the end of the line",
		f:     finding.Finding{File: "multibyte.go", Line: 3, Column: 20, EndLine: 3, EndColumn: 20},
		sonar: `{"startLine":3,"startColumn":16}`, sarif: `{"startLine":3,"startColumn":17,"endLine":3,"endColumn":27}`,
	},
	{
		name:  "a range over several lines",
		f:     finding.Finding{File: "multibyte.go", Line: 3, Column: 1, EndLine: 5, EndColumn: 5},
		sonar: `{"startLine":3,"startColumn":0,"endLine":5,"endColumn":4}`, sarif: `{"startLine":3,"startColumn":1,"endLine":5,"endColumn":5}`,
	},
	{
		name:  "a finding on the whole file",
		f:     finding.Finding{File: "multibyte.go"},
		sonar: ``, sarif: `{"startLine":1,"startColumn":1,"endLine":1,"endColumn":13}`,
	},
	{
		name:  "a windows path mapped by a prefix",
		f:     finding.Finding{File: `C:\src\edge\sub\win.go`, Line: 3, Column: 5, EndLine: 3, EndColumn: 6},
		sonar: `{"startLine":3,"startColumn":4,"endLine":3,"endColumn":5}`, sarif: `{"startLine":3,"startColumn":5,"endLine":3,"endColumn":6}`,
		path: "sub/win.go",
	},
	{
		name:  "a relative path with backslashes",
		f:     finding.Finding{File: `sub\win.go`, Line: 3, Column: 5},
		sonar: `{"startLine":3,"startColumn":4}`, sarif: `{"startLine":3,"startColumn":5,"endLine":3,"endColumn":10}`,
		path: "sub/win.go",
	},
}

func edgeReport() *finding.Report {
	r := &finding.Report{Schema: finding.Schema}
	for _, c := range edgeCases {
		f := c.f
		f.Rule, f.Engine, f.Message = "r", "govet", c.name
		if f.Language == "" {
			f.Language = finding.Go
		}
		r.Findings = append(r.Findings, f)
	}
	r.Normalize()
	return r
}

func edgeOptions(t *testing.T, warn *bytes.Buffer) report.Options {
	base, err := filepath.Abs("testdata/edge/project")
	if err != nil {
		t.Fatal(err)
	}
	opt := report.Options{BaseDir: base, Prefixes: []report.Prefix{{From: `C:\src\edge`, To: base}}}
	if warn != nil {
		opt.Warn = warn
	}
	return opt
}

// TestEdgeSonar checks each edge case's textRange and warning, and that the
// report passes the validator.
func TestEdgeSonar(t *testing.T) {
	var warn bytes.Buffer
	opt := edgeOptions(t, &warn)
	file, data := writeReport(t, printer.FormatSonar, edgeReport(), opt)
	var rep struct {
		Issues []struct {
			PrimaryLocation struct {
				Message   string          `json:"message"`
				FilePath  string          `json:"filePath"`
				TextRange json.RawMessage `json:"textRange"`
			} `json:"primaryLocation"`
		} `json:"issues"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for i, is := range rep.Issues {
		got[is.PrimaryLocation.Message] = i
	}
	if len(rep.Issues) != len(edgeCases) {
		t.Errorf("%d findings in, %d issues out", len(edgeCases), len(rep.Issues))
	}
	for _, c := range edgeCases {
		i, ok := got[c.name]
		if !ok {
			t.Errorf("%s: no issue", c.name)
			continue
		}
		loc := rep.Issues[i].PrimaryLocation
		if string(compact(loc.TextRange)) != c.sonar {
			t.Errorf("%s: textRange %s, want %s", c.name, compact(loc.TextRange), c.sonar)
		}
		wantPath := c.path
		if wantPath == "" {
			wantPath = c.f.File
		}
		if loc.FilePath != wantPath {
			t.Errorf("%s: filePath %q, want %q", c.name, loc.FilePath, wantPath)
		}
	}
	checkWarnings(t, warn.String())
	validate(t, printer.FormatSonar, file, opt.BaseDir, false)
	legacy, _ := writeReport(t, printer.FormatSonarLegacy, edgeReport(), edgeOptions(t, nil))
	validate(t, printer.FormatSonarLegacy, legacy, opt.BaseDir, false)
}

// TestEdgeSARIF checks each edge case's region, and that the report passes
// sarif_check.py against the files.
func TestEdgeSARIF(t *testing.T) {
	var warn bytes.Buffer
	opt := edgeOptions(t, &warn)
	file, data := writeReport(t, printer.FormatSARIF, edgeReport(), opt)
	var log struct {
		Runs []struct {
			Results []struct {
				Message   struct{ Text string } `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						Region json.RawMessage `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, run := range log.Runs {
		for _, res := range run.Results {
			got[res.Message.Text] = string(compact(res.Locations[0].PhysicalLocation.Region))
		}
	}
	for _, c := range edgeCases {
		if got[c.name] != c.sarif {
			t.Errorf("%s: region %s, want %s", c.name, got[c.name], c.sarif)
		}
	}
	checkWarnings(t, warn.String())
	validate(t, printer.FormatSARIF, file, opt.BaseDir, false)
}

// checkWarnings checks that each case warns as expected, and nothing else.
func checkWarnings(t *testing.T, warn string) {
	t.Helper()
	want := 0
	for _, c := range edgeCases {
		if c.warn == "" {
			continue
		}
		want++
		if !strings.Contains(warn, c.warn) {
			t.Errorf("%s: no warning containing %q in:\n%s", c.name, c.warn, warn)
		}
	}
	if n := strings.Count(warn, "\n"); n != want {
		t.Errorf("%d warnings, want %d:\n%s", n, want, warn)
	}
}

func compact(b []byte) []byte {
	var buf bytes.Buffer
	if len(b) == 0 {
		return nil
	}
	if err := json.Compact(&buf, b); err != nil {
		return b
	}
	return buf.Bytes()
}

// TestMissingFile keeps a finding in a file that no longer exists, or that
// lies outside the base directory, at file level with a warning. SonarQube
// skips issues on files it did not index and logs them, so the report is
// valid with --allow-missing-files; SARIF keeps the line, which
// sarif_check.py can only check without --base-dir.
func TestMissingFile(t *testing.T) {
	var warn bytes.Buffer
	opt := edgeOptions(t, &warn)
	r := &finding.Report{Findings: []finding.Finding{
		{Rule: "nullderef", Engine: "riskvet", Language: "php", File: "gone.php", Line: 7, Column: 3, Message: "gone"},
		{Rule: "nullderef", Engine: "riskvet", Language: "php", File: "../outside.php", Line: 2, Message: "outside"},
	}}
	r.Normalize()
	file, data := writeReport(t, printer.FormatSonar, r, opt)
	if bytes.Contains(data, []byte("textRange")) {
		t.Errorf("a missing file must be at file level:\n%s", data)
	}
	if !bytes.Contains(data, []byte(`"filePath": "gone.php"`)) {
		t.Errorf("the missing file keeps its path:\n%s", data)
	}
	if n := issueCount(t, printer.FormatSonar, data); n != 2 {
		t.Errorf("%d issues, want 2", n)
	}
	for _, w := range []string{"gone.php:7:3: nullderef: cannot read gone.php; kept at file level", "../outside.php:2: nullderef: file is outside the base directory"} {
		if !strings.Contains(warn.String(), w) {
			t.Errorf("no warning %q in:\n%s", w, &warn)
		}
	}
	validate(t, printer.FormatSonar, file, opt.BaseDir, true)
	sarif, data := writeReport(t, printer.FormatSARIF, r, opt)
	if !bytes.Contains(data, []byte(`"startLine": 7`)) {
		t.Errorf("SARIF keeps the line of a missing file:\n%s", data)
	}
	validate(t, printer.FormatSARIF, sarif, opt.BaseDir, true)
}

// TestEmpty writes an empty report: every list is [], never null, and the
// reports are valid.
func TestEmpty(t *testing.T) {
	r, err := report.Read("empty.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := filepath.Abs("testdata/edge/project")
	want := map[string][]string{
		printer.FormatSonar:       {`"rules": []`, `"issues": []`},
		printer.FormatSonarLegacy: {`"issues": []`},
		printer.FormatSARIF:       {`"rules": []`, `"results": []`},
	}
	for format, needles := range want {
		file, data := writeReport(t, format, r, report.Options{BaseDir: base})
		for _, n := range needles {
			if !bytes.Contains(data, []byte(n)) {
				t.Errorf("%s: no %s in:\n%s", format, n, data)
			}
		}
		if bytes.Contains(data, []byte("null")) {
			t.Errorf("%s: null in an empty report:\n%s", format, data)
		}
		validate(t, format, file, base, false)
	}
	var buf bytes.Buffer
	if err := printer.WriteText(&buf, r); err != nil || buf.Len() != 0 {
		t.Errorf("text of an empty report: %q, %v", buf.String(), err)
	}
}

// TestMessages cuts long messages cleanly at SonarQube's 1333 UTF-16 units
// and replaces U+0000, which older servers reject.
func TestMessages(t *testing.T) {
	long := strings.Repeat("a", 1329) + strings.Repeat("😀", 10) // the cut falls inside the emoji run
	r := &finding.Report{Findings: []finding.Finding{
		{Rule: "r", Engine: "govet", File: "multibyte.go", Line: 1, Message: long},
		{Rule: "r", Engine: "govet", File: "multibyte.go", Line: 5, Message: "nul \x00 here"},
		{Rule: "r", Engine: "govet", File: "multibyte.go", Line: 3, Message: "  "},
	}}
	file, data := writeReport(t, printer.FormatSonar, r, edgeOptions(t, nil))
	var rep struct {
		Issues []struct {
			PrimaryLocation struct{ Message string } `json:"primaryLocation"`
		} `json:"issues"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	cut := rep.Issues[0].PrimaryLocation.Message
	if n := len(utf16.Encode([]rune(cut))); n > 1333 || !strings.HasSuffix(cut, "...") || !utf8.ValidString(cut) {
		t.Errorf("long message: %d UTF-16 units, %q at the end", n, cut[len(cut)-12:])
	}
	if want := strings.Repeat("a", 1329) + "..."; cut != want {
		t.Errorf("the cut must not split the surrogate pair of an emoji: got ...%q", cut[len(cut)-8:])
	}
	if got := rep.Issues[2].PrimaryLocation.Message; got != "nul [NULL] here" {
		t.Errorf("NUL: got %q", got)
	}
	if got := rep.Issues[1].PrimaryLocation.Message; got != "govet: r" {
		t.Errorf("a blank message takes the rule's title: got %q", got)
	}
	validate(t, printer.FormatSonar, file, edgeOptions(t, nil).BaseDir, false)
}

// TestRuleIDCollision gives a foreign rule that shares its id with one of
// riskvet's its engine's prefix, since rules[].id is unique in a report.
func TestRuleIDCollision(t *testing.T) {
	r := &finding.Report{Findings: []finding.Finding{
		{Rule: "nilness", Engine: "riskvet", File: "multibyte.go", Line: 3, Message: "a"},
		{Rule: "nilness", Engine: "govet", File: "multibyte.go", Line: 5, Message: "b"},
	}}
	file, data := writeReport(t, printer.FormatSonar, r, edgeOptions(t, nil))
	for _, want := range []string{`"id": "nilness"`, `"id": "govet.nilness"`, `"ruleId": "govet.nilness"`, `"engineId": "riskvet-govet"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("no %s in:\n%s", want, data)
		}
	}
	validate(t, printer.FormatSonar, file, edgeOptions(t, nil).BaseDir, false)
}

// TestFixtureBytes guards the edge fixtures' line endings and BOM, which a
// checkout with text conversion would destroy (see .gitattributes).
func TestFixtureBytes(t *testing.T) {
	for file, want := range map[string]string{"crlf.php": "\r\n", "bom.php": "\xef\xbb\xbf"} {
		data, err := os.ReadFile(filepath.Join("testdata/edge/project", file))
		if err != nil || !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s lost %q: %v", file, want, err)
		}
	}
}

// TestSARIFOutsideURI writes a file outside the base directory as a file
// URI, so that a Windows drive letter is not read as a URI scheme.
func TestSARIFOutsideURI(t *testing.T) {
	r := &finding.Report{Findings: []finding.Finding{
		{Rule: "r", Engine: "govet", File: `D:\other\a b.go`, Line: 1, Message: "drive"},
		{Rule: "r", Engine: "govet", File: "/elsewhere/x.go", Line: 2, Message: "unix"},
	}}
	var buf bytes.Buffer
	if err := printer.WriteSARIF(&buf, report.Place(r, edgeOptions(t, nil))); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"uri": "file:///D:/other/a%20b.go"`, `"uri": "file:///elsewhere/x.go"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("no %s in:\n%s", want, &buf)
		}
	}
}
