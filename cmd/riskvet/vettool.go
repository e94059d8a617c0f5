package main

import (
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/suite/vet"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/riskvet/riskvet/analyzers"
)

// vettoolMode reports whether args are one of the calls go vet makes of its
// -vettool: "-V=full" (the executable's identity, for vet's cache),
// "-flags" (the analyzer flags, as JSON) or "[flags] unit.cfg" (analyze one
// package). A standalone user never writes these: riskvet's own version
// flag is -version, and package patterns do not end in ".cfg".
func vettoolMode(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || a == "-V" || strings.HasPrefix(a, "-V=") || strings.HasPrefix(a, "--V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// vettoolSuite is riskvet's suite followed by cmd/vet's own analyzers, so
// that a team switching `go vet` to riskvet keeps every check vet ran. An
// analyzer in both keeps riskvet's place; names are unique, as the unit
// checker's flags (-printf, -genericdepth.max) require.
func vettoolSuite() []*analysis.Analyzer {
	seen := map[string]bool{}
	var out []*analysis.Analyzer
	for _, list := range [][]*analysis.Analyzer{analyzers.Suite, vet.Suite} {
		for _, a := range list {
			if !seen[a.Name] {
				seen[a.Name] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// runVettool hands the process to the unit checker; it does not return.
func runVettool() {
	unitchecker.Main(vettoolSuite()...)
}
