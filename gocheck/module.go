package gocheck

import (
	"go/token"

	"honnef.co/go/tools/lintcmd/runner"

	"github.com/riskvet/riskvet/analyzers/singleinst"
)

// moduleFindings replaces singleinst's per-package records with the
// module-wide findings they add up to; other diagnostics pass through. A
// declaration's records from a package and its test variant become one
// finding. The records of every file count, and a finding is made only
// where off (Config.Off) lets singleinst report: this is the moment the
// driver reports it, as a pass reports an analyzer's finding.
func moduleFindings(diags []runner.Diagnostic, off func(path, check string) bool) []runner.Diagnostic {
	m := singleinst.NewModule()
	record := make([]bool, len(diags))
	for i, d := range diags {
		record[i] = m.Add(d.Message)
	}
	type key struct {
		pos     token.Position
		message string
	}
	seen := map[key]bool{}
	var out []runner.Diagnostic
	for i, d := range diags {
		if record[i] {
			msg, ok := m.Finding(d.Message)
			if !ok || seen[key{d.Position, msg}] || off(d.Position.Filename, d.Category) {
				continue
			}
			seen[key{d.Position, msg}] = true
			d.Message = msg
		}
		out = append(out, d)
	}
	return out
}
