package sa4022_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"honnef.co/go/tools/staticcheck/sa4022"

	ported "github.com/riskvet/riskvet/analyzers/sa4022"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ported.Analyzer, "basic")
}

// TestSameAsStaticcheck runs staticcheck's own SA4022 on the same fixture:
// the port must report exactly what the original reports.
func TestSameAsStaticcheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sa4022.Analyzer, "basic")
}

func TestDoc(t *testing.T) {
	if doc := ported.Analyzer.Doc; !strings.HasPrefix(doc, "report comparisons of a variable's address with nil\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}
