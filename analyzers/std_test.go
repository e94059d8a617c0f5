package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/riskvet/riskvet/analyzers"
)

// defaultOn returns riskvet's own analyzers (those with a rule in
// analyzers.Rules) whose rule is on by default.
func defaultOn(t *testing.T) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, r := range analyzers.Rules {
		a := analyzers.ByName(r.ID)
		if a == nil {
			t.Fatalf("rule %s has no analyzer in the suite", r.ID)
		}
		if r.Default {
			out = append(out, a)
		}
	}
	return out
}

// genericHeavy are the standard library packages whose tests use generics
// the most; their test files are checked too. Loading every std test
// package as well takes about 4 minutes and 6 GB on a 2-core machine, so the
// full run (0 findings on 975 packages, tests included) is done by hand and
// recorded in the package docs.
var genericHeavy = []string{
	"slices", "maps", "iter", "cmp", "sync", "sync/atomic", "unique", "weak",
	"container/list", "container/heap", "internal/sync", "go/types",
	"crypto/mlkem", "reflect", "encoding/json",
}

// TestStdQuiet proves riskvet's own default-on analyzers report nothing on the Go
// standard library at default settings, the bar the issue sets for "quiet
// on idiomatic code": every std package, and the tests of the generic-heavy
// ones. It type-checks all of std from source (about 30 s and 1.3 GB), so
// it is skipped under -short.
func TestStdQuiet(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks all of std from source; run without -short")
	}
	for _, run := range []struct {
		name     string
		tests    bool
		patterns []string
	}{
		{"std", false, []string{"std"}},
		{"generic-heavy tests", true, genericHeavy},
	} {
		t.Run(run.name, func(t *testing.T) {
			cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: run.tests}
			pkgs, err := packages.Load(cfg, run.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			if n := packages.PrintErrors(pkgs); n > 0 {
				t.Fatalf("%d errors loading %v", n, run.patterns)
			}
			as := defaultOn(t)
			g, err := checker.Analyze(as, pkgs, nil)
			if err != nil {
				t.Fatal(err)
			}
			roots := 0
			for act := range g.All() {
				if !act.IsRoot {
					continue
				}
				roots++
				if act.Err != nil {
					t.Errorf("%s: %v", act, act.Err)
				}
				for _, d := range act.Diagnostics {
					t.Errorf("%s: %s: %s", act.Package.Fset.Position(d.Pos), act.Analyzer.Name, d.Message)
				}
			}
			if roots < len(as)*len(pkgs) {
				t.Errorf("analyzed %d root actions for %d packages", roots, len(pkgs))
			}
			t.Logf("%d packages checked", len(pkgs))
		})
	}
}

// BenchmarkAnalyzers measures riskvet's own analyzers alone over a set of
// generic-heavy std packages, loaded once: the cost they add to a vet run.
func BenchmarkAnalyzers(b *testing.B) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, genericHeavy...)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range analyzers.Rules {
		a := analyzers.ByName(r.ID)
		b.Run(a.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
