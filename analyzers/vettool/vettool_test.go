package vettool_test

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/nilness"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/packages"

	"github.com/riskvet/riskvet/analyzers/sa4023"
	"github.com/riskvet/riskvet/analyzers/vettool"
)

func TestFactsOnly(t *testing.T) {
	all := vettool.Analyzers()
	facts := vettool.FactsOnly(all)
	if len(facts) != len(all) {
		t.Fatalf("FactsOnly returns %d analyzers for %d", len(facts), len(all))
	}
	for i, a := range facts {
		// go vet passes the same flags to every run: names and flags stay.
		if a.Name != all[i].Name || a.Flags.NFlag() != all[i].Flags.NFlag() {
			t.Errorf("FactsOnly changes %s's name or flags", all[i].Name)
		}
		if len(all[i].FactTypes) > 0 && a != all[i] {
			t.Errorf("%s declares facts but is replaced", a.Name)
		}
		if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
			t.Errorf("%s: %v", a.Name, err)
		}
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range facts {
		byName[a.Name] = a
	}
	if byName["printf"] != printf.Analyzer {
		t.Error("printf, which writes facts, does not run as it is")
	}
	// nilness requires buildssa, which requires ctrlflow, whose facts the
	// importers' ctrlflow reads: ctrlflow must still run, buildssa not.
	n := byName[nilness.Analyzer.Name]
	if len(n.Requires) != 1 || n.Requires[0] != ctrlflow.Analyzer {
		t.Errorf("nilness's copy requires %v, want only ctrlflow", n.Requires)
	}
	if res, err := n.Run(nil); res != nil || err != nil {
		t.Errorf("nilness's copy runs: %v, %v", res, err)
	}
	// An analyzer that needs no facts at all requires nothing.
	if g := byName["genericdepth"]; len(g.Requires) != 0 {
		t.Errorf("genericdepth's copy requires %v", g.Requires)
	}
}

func TestSSAFirst(t *testing.T) {
	all := vettool.Analyzers()
	ordered := vettool.SSAFirst(all)
	if err := analysis.Validate(ordered); err != nil {
		t.Fatal(err)
	}
	for i, a := range ordered {
		if a.Name != all[i].Name || a.Flags.NFlag() != all[i].Flags.NFlag() {
			t.Errorf("SSAFirst changes %s's name or flags", all[i].Name)
		}
		// No reader builds a form of its own: buildssa is not required.
		if slices.Contains(a.Requires, buildssa.Analyzer) {
			t.Errorf("%s still requires buildssa", a.Name)
		}
	}
	// The same findings as the analyzers give as they are, from the readers
	// of the shared form and from the others.
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, "./testdata/src/ssafirst")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading the fixture: %v", err)
	}
	pick := []*analysis.Analyzer{nilness.Analyzer, sa4023.Analyzer, nilfunc.Analyzer}
	want, got := findings(t, pick, pkgs), findings(t, vettool.SSAFirst(pick), pkgs)
	if len(want) != 5 {
		t.Fatalf("the analyzers as they are report %q, want 5 findings", want)
	}
	if !slices.Equal(got, want) {
		t.Errorf("SSAFirst's analyzers report\n%q\nwant\n%q", got, want)
	}
}

// findings returns the diagnostics of as on pkgs, as sorted
// "analyzer: line: message" strings.
func findings(t *testing.T, as []*analysis.Analyzer, pkgs []*packages.Package) []string {
	g, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for act := range g.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			out = append(out, fmt.Sprintf("%s: %d: %s", act.Analyzer.Name, act.Package.Fset.Position(d.Pos).Line, d.Message))
		}
	}
	slices.Sort(out)
	return out
}
