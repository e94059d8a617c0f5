package sa4023_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"honnef.co/go/tools/staticcheck/sa4023"

	ported "github.com/riskvet/riskvet/analyzers/sa4023"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ported.Analyzer, "basic", "calls")
}

// TestSameAsStaticcheck runs staticcheck's own SA4023 on the same fixture:
// within a function, the port must report exactly what the original
// reports.
func TestSameAsStaticcheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sa4023.Analyzer, "basic")
}

// TestTraded proves the documented difference: staticcheck reports the
// comparison of a call's result from facts about the callee, the port does
// not (TestAnalyzer runs it on the same package and expects nothing).
func TestTraded(t *testing.T) {
	for _, r := range analysistest.Run(&testing.T{}, analysistest.TestData(), sa4023.Analyzer, "calls") {
		if n := len(r.Diagnostics); n != 1 {
			t.Errorf("staticcheck's SA4023 reports %d findings on the calls fixture, want 1", n)
		}
	}
}

func TestDoc(t *testing.T) {
	if doc := ported.Analyzer.Doc; !strings.HasPrefix(doc, "report comparisons with nil of interface values that always hold a type\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}
