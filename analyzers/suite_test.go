package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/internal/rules"
)

func TestSuiteNamesAndRules(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range analyzers.Suite {
		if seen[a.Name] {
			t.Errorf("duplicate analyzer name %s", a.Name)
		}
		seen[a.Name] = true
		r, ok := rules.Lookup(a.Name)
		if !ok {
			t.Errorf("analyzer %s has no rule in internal/rules", a.Name)
			continue
		}
		if r.Language != "go" {
			t.Errorf("rule %s has language %q, want go", a.Name, r.Language)
		}
		if r.Family != rules.Generics && r.Upstream == "" {
			t.Errorf("curated rule %s does not name its upstream", a.Name)
		}
		if analyzers.ByName(a.Name) != a {
			t.Errorf("ByName(%q) does not return the suite's analyzer", a.Name)
		}
	}
	if err := analysis.Validate(analyzers.Suite); err != nil {
		t.Error(err)
	}
	if analyzers.ByName("nosuch") != nil {
		t.Error("ByName(nosuch) != nil")
	}
}

func TestLint(t *testing.T) {
	la := analyzers.Lint()
	if len(la) != len(analyzers.Suite) {
		t.Fatalf("Lint() has %d analyzers, Suite %d", len(la), len(analyzers.Suite))
	}
	for i, l := range la {
		if l.Analyzer != analyzers.Suite[i] {
			t.Errorf("Lint()[%d] wraps %s, want Suite's %s", i, l.Analyzer.Name, analyzers.Suite[i].Name)
		}
		// Some staticcheck checks have a title only; ours always have text.
		doc := l.Doc.Compile()
		if doc.Title == "" {
			t.Errorf("%s: documentation lacks a title: %+v", l.Analyzer.Name, doc)
		}
		if r, _ := rules.Lookup(l.Analyzer.Name); r.Upstream != "staticcheck" && doc.Text == "" {
			t.Errorf("%s: documentation lacks text: %+v", l.Analyzer.Name, doc)
		}
	}
	// Ours come from the registry, staticcheck's from staticcheck.
	doc := analyzers.Documentation(analyzers.ByName("genericdepth")).Compile()
	if r, _ := rules.Lookup("genericdepth"); doc.Title != r.Title || doc.Before != r.Bad || doc.After != r.Good {
		t.Errorf("genericdepth documentation does not come from its rule: %+v", doc)
	}
	for _, l := range la {
		if l.Analyzer.Name == "SA5010" && l.Doc.Title != "Impossible type assertion" {
			t.Errorf("SA5010 title = %q", l.Doc.Title)
		}
	}
}

// TestCurated runs each curated upstream analyzer on a fixture of its own,
// proving it is wired in and reports under its rule's name.
func TestCurated(t *testing.T) {
	for _, a := range analyzers.Suite {
		if r, _ := rules.Lookup(a.Name); r.Upstream == "" {
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			for _, res := range analysistest.Run(t, analysistest.TestData(), a, a.Name) {
				for _, d := range res.Diagnostics {
					if d.Category != "" && d.Category != a.Name {
						t.Errorf("%s reports category %q", a.Name, d.Category)
					}
				}
			}
		})
	}
}
