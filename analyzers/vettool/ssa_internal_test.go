package vettool

import (
	"flag"
	"strconv"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/packages"
)

// triState mirrors x/tools analysisflags' -NAME flag: Get reports whether
// it was set true, String reads "true" when unset.
type triState int

func (ts *triState) Get() any { return *ts == 1 }
func (ts *triState) Set(v string) error {
	b, err := strconv.ParseBool(v)
	*ts = 2
	if b {
		*ts = 1
	}
	return err
}
func (ts *triState) String() string   { return strconv.FormatBool(*ts != 2) }
func (ts *triState) IsBoolFlag() bool { return true }

func TestEnabledByFlags(t *testing.T) {
	as := []*analysis.Analyzer{{Name: "nilness"}, {Name: "printf"}, {Name: "SA4023"}}
	for _, tc := range []struct {
		args []string
		want string // the analyzers that run, by initial
	}{
		{nil, "nps"},
		{[]string{"-printf"}, "p"},
		{[]string{"-nilness", "-SA4023=true"}, "ns"},
		{[]string{"-nilness=false"}, "ps"},
		{[]string{"-nilness=false", "-printf"}, "p"},
	} {
		fs := flag.NewFlagSet("vet", flag.ContinueOnError)
		for _, a := range as {
			fs.Var(new(triState), a.Name, "")
		}
		if _, ok := enabledByFlags(fs, as); ok {
			t.Fatal("flags not yet parsed are read")
		}
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		runs, ok := enabledByFlags(fs, as)
		if !ok {
			t.Fatalf("%v: the flags are not found", tc.args)
		}
		got := ""
		for _, a := range as {
			if runs(a) {
				got += string(a.Name[0] | 0x20)
			}
		}
		if got != tc.want {
			t.Errorf("%v: %q run, want %q", tc.args, got, tc.want)
		}
	}
	// An analyzer without its flag: not under the unit checker.
	fs := flag.NewFlagSet("vet", flag.ContinueOnError)
	fs.Parse(nil)
	if _, ok := enabledByFlags(fs, as); ok {
		t.Error("flags that are not there are read")
	}
}

// TestSSAFirstOrder runs two readers of the SSA form and another analyzer,
// with their -NAME flags on the command line as under the unit checker:
// the other runs after both readers, and the form is dropped by then.
func TestSSAFirstOrder(t *testing.T) {
	var mu sync.Mutex
	var order []string
	note := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		order = append(order, s)
	}
	reader := func(name string) *analysis.Analyzer {
		return &analysis.Analyzer{
			Name: name, Doc: name, Requires: []*analysis.Analyzer{buildssa.Analyzer},
			Run: func(pass *analysis.Pass) (any, error) {
				if len(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs) == 0 {
					t.Errorf("%s: no SSA functions", name)
				}
				note(name)
				return nil, nil
			},
		}
	}
	other := &analysis.Analyzer{Name: "ssafirstother", Doc: "other", Run: func(*analysis.Pass) (any, error) {
		note("other")
		return nil, nil
	}}
	as := SSAFirst([]*analysis.Analyzer{other, reader("ssafirstreader1"), reader("ssafirstreader2")})
	for _, a := range as {
		if flag.Lookup(a.Name) == nil { // -count=2 runs the test again
			flag.Var(new(triState), a.Name, "")
		}
	}
	// The checker drops results itself; the unit checker keeps them.
	var held *sharedSSA
	shared := as[1].Requires[0]
	build := shared.Run
	shared.Run = func(pass *analysis.Pass) (any, error) {
		r, err := build(pass)
		held = r.(*sharedSSA)
		return r, err
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, "./testdata/src/ssafirst")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading the fixture: %v", err)
	}
	_, err = checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != 3 || order[2] != "other" {
		t.Errorf("the analyzers ran in the order %v, want the readers first", order)
	}
	if held == nil || held.form != nil {
		t.Error("the SSA form is kept after its readers finished")
	}
}
