package singleinst_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

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

// TestModuleScope runs the analyzer as the standalone command does, over a
// whole module with its tests, and merges its records: the exported
// generics of an internal package are judged by their instantiations in
// every package, a public package's are never judged.
func TestModuleScope(t *testing.T) {
	singleinst.ModuleScope = true
	t.Cleanup(func() { singleinst.ModuleScope = false })
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: true, Dir: filepath.Join("testdata", "mod")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading the module", n)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{singleinst.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	type diag struct {
		pos string
		msg string
	}
	var diags []diag
	for act := range g.All() {
		if !act.IsRoot || act.Analyzer != singleinst.Analyzer {
			continue
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			diags = append(diags, diag{fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line), d.Message})
		}
	}
	m := singleinst.NewModule()
	for _, d := range diags {
		if !m.Add(d.msg) {
			t.Errorf("%s: not a record under ModuleScope: %s", d.pos, d.msg)
		}
	}
	got := map[string]bool{}
	for _, d := range diags {
		if msg, ok := m.Finding(d.msg); ok {
			got[d.pos+": "+msg] = true
		}
	}
	want := []string{
		"box.go:5: generic function Wrap is instantiated with 1 type-argument list in its module: [int]",
		"a.go:9: generic function twice is instantiated with 1 type-argument list in its module: [float64]",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing finding %s", w)
		}
		delete(got, w)
	}
	for g := range got {
		t.Errorf("unexpected finding %s", g)
	}
}
