package nullderef_test

import (
	"strings"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/phptest"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
)

func Test(t *testing.T) {
	phptest.Run(t, "testdata", nullderef.Checker)
}

// TestPHP is the label check: every runnable fixture's positives fail under
// the real php and its negatives run clean.
func TestPHP(t *testing.T) {
	phptest.RunPHP(t, "testdata")
}

// TestDoc checks that Checker.Doc is the "# Check nullderef" section of
// doc.go, trade-offs included.
func TestDoc(t *testing.T) {
	d := nullderef.Checker.Doc
	if !strings.HasPrefix(d, "method call or property access on a value that may be null\n") || !strings.Contains(d, "False positives and negatives") {
		t.Errorf("Doc is not the doc.go section: %q", d)
	}
}
