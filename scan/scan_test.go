package scan

import (
	"reflect"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
)

// TestRebase checks that a module's relative paths move under the module's
// directory, and that absolute paths (a file of the standard library) and
// empty ones (an error of no file) stay as they are.
func TestRebase(t *testing.T) {
	r := &finding.Report{
		Files:    []finding.FileStat{{Path: "a.go"}},
		Findings: []finding.Finding{{File: "p/b.go"}, {File: "/usr/lib/go/src/fmt/print.go"}},
		Errors:   []finding.Error{{File: "c.go"}, {Message: "go list failed"}},
	}
	rebase(r, "svc/api")
	want := &finding.Report{
		Files:    []finding.FileStat{{Path: "svc/api/a.go"}},
		Findings: []finding.Finding{{File: "svc/api/p/b.go"}, {File: "/usr/lib/go/src/fmt/print.go"}},
		Errors:   []finding.Error{{File: "svc/api/c.go"}, {Message: "go list failed"}},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("rebase:\ngot  %+v\nwant %+v", r, want)
	}
	rebase(r, ".")
	if !reflect.DeepEqual(r, want) {
		t.Errorf("rebase onto . changed the paths: %+v", r)
	}
	if got := modFile("svc/api"); got != "svc/api/go.mod" {
		t.Errorf("modFile = %q, want svc/api/go.mod", got)
	}
}
