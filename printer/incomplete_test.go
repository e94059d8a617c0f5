package printer_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// The incomplete input (testdata/incomplete/findings.json) is a report of an
// analysis that could not check everything: one finding, and three errors,
// on the shared project: a type error at go/store.go:12:12 (byte column 12
// is UTF-16 column 8, after "var 索引 "), a PHP file that could not be read,
// and an error that names no file.

// TestIncompleteSARIF: the SARIF of an incomplete analysis says so, in
// invocations[0] of riskvet's run, with one notification per error at its
// place in SARIF's units; it matches the golden file and GitHub's rules.
func TestIncompleteSARIF(t *testing.T) {
	r := readInput(t, "testdata/incomplete/findings.json")
	base, _ := filepath.Abs("testdata/shared/project")
	file, got := writeReport(t, printer.FormatSARIF, r, report.Options{BaseDir: base})
	checkGolden(t, filepath.Join("testdata", "golden", "incomplete.sarif"), got)
	validate(t, printer.FormatSARIF, file, base, true)

	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful *bool `json:"executionSuccessful"`
				Notes               []struct {
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn int }
						}
					}
				} `json:"toolExecutionNotifications"`
			}
		}
	}
	if err := json.Unmarshal(got, &log); err != nil {
		t.Fatal(err)
	}
	inv := log.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful == nil || *inv[0].ExecutionSuccessful || len(inv[0].Notes) != 3 {
		t.Fatalf("want one invocation, not successful, with 3 notifications: %+v", inv)
	}
	notes := inv[0].Notes
	if n := notes[0]; n.Level != "error" || n.Message.Text != "go: cannot find main module" || len(n.Locations) != 0 {
		t.Errorf("an error without a file: %+v", n)
	}
	n := notes[1]
	if !strings.HasPrefix(n.Message.Text, "go/store.go:12:12: cannot use 1") || len(n.Locations) != 1 {
		t.Fatalf("the type error: %+v", n)
	}
	if loc := n.Locations[0].PhysicalLocation; loc.ArtifactLocation.URI != "go/store.go" || loc.Region.StartLine != 12 || loc.Region.StartColumn != 8 {
		t.Errorf("the type error's location: %+v, want go/store.go 12:8 (UTF-16)", loc)
	}
	if !strings.HasPrefix(notes[2].Message.Text, "web/gone.php: open") {
		t.Errorf("the unreadable file: %+v", notes[2])
	}
}

// TestCompleteSARIF: a complete analysis says it succeeded, with no
// notifications, [] rather than null.
func TestCompleteSARIF(t *testing.T) {
	r, _ := report.Read("empty.json", nil)
	var buf bytes.Buffer
	if err := printer.WriteSARIF(&buf, report.Place(r, report.Options{})); err != nil {
		t.Fatal(err)
	}
	if want := `"invocations": [
        {
          "executionSuccessful": true,
          "toolExecutionNotifications": []
        }
      ]`; !strings.Contains(buf.String(), want) {
		t.Errorf("no successful invocation in:\n%s", &buf)
	}
}
