package gocheck

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/riskvet/riskvet/analyzers/singleinst"
)

type countFact struct{}

func (*countFact) AFact() {}

// TestSkipOff checks that an analyzer off in every file of a package does
// not run on it, and that one that produces facts, one another requires,
// and singleinst still do.
func TestSkipOff(t *testing.T) {
	dir, cleanup, err := analysistest.WriteFiles(map[string]string{
		"app/app.go":        "package app\n\nimport _ \"legacy/old\"\n",
		"legacy/old/old.go": "package old\n\nfunc F() {}\n",
		"legacy/old/s.s":    "// assembly: a file of the package too\n",
		"legacy/gen/gen.go": "package gen\n\n//line gen.y:1\nfunc G() {}\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	legacy := filepath.Join(dir, "src", "legacy") + string(filepath.Separator)
	off := func(path, check string) bool { return strings.HasPrefix(path, legacy) }

	var mu sync.Mutex
	ran := map[string]bool{}
	counter := func(name string) *analysis.Analyzer {
		a := &analysis.Analyzer{Name: name, Doc: "counts the packages it runs on", ResultType: reflect.TypeFor[*int]()}
		a.Run = func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			ran[name+" "+pass.Pkg.Path()] = true
			mu.Unlock()
			return new(int), nil
		}
		return a
	}
	plain, facts, required := counter("plain"), counter("facts"), counter("required")
	facts.FactTypes = []analysis.Fact{new(countFact)}
	user := counter("user")
	user.Requires = []*analysis.Analyzer{required}
	as := SkipOff([]*analysis.Analyzer{plain, facts, required, user}, off)
	if !slices.Contains(SkipOff([]*analysis.Analyzer{singleinst.Analyzer}, off), singleinst.Analyzer) {
		t.Error("singleinst is wrapped to be skipped; its records count for other packages")
	}
	for _, a := range as {
		analysistest.Run(t, dir, a, "app", "legacy/old", "legacy/gen")
	}
	var got []string
	for k := range ran {
		got = append(got, k)
	}
	slices.Sort(got)
	want := []string{
		"facts app", "facts legacy/gen", "facts legacy/old",
		"plain app", "plain legacy/gen", // legacy/gen: its //line directive may place a finding elsewhere
		"required app", "required legacy/gen", "required legacy/old",
		"user app", "user legacy/gen",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ran %q, want %q", got, want)
	}
}

// TestCacheSaltOff checks that the per-path settings key the result cache:
// a package an analyzer skipped under one configuration is never replayed
// under another.
func TestCacheSaltOff(t *testing.T) {
	a, err := cacheSalt("config-a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := cacheSalt("config-b")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(a, b) {
		t.Error("two per-path settings give the same cache salt")
	}
}
