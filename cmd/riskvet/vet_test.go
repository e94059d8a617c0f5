package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/analyzers/vettool"
	"github.com/riskvet/riskvet/internal/rules"
)

func TestVettoolMode(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-genericdepth.max=5", "-json", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-version"}, false},
		{[]string{"-f", "json", "std"}, false},
		{nil, false},
	} {
		if got := vettoolMode(tc.args); got != tc.want {
			t.Errorf("vettoolMode(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestVettoolSuiteUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range vettool.Analyzers() {
		if seen[a.Name] {
			t.Errorf("analyzer %s twice in the vettool suite", a.Name)
		}
		seen[a.Name] = true
	}
	for _, want := range []string{"genericdepth", "constraintcoupling", "printf", "copylocks"} {
		if !seen[want] {
			t.Errorf("vettool suite lacks %s", want)
		}
	}
}

func TestCompareVet(t *testing.T) {
	// An installed vet without scannererr but with a check the vettool
	// lacks.
	var installed []string
	for _, a := range vettool.Analyzers() {
		if r, _ := rules.Lookup(a.Name); r.ID == "" && a.Name != "scannererr" {
			installed = append(installed, a.Name)
		}
	}
	installed = append(installed, "errorsas", "newcheck")
	extra, missing := compareVet(installed)
	var names []string
	for _, e := range extra {
		names = append(names, e.name+"/"+e.source)
	}
	// riskvet's own analyzers come first, in the suite's order.
	var own []string
	for _, a := range analyzers.Suite {
		if r, _ := rules.Lookup(a.Name); r.ID != "" && r.Upstream == "" {
			own = append(own, a.Name+"/riskvet")
		}
	}
	want := strings.Join(own, " ") + " nilness/x/tools nilfunc/x/tools ifaceassert/x/tools " +
		"SA4023/staticcheck SA5010/staticcheck SA4022/staticcheck SA4031/staticcheck SA4020/staticcheck scannererr/x/tools vet suite"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("extra = %s\nwant    %s", got, want)
	}
	if fmt.Sprint(missing) != "[newcheck]" {
		t.Errorf("missing = %v, want [newcheck]", missing)
	}
	for _, e := range extra {
		if e.title == "" || strings.HasPrefix(e.title, e.name+":") {
			t.Errorf("%s: title %q", e.name, e.title)
		}
	}
}
