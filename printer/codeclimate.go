package printer

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"

	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/report"
)

// GitLab Code Quality: a JSON array of Code Climate issues (Code Climate
// engine spec, "Issues" and "Locations"), of which GitLab reads
// description, check_name, fingerprint, severity, location.path and
// location.lines.begin. The spec's other required fields, type and
// categories, are written too, so that other Code Climate readers accept
// the report.

type ccIssue struct {
	Type              string     `json:"type"`
	CheckName         string     `json:"check_name"`
	Description       string     `json:"description"`
	Categories        []string   `json:"categories"`
	Location          ccLocation `json:"location"`
	RemediationPoints int        `json:"remediation_points,omitempty"`
	Severity          string     `json:"severity"`
	Fingerprint       string     `json:"fingerprint"`
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

// ccLines is a line range, 1-based and inclusive at both ends.
type ccLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// ccIncomplete is the check_name of the issues that record an incomplete
// analysis.
const ccIncomplete = "incomplete"

// WriteCodeClimate writes a placed report as a GitLab Code Quality report, an array with
// one issue per finding, sorted, paths relative to [report.Options.BaseDir] as
// GitLab needs them (repository-relative).
//
// A finding on a whole file is placed on line 1: GitLab needs a line.
// Columns are left out: GitLab shows lines only. The severity is the
// finding's or its rule's: error is critical, warning is major for a rule
// that fails at run time and minor for the others, info is info. The
// remediation points are the rule's effort at 10,000 a minute, so that the
// spec's 50,000 for a trivial fix is five minutes, the effort of the
// quickest riskvet rules.
//
// The fingerprint, by which GitLab tells a new issue from one the target
// branch already had, is the SHA-256, in 32 hex digits, of the engine, the
// path, the rule and the SARIF printer's line hash (the flagged line's text,
// trimmed, and its count among equal ones in the file): it is stable across
// runs, and lines added or removed elsewhere in the file keep it, where a
// hash of the line number or of the lines around would change.
//
// The report's errors (a package that did not type-check, a file that
// could not be read) are written as issues too, check_name "incomplete"
// and severity blocker, at the file they name: the format has no other
// place for them, and a merge request must not read as clean when part of
// it was not checked.
func WriteCodeClimate(w io.Writer, pl *report.Placed) error {
	ps := pl.Issues
	hashes := lineHashes(ps)
	out := make([]ccIssue, 0, len(ps)+len(pl.Errors))
	for i, p := range ps {
		line := p.Line
		if !p.Known {
			line = p.Finding.Line
		}
		line = max(line, 1)
		end := line
		if p.EndSet {
			end = p.EndLine
		}
		engine := p.Engine
		sum := sha256.Sum256([]byte(engine + "\x00" + p.Path + "\x00" + p.Finding.Rule + "\x00" + hashes[i]))
		out = append(out, ccIssue{
			Type:              "issue",
			CheckName:         p.Finding.Rule,
			Description:       oneLine(message(p, 0)),
			Categories:        []string{ccCategory(p.Rule)},
			Location:          ccLocation{Path: p.Path, Lines: ccLines{Begin: line, End: end}},
			RemediationPoints: p.Rule.Effort * 10000,
			Severity:          ccSeverity(p.Finding.Severity, p.Rule),
			Fingerprint:       hex.EncodeToString(sum[:16]),
		})
	}
	for _, p := range pl.Errors {
		line := max(p.Finding.Line, 1)
		sum := sha256.Sum256([]byte(ccIncomplete + "\x00" + p.Path + "\x00" + p.Finding.Message))
		out = append(out, ccIssue{
			Type:        "issue",
			CheckName:   ccIncomplete,
			Description: oneLine("the analysis is incomplete: " + p.Finding.Message),
			Categories:  []string{"Bug Risk"},
			Location:    ccLocation{Path: p.Path, Lines: ccLines{Begin: line, End: line}},
			Severity:    "blocker",
			Fingerprint: hex.EncodeToString(sum[:16]),
		})
	}
	return writeJSON(w, out)
}

// ccCategory returns the Code Climate category of a rule: Bug Risk for a
// rule that fails at run time, Complexity for generics complexity, Clarity
// for the rest (weak typing left on, malformed directives, style).
func ccCategory(r rules.Rule) string {
	switch {
	case r.Runtime:
		return "Bug Risk"
	case r.Family == rules.Generics:
		return "Complexity"
	}
	return "Clarity"
}

// ccSeverity maps a finding's severity, else its rule's, onto the Code
// Climate scale.
func ccSeverity(severity string, r rules.Rule) string {
	switch cmp.Or(severity, r.Severity) {
	case "error":
		return "critical"
	case "info":
		return "info"
	}
	if r.Runtime {
		return "major"
	}
	return "minor"
}

// oneLine replaces each line break of s with a space: a Code Climate
// description is one line of text.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
