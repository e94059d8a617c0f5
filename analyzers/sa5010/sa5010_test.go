package sa5010_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"honnef.co/go/tools/staticcheck/sa5010"

	ported "github.com/riskvet/riskvet/analyzers/sa5010"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ported.Analyzer, "basic")
}

// TestSameAsStaticcheck runs staticcheck's own SA5010 on the same
// fixture: the port must report exactly what the original reports.
func TestSameAsStaticcheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sa5010.Analyzer, "basic")
}

func TestDoc(t *testing.T) {
	if doc := ported.Analyzer.Doc; !strings.HasPrefix(doc, "report type assertions between interfaces whose method sets conflict\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}
