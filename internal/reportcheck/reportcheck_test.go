package reportcheck_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/reportcheck"
	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
)

// The project in testdata/project:
//
//	multi.go  1 "package p"  2 ""  3 `var s = "é😀" + t` (17 UTF-16 units, 20 bytes)  4 ""
//	crlf.php  "<?php\r\n$a = 1;\r$b = 2;\r\n": four lines for SonarQube, which
//	          ends a line at a lone "\r"; three for SARIF's default newlines
const base = "testdata/project"

// rule is a rule of the 10.3 format that passes every check.
const rule = `{"id":"r","name":"R","engineId":"e","description":"d","cleanCodeAttribute":"LOGICAL","impacts":[{"softwareQuality":"RELIABILITY","severity":"HIGH"}]}`

// issue wraps a primary location into a 10.3 report with the rule above.
func issue(loc string) string {
	return `{"rules":[` + rule + `],"issues":[{"ruleId":"r","primaryLocation":` + loc + `}]}`
}

var sonarCases = []struct {
	name, report string
	// want is a substring of the one expected problem; "" expects none.
	want string
	// missing allows files that are not there.
	missing bool
}{
	{name: "valid, whole file", report: issue(`{"message":"m","filePath":"multi.go"}`)},
	{name: "valid, columns in UTF-16 units", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":3,"startColumn":10,"endColumn":12}}`)},
	{name: "valid, a column at the end of the line", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":3,"startColumn":16,"endColumn":17}}`)},
	{name: "valid, a lone cr ends a line", report: issue(`{"message":"m","filePath":"crlf.php","textRange":{"startLine":3,"startColumn":0}}`)},
	{name: "valid, deprecated format", report: `{"issues":[{"engineId":"e","ruleId":"r","severity":"MAJOR","type":"BUG","primaryLocation":{"message":"m","filePath":"multi.go"}}]}`},
	{name: "valid, empty", report: `{"rules":[],"issues":[]}`},
	{name: "valid, missing file allowed", report: issue(`{"message":"m","filePath":"gone.go","textRange":{"startLine":99}}`), missing: true},
	{name: "not JSON", report: `{"issues":[],}`, want: "$: not JSON"},
	{name: "data after the value", report: `{"issues":[]} {}`, want: "data after the JSON value"},
	{name: "an array", report: `[]`, want: "$: want an object, got an array"},
	{name: "no issues", report: `{"rules":[]}`, want: `$: missing "issues"`},
	{name: "byte column", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":3,"startColumn":19}}`), want: "19 is outside line 3 of multi.go, which has 17 UTF-16 units"},
	{name: "end past the line", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":3,"startColumn":1,"endColumn":20}}`), want: "20 is outside line 3"},
	{name: "column on an empty line", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":2,"startColumn":0}}`), want: "line 2 of multi.go is empty"},
	{name: "line past the end", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":5}}`), want: "line 5 is past the end of multi.go (4 lines)"},
	{name: "line zero", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":0}}`), want: "0 is not a line"},
	{name: "empty range", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":3,"startColumn":4,"endColumn":4}}`), want: "the end 3:4 is not after the start 3:4"},
	{name: "start at the end of the line, no end", report: issue(`{"message":"m","filePath":"multi.go","textRange":{"startLine":3,"startColumn":17}}`), want: "the end 3:17 is not after the start 3:17"},
	{name: "missing file", report: issue(`{"message":"m","filePath":"gone.go"}`), want: "gone.go is not a file under the base directory"},
	{name: "path out of the base", report: issue(`{"message":"m","filePath":"../project/multi.go"}`), want: "is not a file under the base directory"},
	{name: "no message", report: issue(`{"filePath":"multi.go"}`), want: `missing "message"`},
	{name: "NUL in the message", report: issue(`{"message":"a\u0000b","filePath":"multi.go"}`), want: "U+0000"},
	{name: "long message", report: issue(`{"message":"` + strings.Repeat("x", 1334) + `","filePath":"multi.go"}`), want: "1334 UTF-16 units"},
	{name: "undeclared rule", report: `{"rules":[` + rule + `],"issues":[{"ruleId":"q","primaryLocation":{"message":"m","filePath":"multi.go"}}]}`, want: `rule "q" is not declared`},
	{name: "severity on a 10.3 issue", report: `{"rules":[` + rule + `],"issues":[{"ruleId":"r","severity":"MAJOR","primaryLocation":{"message":"m","filePath":"multi.go"}}]}`, want: "has no severity"},
	{name: "negative effort", report: `{"rules":[` + rule + `],"issues":[{"ruleId":"r","effortMinutes":-5,"primaryLocation":{"message":"m","filePath":"multi.go"}}]}`, want: "-5 is negative"},
	{name: "effort past 32 bits", report: `{"rules":[` + rule + `],"issues":[{"ruleId":"r","effortMinutes":3000000000,"primaryLocation":{"message":"m","filePath":"multi.go"}}]}`, want: "not a 32-bit integer"},
	{name: "duplicate rule", report: `{"rules":[` + rule + `,` + rule + `],"issues":[]}`, want: `duplicate rule id "r"`},
	{name: "blank name", report: `{"rules":[{"id":"r","name":" ","engineId":"e","description":"d","cleanCodeAttribute":"LOGICAL","impacts":[{"softwareQuality":"RELIABILITY","severity":"HIGH"}]}],"issues":[]}`, want: "name: blank"},
	{name: "no clean code attribute", report: `{"rules":[{"id":"r","name":"R","engineId":"e","description":"d","impacts":[{"softwareQuality":"RELIABILITY","severity":"HIGH"}]}],"issues":[]}`, want: `missing "cleanCodeAttribute"`},
	{name: "lowercase enum", report: `{"rules":[{"id":"r","name":"R","engineId":"e","description":"d","cleanCodeAttribute":"logical","impacts":[{"softwareQuality":"RELIABILITY","severity":"HIGH"}]}],"issues":[]}`, want: `"logical" is not one of`},
	{name: "impact severity of plugin API 10.11", report: `{"rules":[{"id":"r","name":"R","engineId":"e","description":"d","cleanCodeAttribute":"LOGICAL","impacts":[{"softwareQuality":"RELIABILITY","severity":"BLOCKER"}]}],"issues":[]}`, want: `"BLOCKER" is not one of LOW, MEDIUM, HIGH`},
	{name: "empty impacts", report: `{"rules":[{"id":"r","name":"R","engineId":"e","description":"d","cleanCodeAttribute":"LOGICAL","impacts":[]}],"issues":[]}`, want: "impacts: empty"},
	{name: "type without severity", report: `{"rules":[{"id":"r","name":"R","engineId":"e","description":"d","cleanCodeAttribute":"LOGICAL","type":"BUG","impacts":[{"softwareQuality":"RELIABILITY","severity":"HIGH"}]}],"issues":[]}`, want: "type without severity"},
	{name: "colon in the engine", report: `{"rules":[{"id":"r","name":"R","engineId":"a:b","description":"d","cleanCodeAttribute":"LOGICAL","impacts":[{"softwareQuality":"RELIABILITY","severity":"HIGH"}]}],"issues":[]}`, want: "splits the rule key"},
	{name: "deprecated issue without type", report: `{"issues":[{"engineId":"e","ruleId":"r","severity":"MAJOR","primaryLocation":{"message":"m","filePath":"multi.go"}}]}`, want: `missing "type"`},
	{name: "secondary without range", report: `{"rules":[` + rule + `],"issues":[{"ruleId":"r","primaryLocation":{"message":"m","filePath":"multi.go"},"secondaryLocations":[{"filePath":"multi.go"}]}]}`, want: `missing "textRange"`},
}

func TestSonar(t *testing.T) {
	for _, tc := range sonarCases {
		t.Run(tc.name, func(t *testing.T) {
			ps := reportcheck.Sonar([]byte(tc.report), reportcheck.Options{BaseDir: base, AllowMissingFiles: tc.missing})
			checkProblems(t, ps, tc.want)
		})
	}
}

// sarif wraps results into a log with one run and the rule "r".
func sarif(results string) string {
	return `{"$schema":"s","version":"2.1.0","runs":[{"tool":{"driver":{"name":"riskvet","rules":[{"id":"r","shortDescription":{"text":"s"},"fullDescription":{"text":"f"},"help":{"text":"h"}}]}},` +
		`"originalUriBaseIds":{"%SRCROOT%":{}},"columnKind":"utf16CodeUnits","results":[` + results + `]}]}`
}

// result is one result of rule "r" at a region of a file.
func result(uri, region string) string {
	return `{"ruleId":"r","ruleIndex":0,"level":"warning","message":{"text":"m"},"partialFingerprints":{"primaryLocationLineHash":"h:1"},` +
		`"locations":[{"physicalLocation":{"artifactLocation":{"uri":"` + uri + `","uriBaseId":"%SRCROOT%"},"region":` + region + `}}]}`
}

var sarifCases = []struct {
	name, log, want string
}{
	{name: "valid", log: sarif(result("multi.go", `{"startLine":3,"startColumn":10,"endLine":3,"endColumn":18}`))},
	{name: "valid, empty", log: sarif(``)},
	{name: "valid, default newlines keep a lone cr in the line", log: sarif(result("crlf.php", `{"startLine":2,"startColumn":15,"endLine":2,"endColumn":16}`))},
	{name: "valid, a failed invocation", log: strings.Replace(sarif(``), `"results"`, `"invocations":[{"executionSuccessful":false,"toolExecutionNotifications":[{"level":"error","message":{"text":"a.go:1:2: bad"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.go"},"region":{"startLine":1,"startColumn":2}}}]}]}],"results"`, 1)},
	{name: "invocation without success", log: strings.Replace(sarif(``), `"results"`, `"invocations":[{}],"results"`, 1), want: `missing "executionSuccessful"`},
	{name: "notification without message", log: strings.Replace(sarif(``), `"results"`, `"invocations":[{"executionSuccessful":false,"toolExecutionNotifications":[{"level":"error"}]}],"results"`, 1), want: `missing "message"`},
	{name: "byte column", log: sarif(result("multi.go", `{"startLine":3,"startColumn":20}`)), want: "20 is past the end of line 3 of multi.go (17 columns)"},
	{name: "line past the end", log: sarif(result("crlf.php", `{"startLine":4}`)), want: "line 4 is past the end of crlf.php (3 lines)"},
	{name: "end before start", log: sarif(result("multi.go", `{"startLine":3,"startColumn":5,"endColumn":4}`)), want: "4 is before the start column 5"},
	{name: "line zero", log: sarif(result("multi.go", `{"startLine":0}`)), want: "lines are 1-based"},
	{name: "missing file", log: sarif(result("gone.go", `{"startLine":1}`)), want: "gone.go is not a file"},
	{name: "backslash", log: sarif(result(`a\\b.go`, `{"startLine":1}`)), want: "holds a backslash"},
	{name: "undeclared rule", log: sarif(strings.Replace(result("multi.go", `{"startLine":1}`), `"ruleId":"r","ruleIndex":0`, `"ruleId":"q"`, 1)), want: `rule "q" is not declared`},
	{name: "wrong rule index", log: sarif(strings.Replace(result("multi.go", `{"startLine":1}`), `"ruleIndex":0`, `"ruleIndex":1`, 1)), want: "ruleIndex: 1, but rule \"r\" is at index 0"},
	{name: "no fingerprint", log: sarif(strings.Replace(result("multi.go", `{"startLine":1}`), `"partialFingerprints":{"primaryLocationLineHash":"h:1"},`, ``, 1)), want: `missing "partialFingerprints"`},
	{name: "no locations", log: sarif(`{"ruleId":"r","message":{"text":"m"},"partialFingerprints":{"primaryLocationLineHash":"h"},"locations":[]}`), want: "0 locations"},
	{name: "bad level", log: sarif(strings.Replace(result("multi.go", `{"startLine":1}`), `"warning"`, `"fatal"`, 1)), want: `"fatal" is not one of`},
	{name: "undeclared base", log: sarif(strings.Replace(result("multi.go", `{"startLine":1}`), `"uriBaseId":"%SRCROOT%"`, `"uriBaseId":"SRC"`, 1)), want: `"SRC" is not declared`},
	{name: "no column kind", log: strings.Replace(sarif(result("multi.go", `{"startLine":1}`)), `"columnKind":"utf16CodeUnits",`, ``, 1), want: `missing "columnKind"`},
	{name: "wrong version", log: strings.Replace(sarif(``), `"2.1.0"`, `"2.0.0"`, 1), want: `"2.0.0", want "2.1.0"`},
	{name: "no rules", log: `{"$schema":"s","version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[]}]}`, want: `missing "rules"`},
	{name: "no help", log: strings.Replace(sarif(``), `,"help":{"text":"h"}`, ``, 1), want: `missing "help"`},
}

func TestSARIF(t *testing.T) {
	for _, tc := range sarifCases {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, reportcheck.SARIF([]byte(tc.log), reportcheck.Options{BaseDir: base}), tc.want)
		})
	}
}

// checkProblems expects exactly one problem containing want, or none.
func checkProblems(t *testing.T, ps []reportcheck.Problem, want string) {
	t.Helper()
	switch {
	case want == "" && len(ps) > 0:
		t.Errorf("want no problem, got %v", reportcheck.Error(ps))
	case want != "" && (len(ps) != 1 || !strings.Contains(ps[0].String(), want)):
		t.Errorf("want one problem containing %q, got %v", want, reportcheck.Error(ps))
	}
}

// TestSharedSamples runs the checks on the validators' own samples, in
// ../shared/sonar/samples when the repository has them beside it (or
// $RISKVET_SHARED_SONAR/samples): the
// valid ones pass, each invalid one fails.
func TestSharedSamples(t *testing.T) {
	shared := checktest.SharedDir()
	if shared == "" {
		t.Skip("no ../shared/sonar beside the repository, and $RISKVET_SHARED_SONAR is not set")
	}
	dir := filepath.Join(shared, "samples")
	project := filepath.Join(dir, "project")
	for name, valid := range map[string]bool{
		"valid-new-format.json":            true,
		"valid-deprecated-format.json":     true,
		"valid-latest-only.json":           false, // INFO impacts and no clean code attribute: 2025 scanners only
		"invalid-no-issues.json":           false,
		"invalid-mixed-format.json":        false,
		"invalid-rules.json":               false,
		"invalid-deprecated-fields.json":   false,
		"invalid-ranges.json":              false,
		"invalid-files.json":               false,
		"invalid-json-syntax.json":         false,
		"invalid-types.json":               false,
		"sarif/valid-github.sarif":         true,
		"sarif/invalid-github.sarif":       false,
		"sarif/staticcheck-2026.2.2.sarif": false, // no fullDescription, no fingerprints
	} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		check := reportcheck.Sonar
		if strings.HasSuffix(name, ".sarif") {
			check = reportcheck.SARIF
		}
		ps := check(data, reportcheck.Options{BaseDir: project})
		if valid && len(ps) > 0 {
			t.Errorf("%s: %v", name, reportcheck.Error(ps))
		}
		if !valid && len(ps) == 0 {
			t.Errorf("%s: no problem found", name)
		}
	}
}
