package vettool

import (
	"flag"
	"strconv"
	"testing"

	"golang.org/x/tools/go/analysis"
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
