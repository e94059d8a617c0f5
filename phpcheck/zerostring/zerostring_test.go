package zerostring_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/phptest"
	"github.com/riskvet/riskvet/phpcheck/zerostring"
)

func Test(t *testing.T) {
	phptest.Run(t, "testdata", zerostring.Checker)
}

// TestLabels runs the runnable fixtures under php: every want line must
// fail (a comparison that PHP 7 made true, guarded by `or throw`) and no
// other line may.
func TestLabels(t *testing.T) {
	phptest.RunPHP(t, "testdata")
}
