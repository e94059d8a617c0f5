package reportcheck_test

import (
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/reportcheck"
)

// ccIssue is one Code Climate issue that passes every check, at the given
// location and fingerprint.
func ccIssue(loc, fp string) string {
	return `{"type":"issue","check_name":"r","description":"d","categories":["Bug Risk"],"severity":"major","fingerprint":"` + fp + `","location":` + loc + `}`
}

var codeClimateCases = []struct {
	name, report, want string
	missing            bool
}{
	{name: "valid", report: `[` + ccIssue(`{"path":"multi.go","lines":{"begin":3,"end":4}}`, "a") + `]`},
	{name: "valid, positions", report: `[` + ccIssue(`{"path":"multi.go","positions":{"begin":{"line":3,"column":2},"end":{"line":3,"column":9}}}`, "a") + `]`},
	{name: "valid, empty", report: `[]`},
	{name: "valid, missing file allowed", report: `[` + ccIssue(`{"path":"gone.go","lines":{"begin":9}}`, "a") + `]`, missing: true},
	{name: "an object", report: `{}`, want: "schema"},
	{name: "no fingerprint", report: `[` + strings.Replace(ccIssue(`{"path":"multi.go","lines":{"begin":1}}`, "a"), `"fingerprint":"a",`, ``, 1) + `]`, want: "fingerprint"},
	{name: "no lines or positions", report: `[` + ccIssue(`{"path":"multi.go"}`, "a") + `]`, want: "$[0].location"},
	{name: "line zero", report: `[` + ccIssue(`{"path":"multi.go","lines":{"begin":0}}`, "a") + `]`, want: "$[0].location"},
	{name: "unknown severity", report: `[` + strings.Replace(ccIssue(`{"path":"multi.go","lines":{"begin":1}}`, "a"), `"major"`, `"warning"`, 1) + `]`, want: "$[0].severity"},
	{name: "unknown category", report: `[` + strings.Replace(ccIssue(`{"path":"multi.go","lines":{"begin":1}}`, "a"), `"Bug Risk"`, `"Bugs"`, 1) + `]`, want: "$[0].categories"},
	{name: "two lines in the description", report: `[` + strings.Replace(ccIssue(`{"path":"multi.go","lines":{"begin":1}}`, "a"), `"d"`, `"a\nb"`, 1) + `]`, want: "$[0].description"},
	{name: "duplicate fingerprint", report: `[` + ccIssue(`{"path":"multi.go","lines":{"begin":1}}`, "a") + `,` + ccIssue(`{"path":"multi.go","lines":{"begin":3}}`, "a") + `]`, want: "GitLab shows only one"},
	{name: "absolute path", report: `[` + ccIssue(`{"path":"/src/multi.go","lines":{"begin":1}}`, "a") + `]`, want: "not a slash-separated path relative"},
	{name: "missing file", report: `[` + ccIssue(`{"path":"gone.go","lines":{"begin":1}}`, "a") + `]`, want: "no file gone.go"},
	{name: "line past the end", report: `[` + ccIssue(`{"path":"multi.go","lines":{"begin":3,"end":5}}`, "a") + `]`, want: "line 5 is past the end of multi.go (4 lines)"},
	{name: "end before begin", report: `[` + ccIssue(`{"path":"multi.go","lines":{"begin":3,"end":2}}`, "a") + `]`, want: "ends at line 2 before it begins at 3"},
}

func TestCodeClimate(t *testing.T) {
	for _, tc := range codeClimateCases {
		t.Run(tc.name, func(t *testing.T) {
			ps := reportcheck.CodeClimate([]byte(tc.report), reportcheck.Options{BaseDir: base, AllowMissingFiles: tc.missing})
			// A schema's oneOf reports a problem per branch: the first
			// problem must say it, and there must be some.
			switch {
			case tc.want == "" && len(ps) > 0:
				t.Errorf("want no problem, got %v", reportcheck.Error(ps))
			case tc.want != "" && (len(ps) == 0 || !strings.Contains(ps[0].String(), tc.want)):
				t.Errorf("want a first problem containing %q, got %v", tc.want, reportcheck.Error(ps))
			}
		})
	}
}

// csReport wraps error elements into a report of one file.
func csReport(file, errs string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<checkstyle version="4.3"><file name="` + file + `">` + errs + `</file></checkstyle>`
}

const csError = `<error line="3" column="2" severity="warning" message="m" source="r"/>`

var checkstyleCases = []struct {
	name, report, want string
	missing            bool
}{
	{name: "valid", report: csReport("multi.go", csError)},
	{name: "valid, no column", report: csReport("multi.go", `<error line="4" severity="info" message="m" source="r"></error>`)},
	{name: "valid, empty", report: `<checkstyle version="4.3"></checkstyle>`},
	{name: "valid, missing file allowed", report: csReport("gone.go", csError), missing: true},
	{name: "not XML", report: `<checkstyle version="4.3">`, want: "not XML"},
	{name: "wrong root", report: `<pmd version="4.3"></pmd>`, want: "root element <pmd>, want <checkstyle>"},
	{name: "no version", report: `<checkstyle></checkstyle>`, want: "missing attribute version"},
	{name: "no line", report: csReport("multi.go", `<error severity="warning" message="m" source="r"/>`), want: "missing attribute line"},
	{name: "line zero", report: csReport("multi.go", `<error line="0" severity="warning" message="m" source="r"/>`), want: `"0" is not a positive integer`},
	{name: "unknown severity", report: csReport("multi.go", `<error line="1" severity="major" message="m" source="r"/>`), want: `"major" is not one of ignore, info, warning, error`},
	{name: "no source", report: csReport("multi.go", `<error line="1" severity="info" message="m"/>`), want: "missing attribute source"},
	{name: "undeclared attribute", report: csReport("multi.go", `<error line="1" severity="info" message="m" source="r" rule="x"/>`), want: "undeclared attribute rule"},
	{name: "error outside a file", report: `<checkstyle version="4.3">` + csError + `</checkstyle>`, want: "<checkstyle> may not hold <error>"},
	{name: "no file name", report: `<checkstyle version="4.3"><file></file></checkstyle>`, want: "missing attribute name"},
	{name: "absolute path", report: csReport("/src/multi.go", csError), want: "not a slash-separated path relative"},
	{name: "missing file", report: csReport("gone.go", csError), want: "no file gone.go"},
	{name: "line past the end", report: csReport("multi.go", `<error line="5" severity="info" message="m" source="r"/>`), want: "line 5 is past the end of multi.go (4 lines)"},
}

func TestCheckstyle(t *testing.T) {
	for _, tc := range checkstyleCases {
		t.Run(tc.name, func(t *testing.T) {
			ps := reportcheck.Checkstyle([]byte(tc.report), reportcheck.Options{BaseDir: base, AllowMissingFiles: tc.missing})
			checkProblems(t, ps, tc.want)
		})
	}
}
