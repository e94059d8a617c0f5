// Package analyzers holds riskvet's Go analyzers and the curated suite that
// the riskvet command runs.
package analyzers

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/nilness"

	"github.com/riskvet/riskvet/analyzers/constraintcoupling"
	"github.com/riskvet/riskvet/analyzers/genericdepth"
)

// Suite is every analyzer riskvet runs by default (stub, to be curated).
var Suite = []*analysis.Analyzer{
	genericdepth.Analyzer,
	constraintcoupling.Analyzer,
	nilness.Analyzer,
}
