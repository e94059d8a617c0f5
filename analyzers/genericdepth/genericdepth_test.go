package genericdepth_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers/genericdepth"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), genericdepth.Analyzer,
		"basic", "contexts", "aliasnames", "defined", "exempt")
}

// TestAliasesExpand checks -genericdepth.aliases=expand, today's
// type-level depth, on the fixture written for it.
func TestAliasesExpand(t *testing.T) {
	setFlag(t, "aliases", "expand")
	analysistest.Run(t, analysistest.TestData(), genericdepth.Analyzer, "aliases")
}

// setFlag sets an analyzer flag for one test and restores it after.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := genericdepth.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag %q", name)
	}
	old := f.Value.String()
	if err := genericdepth.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { genericdepth.Analyzer.Flags.Set(name, old) })
}

func TestFlagMax(t *testing.T) {
	if got := genericdepth.Analyzer.Flags.Lookup("max").DefValue; got != "3" {
		t.Errorf("default -genericdepth.max = %s, want 3", got)
	}
	setFlag(t, "max", "1")
	analysistest.Run(t, analysistest.TestData(), genericdepth.Analyzer, "flags")
}

// TestPositions checks report columns, which // want lines do not: each
// finding is at the first byte of the outermost offending expression.
func TestPositions(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), genericdepth.Analyzer, "positions")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			e := r.Pass.Fset.Position(d.End)
			got = append(got, fmt.Sprintf("%d:%d-%d:%d", p.Line, p.Column, e.Line, e.Column))
		}
	}
	want := []string{
		"8:7-8:30",    // var a Opt[...]
		"10:11-10:50", // []dep.Opt[...]{}: the instantiation, not the slice
		"12:25-12:51", // z's type, after two shallow ones
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("positions = %v, want %v", got, want)
	}
}

func TestDoc(t *testing.T) {
	doc := genericdepth.Analyzer.Doc
	if !strings.HasPrefix(doc, "report generic instantiations nested too deep\n\n") {
		t.Errorf("Doc does not start with the summary line: %q", doc[:min(len(doc), 80)])
	}
}

// TestGenerated checks that generated files are skipped unless
// -genericdepth.generated is set.
func TestGenerated(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), genericdepth.Analyzer, "generated")
	setFlag(t, "generated", "true")
	analysistest.Run(t, analysistest.TestData(), genericdepth.Analyzer, "generatedon")
}

// TestQuote checks that long expressions are quoted shortened.
func TestQuote(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), genericdepth.Analyzer, "long")
}

// TestBadFlags checks that out-of-range values are refused when set, so
// that every driver reports them as usage errors.
func TestBadFlags(t *testing.T) {
	for _, f := range []struct{ name, value, want string }{
		{"max", "-1", "must be at least 1, not -1"},
		{"max", "0", "must be at least 1, not 0"},
		{"max", "three", `not an integer: "three"`},
		{"aliases", "expanded", `want names or expand, not "expanded"`},
	} {
		err := genericdepth.Analyzer.Flags.Set(f.name, f.value)
		if err == nil || err.Error() != f.want {
			t.Errorf("-%s=%s: error %v, want %q", f.name, f.value, err, f.want)
		}
	}
	if got := genericdepth.Analyzer.Flags.Lookup("max").Value.String(); got != "3" {
		t.Errorf("a refused value changed -max to %s", got)
	}
}
