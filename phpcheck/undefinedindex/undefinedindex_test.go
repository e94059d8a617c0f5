package undefinedindex_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/phptest"
	"github.com/riskvet/riskvet/phpcheck/undefinedindex"
)

func Test(t *testing.T) {
	phptest.Run(t, "testdata", undefinedindex.Checker)
}

// TestLabels runs the runnable fixtures under php: every want line must
// fail with "Undefined array key" and no other line may.
func TestLabels(t *testing.T) {
	phptest.RunPHP(t, "testdata")
}
