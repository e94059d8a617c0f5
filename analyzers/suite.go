// Package analyzers holds riskvet's Go analyzers and the curated suite that
// the riskvet command runs.
package analyzers

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/nilness"
	"honnef.co/go/tools/analysis/lint"

	"github.com/riskvet/riskvet/analyzers/constraintcoupling"
	"github.com/riskvet/riskvet/analyzers/genericdepth"
)

// Suite is every analyzer riskvet runs by default (being curated).
var Suite = []*analysis.Analyzer{
	genericdepth.Analyzer,
	constraintcoupling.Analyzer,
	nilness.Analyzer,
}

// Lint returns the suite in the form staticcheck's lintcmd takes (TODO: docs
// from internal/rules).
func Lint() []*lint.Analyzer {
	out := make([]*lint.Analyzer, 0, len(Suite))
	for _, a := range Suite {
		out = append(out, &lint.Analyzer{Doc: &lint.RawDocumentation{Title: a.Name, Severity: lint.SeverityWarning}, Analyzer: a})
	}
	return out
}

// ByName returns the suite's analyzer with the given name, or nil.
func ByName(name string) *analysis.Analyzer {
	for _, a := range Suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}
