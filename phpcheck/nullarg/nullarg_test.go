package nullarg_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/phptest"
	"github.com/riskvet/riskvet/phpcheck/nullarg"
	"github.com/riskvet/riskvet/phpcheck/nullderef"
)

func Test(t *testing.T) {
	phptest.Run(t, "testdata", nullarg.Checker)
}

// TestPHP is the label check: every positive throws its TypeError at its
// line under the real php, and the negatives run clean.
func TestPHP(t *testing.T) {
	phptest.RunPHP(t, "testdata")
}

// TestStrict runs testdata_strict with nullderef's -strict setting, which
// nullarg follows: the cases there need nulls that only a declared type
// shows.
func TestStrict(t *testing.T) {
	f := nullderef.Checker.Flags.Lookup("strict")
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set(f.DefValue)
	phptest.Run(t, "testdata_strict", nullarg.Checker)
	phptest.RunPHP(t, "testdata_strict")
}
