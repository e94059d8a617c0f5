package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// TestReadVetStream reads what go vet -json prints for several packages:
// concatenated objects, with the "# pkg" and "vet:" lines of stderr mixed
// in, an analyzer error, riskvet's own analyzers (-vettool) and vet's.
func TestReadVetStream(t *testing.T) {
	in := `# example.com/a
{
	"example.com/a": {
		"printf": [{"posn": "/p/a/a.go:3:4", "end": "/p/a/a.go:3:9", "message": "bad format"}],
		"genericdepth": [{"posn": "/p/a/a.go:5:6", "end": "/p/a/a.go:5:6", "message": "generic nesting depth 4 exceeds 3"}]
	}
}
# example.com/b
vet: b/b.go:3:23: undefined: x
{"example.com/b [example.com/b.test]": {"assign": [{"posn": "C:\\p\\b\\b.go:7", "end": "C:\\p\\b\\b.go:7", "message": "self-assignment"}], "nilness": {"error": "analysis failed"}}}
`
	r, err := report.Read("vet.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []finding.Finding{
		{Rule: "printf", Engine: "govet", Language: "go", File: "/p/a/a.go", Line: 3, Column: 4, EndLine: 3, EndColumn: 9, Message: "bad format"},
		{Rule: "genericdepth", Engine: "riskvet", Language: "go", File: "/p/a/a.go", Line: 5, Column: 6, Message: "generic nesting depth 4 exceeds 3"},
		{Rule: "assign", Engine: "govet", Language: "go", File: `C:\p\b\b.go`, Line: 7, Message: "self-assignment"},
	}
	checkFindings(t, r.Findings, want)
	if len(r.Errors) != 2 {
		t.Errorf("errors: got %+v, want the vet: line and the analyzer error", r.Errors)
	}
}

// TestReadStaticcheck reads staticcheck -f json lines, with an unknown end
// and a severity it does not know.
func TestReadStaticcheck(t *testing.T) {
	in := `{"code":"SA4006","severity":"error","location":{"file":"/p/a.go","line":11,"column":2},"end":{"file":"/p/a.go","line":11,"column":7},"message":"never used"}
{"code":"U1000","severity":"fatal-ish","location":{"file":"/p/a.go","line":8,"column":19},"end":{"file":"","line":0,"column":0},"message":"unused"}
{"code":"compile","severity":"error","location":{"file":"/p/b.go","line":1,"column":1},"end":{"file":"","line":0,"column":0},"message":"cannot compile"}
`
	r, err := report.Read("sc.jsonl", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	checkFindings(t, r.Findings, []finding.Finding{
		{Rule: "U1000", Engine: "staticcheck", Language: "go", File: "/p/a.go", Line: 8, Column: 19, Message: "unused"},
		{Rule: "SA4006", Engine: "staticcheck", Language: "go", File: "/p/a.go", Line: 11, Column: 2, EndLine: 11, EndColumn: 7, Message: "never used", Severity: "error"},
	})
	if len(r.Errors) != 1 {
		t.Errorf("a compile error is an error, not a finding: %+v", r.Errors)
	}
	// The unknown severity falls back to the rule's default level.
	var buf bytes.Buffer
	if err := printer.WriteSARIF(&buf, report.Place(r, report.Options{})); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"level": "warning"`)) || bytes.Contains(buf.Bytes(), []byte("fatal")) {
		t.Errorf("unknown severity: want the rule default level:\n%s", &buf)
	}
}

// TestReadGolangci reads golangci-lint JSON followed by its statistics.
func TestReadGolangci(t *testing.T) {
	in := `{"Issues":[{"FromLinter":"govet","Text":"printf: bad","Pos":{"Filename":"a.go","Line":3,"Column":4}},` +
		`{"FromLinter":"staticcheck","Text":"S1002: simplify","Pos":{"Filename":"a.go","Line":5,"Column":1}},` +
		`{"FromLinter":"errcheck","Text":"unchecked","Pos":{"Filename":"a.go","Line":6,"Column":1}}],"Report":{}}
3 issues:
* govet: 1
* staticcheck: 1
`
	r, err := report.Read("golangci.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	checkFindings(t, r.Findings, []finding.Finding{
		{Rule: "printf", Engine: "govet", Language: "go", File: "a.go", Line: 3, Column: 4, Message: "bad"},
		{Rule: "S1002", Engine: "staticcheck", Language: "go", File: "a.go", Line: 5, Column: 1, Message: "simplify"},
		{Rule: "errcheck", Engine: "golangci-lint", Language: "go", File: "a.go", Line: 6, Column: 1, Message: "unchecked"},
	})
}

// TestReadRiskvet reads riskvet's report, with a BOM, and a stream that
// concatenates it with staticcheck output.
func TestReadRiskvet(t *testing.T) {
	own := `{"schema":"riskvet/findings/v1","tool":{"name":"riskvet","version":"v1"},"root":"/p",` +
		`"files":[{"path":"x.php","language":"php","lines":3}],` +
		`"findings":[{"rule":"nullderef","engine":"riskvet","language":"php","file":"x.php","line":2,"column":5,"message":"m"}],"errors":[]}`
	r, err := report.Read("r.json", []byte("\xef\xbb\xbf"+own))
	if err != nil {
		t.Fatal(err)
	}
	if r.Root != "/p" || len(r.Files) != 1 || len(r.Findings) != 1 {
		t.Errorf("got %+v", r)
	}
	mixed := own + "\n" + `{"code":"SA4006","severity":"error","location":{"file":"/p/a.go","line":1,"column":1},"end":{"file":"","line":0,"column":0},"message":"m"}`
	r, err = report.Read("mixed", []byte(mixed))
	if err != nil {
		t.Fatal(err)
	}
	checkFindings(t, r.Findings, []finding.Finding{
		{Rule: "SA4006", Engine: "staticcheck", Language: "go", File: "/p/a.go", Line: 1, Column: 1, Message: "m", Severity: "error"},
		{Rule: "nullderef", Engine: "riskvet", Language: "php", File: "x.php", Line: 2, Column: 5, Message: "m"},
	})
	if r.Root != "/p" {
		t.Errorf("the report's root is kept for its relative paths: got %q", r.Root)
	}
	if _, err := report.Read("v2.json", []byte(`{"schema":"riskvet/findings/v2"}`)); err == nil || !strings.Contains(err.Error(), `v2.json:1:1: unsupported report schema "riskvet/findings/v2"`) {
		t.Errorf("a newer schema: got %v", err)
	}
}

// TestReadMalformed names the input and the line:column where reading
// stopped.
func TestReadMalformed(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{\n  \"a\": {\n    \"printf\": [\n      {\"posn\": \"x.go:1:1\",, }\n", "in.json:4:27: malformed JSON: invalid character ','"},
		{"{\"code\":\"SA1\",\"location\":{\"file\":\"a.go\",\"line\":\"x\"}}", "in.json:1:50: unexpected JSON: json: cannot unmarshal string"},
		{"{\"a\": 1", "in.json:1:8: malformed JSON: unexpected end of input"},
		{"[1, 2]", "in.json:1:1: unrecognized input: a JSON array"},
		{"{\"a\": [1]}", "in.json:1:1: unrecognized input"},
		{"{}\nnot json\n", "in.json:2:1: malformed JSON: invalid character 'n'"},
		{"{\"Issues\": 3}", "in.json:1:"},
	} {
		_, err := report.Read("in.json", []byte(tc.in))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Read(%q):\n got %v\nwant prefix %q", tc.in, err, tc.want)
		}
	}
}

// TestReadEmpty reads nothing as an empty report: go vet prints nothing for
// a clean package.
func TestReadEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "# example.com/clean\n", "{}"} {
		r, err := report.Read("empty", []byte(in))
		if err != nil || len(r.Findings) != 0 || r.Findings == nil {
			t.Errorf("Read(%q) = %+v, %v; want an empty report with [] findings", in, r, err)
		}
	}
}

// TestMerge: shards of one run that overlap on a file count that file's
// findings once; different tools and inputs without file lists add up.
func TestMerge(t *testing.T) {
	tool := finding.Tool{Name: "riskvet", Version: "v1"}
	a := finding.Finding{Rule: "nullderef", Engine: "riskvet", Language: "php", File: "a.php", Line: 1, Message: "m"}
	b := finding.Finding{Rule: "nullderef", Engine: "riskvet", Language: "php", File: "b.php", Line: 1, Message: "m"}
	statA := finding.FileStat{Path: "a.php", Language: "php", Lines: 10}
	statB := finding.FileStat{Path: "b.php", Language: "php", Lines: 5}
	shard1 := &finding.Report{Tool: tool, Files: []finding.FileStat{statA}, Findings: []finding.Finding{a, a}}
	shard2 := &finding.Report{Tool: tool, Files: []finding.FileStat{statA, statB}, Findings: []finding.Finding{a, a, b}}
	m := report.Merge(shard1, shard2)
	if len(m.Findings) != 3 || len(m.Files) != 2 {
		t.Errorf("overlapping shards: %d findings, %d files; want 3 (a twice, b once) and 2", len(m.Findings), len(m.Files))
	}
	// Disjoint shards add up.
	m = report.Merge(&finding.Report{Tool: tool, Files: []finding.FileStat{statA}, Findings: []finding.Finding{a}},
		&finding.Report{Tool: tool, Files: []finding.FileStat{statB}, Findings: []finding.Finding{b}})
	if len(m.Findings) != 2 || len(m.Files) != 2 {
		t.Errorf("disjoint shards: %+v", m)
	}
	// The same finding from two tools, or from inputs that list no files,
	// is two findings.
	other := &finding.Report{Tool: finding.Tool{Name: "riskvet", Version: "v2"}, Files: []finding.FileStat{statA}, Findings: []finding.Finding{a}}
	m = report.Merge(shard1, other, &finding.Report{Findings: []finding.Finding{a}}, &finding.Report{Findings: []finding.Finding{a}})
	if len(m.Findings) != 5 {
		t.Errorf("different tools and file-less inputs: %d findings, want 5", len(m.Findings))
	}
	// Different roots: relative paths are joined with their root.
	m = report.Merge(&finding.Report{Root: "/x", Findings: []finding.Finding{a}}, &finding.Report{Root: "/y", Findings: []finding.Finding{a}})
	if m.Root != "" || m.Findings[0].File != "/x/a.php" || m.Findings[1].File != "/y/a.php" {
		t.Errorf("different roots: %+v", m)
	}
	if m := report.Merge(); m.Findings == nil || m.Files == nil || m.Errors == nil {
		t.Errorf("empty merge has nil lists: %+v", m)
	}
}

// TestMergeSamples: merging every recorded sample keeps every finding.
func TestMergeSamples(t *testing.T) {
	dir := filepath.Join(checktest.Samples(t), "inputs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skip(err)
	}
	var reports []*finding.Report
	total := 0
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		r, err := report.Read(e.Name(), data)
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		total += len(r.Findings)
		reports = append(reports, r, r) // each input twice: no file lists, so no de-duplication
	}
	if m := report.Merge(reports...); len(m.Findings) != 2*total {
		t.Errorf("merged %d findings, want %d", len(m.Findings), 2*total)
	}
}

func checkFindings(t *testing.T, got, want []finding.Finding) {
	t.Helper()
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	if !bytes.Equal(g, w) {
		t.Errorf("findings:\n%s\nwant:\n%s", g, w)
	}
}
