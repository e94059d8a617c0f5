package vettool_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/nilness"
	"golang.org/x/tools/go/analysis/passes/printf"

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
