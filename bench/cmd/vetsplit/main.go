// Command vetsplit prints the go vet flags that select one part of riskvet's
// vettool, so that bench/go.sh measures each part through the riskvet binary
// users run rather than through a separate tool per part:
//
//	go vet -vettool=$(which riskvet) $(vetsplit generics) std
//
// riskvet's vettool runs vettool.Analyzers: riskvet's suite followed by
// cmd/vet's (golang.org/x/tools/go/analysis/suite/vet). The unit checker
// gives every analyzer a boolean flag of its name: when one is set true,
// only the analyzers set true run; otherwise those set false are left out.
// The parts:
//
//	generics  riskvet's own two analyzers: -genericdepth -constraintcoupling
//	own       riskvet's suite
//	vet       cmd/vet's suite
//	ssa       the analyzers that build an SSA form of each package (x/tools
//	          buildssa or staticcheck's IR, buildir), found from what they
//	          require
//	nossa     the same analyzers turned off (-nilness=false ...): the
//	          default vettool without them
//
// The floor, no analyzer at all, cannot be selected by flags: that is
// bench/cmd/noopvet. Any other split is the same go vet command with other
// analyzer names (-nilness alone, say). A name riskvet does not define is
// rejected by go vet, so this list cannot silently drift from the vettool.
//
// Exit codes: 0 flags printed, 2 usage.
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/suite/vet"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/analyzers/constraintcoupling"
	"github.com/riskvet/riskvet/analyzers/genericdepth"
	"github.com/riskvet/riskvet/analyzers/vettool"
)

const usage = "usage: vetsplit generics|own|vet|ssa|nossa"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	var sel []*analysis.Analyzer
	on := true
	switch args[0] {
	case "generics":
		sel = []*analysis.Analyzer{genericdepth.Analyzer, constraintcoupling.Analyzer}
	case "own":
		sel = analyzers.Suite
	case "vet":
		sel = vet.Suite
	case "ssa", "nossa":
		for _, a := range vettool.Analyzers() {
			if buildsSSA(a) {
				sel = append(sel, a)
			}
		}
		on = args[0] == "ssa"
	default:
		fmt.Fprintln(stderr, usage)
		return 2
	}
	flags := make([]string, len(sel))
	for i, a := range sel {
		flags[i] = "-" + a.Name
		if !on {
			flags[i] += "=false"
		}
	}
	fmt.Fprintln(stdout, strings.Join(flags, " "))
	return 0
}

// buildsSSA reports whether a, or an analyzer it requires, is x/tools'
// buildssa or staticcheck's buildir, the passes that build an SSA form of
// the package. They are matched by name because staticcheck's buildir lives
// in an internal package.
func buildsSSA(a *analysis.Analyzer) bool {
	return a.Name == "buildssa" || a.Name == "buildir" || slices.ContainsFunc(a.Requires, buildsSSA)
}
