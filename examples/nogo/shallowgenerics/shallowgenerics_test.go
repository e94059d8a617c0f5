package shallowgenerics_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/examples/nogo/shallowgenerics"
)

// TestLimit checks that the wrapper's limit, not genericdepth's default,
// applies: depth 3 is reported, depth 2 is not.
func TestLimit(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), shallowgenerics.Analyzer, "deep")
}
