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

// FactsOnly returns the analyzers to run on a package that go vet analyzes
// only for the facts its importers need (a dependency: unit.cfg's
// VetxOnly). The unit checker runs every analyzer that uses facts, even
// through a requirement: nilness, which requires buildssa, which requires
// ctrlflow's facts, would build an SSA form of every dependency of every
// vetted package and throw its findings away. Here an analyzer that
// declares facts runs as it is; any other becomes a copy that does
// nothing but keeps its name and flags (go vet passes the same flags to
// every run) and requires only the analyzers it depends on that declare
// facts, so that each of those still runs and the facts written are the
// same.
func FactsOnly(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		if len(a.FactTypes) > 0 {
			out[i] = a
			continue
		}
		c := *a
		c.Requires = factful(a.Requires, map[*analysis.Analyzer]bool{})
		c.ResultType = nil
		c.Run = func(*analysis.Pass) (any, error) { return nil, nil }
		out[i] = &c
	}
	return out
}

// factful returns the analyzers among reqs and their requirements that
// declare facts, each once.
func factful(reqs []*analysis.Analyzer, seen map[*analysis.Analyzer]bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, r := range reqs {
		if seen[r] {
			continue
		}
		seen[r] = true
		if len(r.FactTypes) > 0 {
			out = append(out, r)
			continue // r runs as it is, with its own requirements
		}
		out = append(out, factful(r.Requires, seen)...)
	}
	return out
}
