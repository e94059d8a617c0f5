// Package vettool lists the analyzers riskvet runs as go vet's -vettool:
// riskvet's suite followed by cmd/vet's own analyzers, so that a team
// switching `go vet` to riskvet keeps every check vet ran. It is a package
// of its own so that importing riskvet's suite (the golangci-lint plugin,
// nogo) does not also pull in cmd/vet's.
package vettool

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/suite/vet"

	"github.com/riskvet/riskvet/analyzers"
)

// Analyzers returns analyzers.Suite followed by vet.Suite. An analyzer in
// both keeps riskvet's place; names are unique, as the unit checker's
// flags (-printf, -genericdepth.max) require.
func Analyzers() []*analysis.Analyzer {
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
