package typeparamcount_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers/typeparamcount"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), typeparamcount.Analyzer, "basic", "exempt")
}

func TestFlagMax(t *testing.T) {
	f := typeparamcount.Analyzer.Flags.Lookup("max")
	if f.DefValue != "6" {
		t.Errorf("default -typeparamcount.max = %s, want 6", f.DefValue)
	}
	if err := f.Value.Set("1"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(f.DefValue) })
	analysistest.Run(t, analysistest.TestData(), typeparamcount.Analyzer, "flags")
}

func TestDoc(t *testing.T) {
	if doc := typeparamcount.Analyzer.Doc; !strings.HasPrefix(doc, "report declarations with too many type parameters\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}
