package singleinst_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers/singleinst"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), singleinst.Analyzer, "basic", "exempt", "mainpkg")
}

func TestDoc(t *testing.T) {
	if doc := singleinst.Analyzer.Doc; !strings.HasPrefix(doc, "report generics instantiated with only one type-argument list\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}
