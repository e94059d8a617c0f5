package constraintcoupling_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers/constraintcoupling"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), constraintcoupling.Analyzer,
		"coupling", "types", "cycles", "exempt")
}

func TestFlagMax(t *testing.T) {
	f := constraintcoupling.Analyzer.Flags.Lookup("max")
	if f == nil || f.DefValue != "1" {
		t.Fatalf("-constraintcoupling.max flag = %+v, want default 1", f)
	}
	t.Cleanup(func() { f.Value.Set(f.DefValue) })
	for value, pkg := range map[string]string{"2": "flags", "0": "zero"} {
		if err := f.Value.Set(value); err != nil {
			t.Fatal(err)
		}
		analysistest.Run(t, analysistest.TestData(), constraintcoupling.Analyzer, pkg)
	}
}

// TestPositions checks report columns, which // want lines do not: each
// finding spans the type parameter's name.
func TestPositions(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), constraintcoupling.Analyzer, "positions")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p, e := r.Pass.Fset.Position(d.Pos), r.Pass.Fset.Position(d.End)
			got = append(got, fmt.Sprintf("%d:%d-%d:%d", p.Line, p.Column, e.Line, e.Column))
		}
	}
	want := "4:29-4:30 8:2-8:4"
	if strings.Join(got, " ") != want {
		t.Errorf("positions = %v, want %s", got, want)
	}
}

func TestCycle(t *testing.T) {
	// 0 -> 1 -> 2 -> 0, 3 -> 0, 4 -> 4 (self-loops never occur, but a
	// cycle search must still terminate on one).
	refs := [][]int{{1}, {2}, {0}, {0}, {4}}
	for i, want := range []string{"[0 1 2 0]", "[1 2 0 1]", "[2 0 1 2]", "[]", "[4 4]"} {
		if got := fmt.Sprint(constraintcoupling.Cycle(refs, i)); got != want {
			t.Errorf("Cycle(%d) = %s, want %s", i, got, want)
		}
	}
}

func TestDoc(t *testing.T) {
	doc := constraintcoupling.Analyzer.Doc
	if !strings.HasPrefix(doc, "report type parameter constraints that couple other type parameters\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}

// TestGenerated checks that generated files are skipped unless
// -constraintcoupling.generated is set.
func TestGenerated(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), constraintcoupling.Analyzer, "generated")
	f := constraintcoupling.Analyzer.Flags.Lookup("generated")
	t.Cleanup(func() { f.Value.Set(f.DefValue) })
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), constraintcoupling.Analyzer, "generatedon")
}

// TestBadMax checks that a negative -constraintcoupling.max is refused
// when set, so that every driver reports it as a usage error.
func TestBadMax(t *testing.T) {
	err := constraintcoupling.Analyzer.Flags.Set("max", "-1")
	if err == nil || err.Error() != "must be at least 0, not -1" {
		t.Errorf("-max=-1: error %v", err)
	}
}
