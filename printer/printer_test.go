package printer_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// update rewrites the golden files of every test of this package.
var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with the golden file, which -update rewrites.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	checktest.Golden(t, golden, got, *update)
}

// validate checks a written report with the importer's rules (and the
// validators beside the repository, when they are there); allowMissing
// accepts locations in files that are not under baseDir.
func validate(t *testing.T, format, file, baseDir string, allowMissing bool) {
	t.Helper()
	checktest.Check(t, format, file, baseDir, allowMissing)
}

// writeReport writes r in format to a file in a temporary directory and
// returns its path and content.
func writeReport(t *testing.T, format string, r *finding.Report, opt report.Options) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := printer.Write(&buf, format, report.Place(r, opt)); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	file := filepath.Join(t.TempDir(), "report."+format+".json")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, buf.Bytes()
}

var goldenFormats = []struct{ format, golden string }{
	{printer.FormatSonar, "shared.sonar.json"},
	{printer.FormatSonarLegacy, "shared.sonar-legacy.json"},
	{printer.FormatSARIF, "shared.sarif"},
	{printer.FormatText, "shared.txt"},
	{printer.FormatCodeClimate, "shared.codeclimate.json"},
	{printer.FormatCheckstyle, "shared.checkstyle.xml"},
}

// readInput reads a report file with report.Read.
func readInput(t *testing.T, name string) *finding.Report {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Read(filepath.Base(name), data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestGolden writes the one shared input in every format and compares with
// the golden files; each report must also pass the shared validators.
func TestGolden(t *testing.T) {
	r := readInput(t, "testdata/shared/findings.json")
	base, _ := filepath.Abs("testdata/shared/project")
	for _, tc := range goldenFormats {
		t.Run(tc.format, func(t *testing.T) {
			var warn bytes.Buffer
			file, got := writeReport(t, tc.format, r, report.Options{BaseDir: base, Warn: &warn})
			if warn.Len() > 0 {
				t.Errorf("the shared input fits its files, but got warnings:\n%s", &warn)
			}
			checkGolden(t, filepath.Join("testdata", "golden", tc.golden), got)
			if tc.format != printer.FormatText {
				validate(t, tc.format, file, base, false)
			}
			if n := issueCount(t, tc.format, got); n != len(r.Findings) {
				t.Errorf("%d findings in, %d issues out", len(r.Findings), n)
			}
		})
	}
}

// issueCount counts the issues of a written report.
func issueCount(t *testing.T, format string, data []byte) int {
	t.Helper()
	switch format {
	case printer.FormatText:
		return bytes.Count(data, []byte("\n"))
	case printer.FormatCodeClimate:
		var issues []json.RawMessage
		if err := json.Unmarshal(data, &issues); err != nil {
			t.Fatal(err)
		}
		return len(issues)
	case printer.FormatCheckstyle:
		return bytes.Count(data, []byte("<error "))
	case printer.FormatSARIF:
		var log struct {
			Runs []struct {
				Results []json.RawMessage `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, run := range log.Runs {
			n += len(run.Results)
		}
		return n
	}
	var rep struct {
		Issues []json.RawMessage `json:"issues"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	return len(rep.Issues)
}

// TestRecordedSamples converts each recorded tool output in
// shared/sonar/samples/inputs, counted independently of the readers, and
// checks that every finding comes out once in every format, and that every
// report passes the validators. The samples were recorded with the project
// at /src/project; -path-prefix maps that onto the checked-in copy.
func TestRecordedSamples(t *testing.T) {
	samples := checktest.Samples(t)
	project := filepath.Join(samples, "project")
	if _, err := os.Stat(project); err != nil {
		t.Skipf("recorded samples not found: %v", err)
	}
	shared, _ := os.ReadFile("testdata/shared/findings.json")
	inputs := []struct {
		name  string
		count func(data []byte) int
	}{
		{"govet.json", countVet},
		{"staticcheck.jsonl", countLines},
		{"golangci-lint.json", countGolangci},
	}
	opt := report.Options{BaseDir: project, Prefixes: []report.Prefix{{From: "/src/project", To: project}}}
	var all []*finding.Report
	total := 0
	for _, in := range inputs {
		data, err := os.ReadFile(filepath.Join(samples, "inputs", in.name))
		if err != nil {
			t.Fatal(err)
		}
		want := in.count(data)
		if want == 0 {
			t.Fatalf("%s: the independent count found nothing", in.name)
		}
		r, err := report.Read(in.name, data)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, r)
		total += want
		checkCounts(t, in.name, r, want, opt, "")
	}
	// riskvet's own report kind, from the shared input (its own files).
	r, err := report.Read("findings.json", shared)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := filepath.Abs("testdata/shared/project")
	checkCounts(t, "findings.json", r, 7, report.Options{BaseDir: base}, "")
	// All recorded inputs at once: nothing lost or doubled by Merge, and
	// the reports pass the validators (the shared input's do in TestGolden).
	checkCounts(t, "all inputs", report.Merge(all...), total, opt, project)
}

// checkCounts writes r in every format and checks that want issues come
// out, with no warning; with a base directory it also runs the validators.
func checkCounts(t *testing.T, name string, r *finding.Report, want int, opt report.Options, base string) {
	t.Helper()
	if len(r.Findings) != want {
		t.Errorf("%s: read %d findings, want %d", name, len(r.Findings), want)
	}
	for _, format := range printer.Formats {
		var warn bytes.Buffer
		opt.Warn = &warn
		file, data := writeReport(t, format, r, opt)
		if n := issueCount(t, format, data); n != want {
			t.Errorf("%s: %d findings in, %d %s issues out", name, want, n, format)
		}
		if warn.Len() > 0 {
			t.Errorf("%s (%s): unexpected warnings:\n%s", name, format, &warn)
		}
		if format != printer.FormatText && base != "" {
			validate(t, format, file, base, false)
		}
	}
}

// countVet counts the diagnostics in a go vet -json stream by walking its
// generic JSON, not through the reader.
func countVet(data []byte) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	n := 0
	for dec.More() {
		var tree map[string]map[string]any
		if dec.Decode(&tree) != nil {
			return -1
		}
		for _, analyzers := range tree {
			for _, v := range analyzers {
				if list, ok := v.([]any); ok {
					n += len(list)
				}
			}
		}
	}
	return n
}

func countGolangci(data []byte) int {
	var doc struct{ Issues []any }
	if json.NewDecoder(bytes.NewReader(data)).Decode(&doc) != nil {
		return -1
	}
	return len(doc.Issues)
}

// countLines counts the non-empty lines of staticcheck's one-object-per-line
// output.
func countLines(data []byte) int {
	n := 0
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// TestTextColor checks the coloured text format against its golden file,
// and that without its escape sequences it is the plain one, line for line.
func TestTextColor(t *testing.T) {
	r := readInput(t, "testdata/shared/findings.json")
	var buf bytes.Buffer
	if err := printer.WriteTextColor(&buf, r, true); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "golden", "shared.color.txt"), buf.Bytes())
	plain, err := os.ReadFile(filepath.Join("testdata", "golden", "shared.txt"))
	if err != nil {
		t.Fatal(err)
	}
	stripped := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAll(buf.Bytes(), nil)
	if !bytes.Equal(stripped, plain) {
		t.Errorf("without colour:\n%s\nwant shared.txt:\n%s", stripped, plain)
	}
}

// TestTextPaths checks that the text format names every file relative to
// the base directory, as the other formats do, whether the input gave it
// absolute (go vet -json) or relative (riskvet php); a file outside keeps
// its absolute path.
func TestTextPaths(t *testing.T) {
	base := t.TempDir()
	outside := filepath.ToSlash(filepath.Join(filepath.Dir(base), "elsewhere", "c.go"))
	r := &finding.Report{Findings: []finding.Finding{
		{Rule: "genericdepth", File: filepath.Join(base, "go", "a.go"), Line: 3, Column: 2, Message: "m"},
		{Rule: "nullderef", File: "php/b.php", Line: 4, Column: 1, Message: "m"},
		{Rule: "nilness", File: outside, Line: 5, Column: 1, Message: "m"},
	}}
	var buf bytes.Buffer
	if err := printer.Write(&buf, printer.FormatText, report.Place(r, report.Options{BaseDir: base})); err != nil {
		t.Fatal(err)
	}
	want := outside + ":5:1: nilness: m\ngo/a.go:3:2: genericdepth: m\nphp/b.php:4:1: nullderef: m\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
