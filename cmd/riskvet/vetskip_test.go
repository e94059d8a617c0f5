package main

import (
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/internal/config"
)

type countFact struct{}

func (*countFact) AFact() {}

// TestVettoolSkipsOffAnalyzer checks that under go vet an analyzer that
// riskvet.toml turns off for every file of a package does not run on it,
// while one that produces facts still does, for the packages importing it.
func TestVettoolSkipsOffAnalyzer(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"src/app/app.go":           "package app\n\nimport _ \"legacy/old\"\n",
		"src/legacy/old/old.go":    "package old\n\nfunc F() {}\n",
		"src/legacy/mixed/a.go":    "package mixed\n",
		"src/legacy/mixed/keep.go": "package mixed\n",
	})
	cfg, err := config.Parse("riskvet.toml", []byte(`
[[override]]
paths = ["legacy/**"]
disable = ["genericdepth", "constraintcoupling"]

[[override]]
paths = ["legacy/mixed/keep.go"]
enable = ["genericdepth"]
`))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = filepath.Join(dir, "src")

	var mu sync.Mutex
	ran := map[string]bool{}
	counter := func(name string, facts bool) *analysis.Analyzer {
		a := &analysis.Analyzer{Name: name, Doc: "counts the packages it runs on", ResultType: reflect.TypeFor[*int]()}
		if facts {
			a.FactTypes = []analysis.Fact{new(countFact)}
		}
		a.Run = func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			ran[name+" "+pass.Pkg.Path()] = true
			mu.Unlock()
			return new(int), nil
		}
		return a
	}
	as := vetSuite([]*analysis.Analyzer{counter("genericdepth", false), counter("constraintcoupling", true)}, cfg, nil)
	for _, a := range as {
		analysistest.Run(t, dir, a, "app", "legacy/old", "legacy/mixed")
	}
	var got []string
	for k := range ran {
		got = append(got, k)
	}
	slices.Sort(got)
	want := []string{
		"constraintcoupling app", "constraintcoupling legacy/mixed", "constraintcoupling legacy/old", // facts: runs everywhere
		"genericdepth app", "genericdepth legacy/mixed", // legacy/old: off in its one file
	}
	if !slices.Equal(got, want) {
		t.Errorf("ran %q, want %q", got, want)
	}
}
