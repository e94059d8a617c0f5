package ifaceparam_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers/ifaceparam"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ifaceparam.Analyzer, "basic", "exempt", "files")
}

func TestDoc(t *testing.T) {
	if doc := ifaceparam.Analyzer.Doc; !strings.HasPrefix(doc, "report type parameters an interface parameter could replace\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}
