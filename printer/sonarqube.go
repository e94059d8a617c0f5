package printer

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/report"
)

// The SonarQube generic issue import format, as the scanner enforces it
// (shared/sonar/FORMAT.md §1): lines 1-based, columns 0-based UTF-16 code
// units, endColumn exclusive.

type sonarReport struct {
	Rules  []sonarRule  `json:"rules"`
	Issues []sonarIssue `json:"issues"`
}

type sonarRule struct {
	ID                 string        `json:"id"`
	Name               string        `json:"name"`
	Description        string        `json:"description"`
	EngineID           string        `json:"engineId"`
	CleanCodeAttribute string        `json:"cleanCodeAttribute"`
	Impacts            []sonarImpact `json:"impacts"`
}

type sonarImpact struct {
	SoftwareQuality string `json:"softwareQuality"`
	Severity        string `json:"severity"`
}

type sonarIssue struct {
	EngineID        string        `json:"engineId,omitempty"`
	RuleID          string        `json:"ruleId"`
	Severity        string        `json:"severity,omitempty"`
	Type            string        `json:"type,omitempty"`
	EffortMinutes   int           `json:"effortMinutes"`
	PrimaryLocation sonarLocation `json:"primaryLocation"`
}

type sonarLocation struct {
	Message   string     `json:"message"`
	FilePath  string     `json:"filePath"`
	TextRange *textRange `json:"textRange,omitempty"`
}

type textRange struct {
	StartLine   int  `json:"startLine"`
	StartColumn *int `json:"startColumn,omitempty"`
	EndLine     *int `json:"endLine,omitempty"`
	EndColumn   *int `json:"endColumn,omitempty"`
}

// WriteSonar writes a placed report in SonarQube's generic issue import format for 10.3
// and later: a rules[] entry for every rule used and issues that refer to
// it. It writes the portable subset that both the 10.3-era and current
// scanners accept: every rule has a description, a clean-code attribute and
// impacts of severity LOW, MEDIUM or HIGH; issues have no severity or type.
func WriteSonar(w io.Writer, pl *report.Placed) error {
	ps := pl.Issues
	ids := sonarRuleIDs(ps)
	out := sonarReport{Rules: []sonarRule{}, Issues: []sonarIssue{}}
	seen := map[string]bool{}
	for _, p := range ps {
		id := ids[ruleKey{p.Engine, p.Finding.Rule}]
		if !seen[id] {
			seen[id] = true
			out.Rules = append(out.Rules, sonarRule{
				ID:                 id,
				Name:               truncate(p.Rule.Title, 200),
				Description:        sonarDescription(p.Rule),
				EngineID:           sonarEngine(p.Engine),
				CleanCodeAttribute: cmp.Or(p.Rule.Attribute, "CONVENTIONAL"),
				Impacts:            []sonarImpact{{cmp.Or(p.Rule.Quality, rules.Maintainability), portableImpact(p.Rule.Impact)}},
			})
		}
		out.Issues = append(out.Issues, sonarIssue{
			RuleID:          id,
			EffortMinutes:   max(p.Rule.Effort, 0),
			PrimaryLocation: sonarLoc(p),
		})
	}
	slices.SortFunc(out.Rules, func(a, b sonarRule) int { return strings.Compare(a.ID, b.ID) })
	return writeJSON(w, out)
}

// WriteSonarLegacy writes a placed report in the issues-only generic format that
// SonarQube 7.2 to 10.2 read, and 9.9 LTS still needs: each issue carries
// engineId, ruleId, severity and type. Newer servers accept it with a
// deprecation warning.
func WriteSonarLegacy(w io.Writer, pl *report.Placed) error {
	ps := pl.Issues
	out := struct {
		Issues []sonarIssue `json:"issues"`
	}{Issues: []sonarIssue{}}
	for _, p := range ps {
		out.Issues = append(out.Issues, sonarIssue{
			EngineID:        sonarEngine(p.Engine),
			RuleID:          p.Finding.Rule,
			Severity:        legacySeverity(p.Rule.Impact),
			Type:            legacyType(p.Rule.Quality),
			EffortMinutes:   max(p.Rule.Effort, 0),
			PrimaryLocation: sonarLoc(p),
		})
	}
	return writeJSON(w, out)
}

func sonarLoc(p report.Issue) sonarLocation {
	loc := sonarLocation{Message: message(p, maxMessage), FilePath: p.Path}
	if !p.Known || p.Line == 0 {
		return loc
	}
	tr := &textRange{StartLine: p.Line}
	if p.Col >= 0 {
		tr.StartColumn = ptr(p.Col)
		if p.EndSet {
			tr.EndLine, tr.EndColumn = ptr(p.EndLine), ptr(p.EndCol)
		}
	}
	loc.TextRange = tr
	return loc
}

func ptr(n int) *int { return &n }

type ruleKey struct{ engine, id string }

// sonarRuleIDs gives each (engine, rule) pair its rules[].id: the rule's own
// id, or "<engine>.<id>" for a foreign engine whose id another engine in
// the same report also uses.
func sonarRuleIDs(ps []report.Issue) map[ruleKey]string {
	engines := map[string]map[string]bool{}
	for _, p := range ps {
		if engines[p.Finding.Rule] == nil {
			engines[p.Finding.Rule] = map[string]bool{}
		}
		engines[p.Finding.Rule][p.Engine] = true
	}
	ids := map[ruleKey]string{}
	for _, p := range ps {
		k := ruleKey{p.Engine, p.Finding.Rule}
		if len(engines[k.id]) > 1 && k.engine != "riskvet" {
			ids[k] = k.engine + "." + k.id
		} else {
			ids[k] = k.id
		}
	}
	return ids
}

// sonarEngine is the engineId for an engine: "riskvet", or "riskvet-<tool>"
// for a foreign tool (see the package doc). A ':' would split the rule key.
func sonarEngine(engine string) string {
	if engine == "riskvet" {
		return engine
	}
	return "riskvet-" + strings.ReplaceAll(engine, ":", "-")
}

func sonarDescription(r rules.Rule) string {
	var b strings.Builder
	b.WriteString(r.Description)
	if r.Rationale != "" {
		b.WriteString("\n\n" + r.Rationale)
	}
	if r.Bad != "" {
		b.WriteString("\n\nNoncompliant:\n" + r.Bad)
	}
	if r.Good != "" {
		b.WriteString("\n\nCompliant:\n" + r.Good)
	}
	return b.String()
}

// portableImpact keeps an impact severity within LOW, MEDIUM and HIGH, the
// values every 10.3+ server accepts.
func portableImpact(s string) string {
	switch s {
	case rules.Low, rules.Medium, rules.High:
		return s
	case "INFO":
		return rules.Low
	case "BLOCKER":
		return rules.High
	}
	return rules.Medium
}

func legacySeverity(impact string) string {
	switch portableImpact(impact) {
	case rules.High:
		return "CRITICAL"
	case rules.Low:
		return "MINOR"
	}
	return "MAJOR"
}

func legacyType(quality string) string {
	switch quality {
	case rules.Reliability:
		return "BUG"
	case rules.Security:
		return "VULNERABILITY"
	}
	return "CODE_SMELL"
}
