package nullderef_test

import (
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
