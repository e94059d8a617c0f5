package nullarg_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/phptest"
	"github.com/riskvet/riskvet/phpcheck/nullarg"
)

func Test(t *testing.T) {
	phptest.Run(t, "testdata", nullarg.Checker)
}

// TestPHP is the label check: every positive throws its TypeError at its
// line under the real php, and the negatives run clean.
func TestPHP(t *testing.T) {
	phptest.RunPHP(t, "testdata")
}
