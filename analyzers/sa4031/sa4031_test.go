package sa4031_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"honnef.co/go/tools/staticcheck/sa4031"

	ported "github.com/riskvet/riskvet/analyzers/sa4031"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ported.Analyzer, "basic")
}

// TestSameAsStaticcheck runs staticcheck's own SA4031 on the same
// fixture: the port must report exactly what the original reports.
func TestSameAsStaticcheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sa4031.Analyzer, "basic")
}

func TestDoc(t *testing.T) {
	if doc := ported.Analyzer.Doc; !strings.HasPrefix(doc, "report nil checks of values that are never nil\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}
