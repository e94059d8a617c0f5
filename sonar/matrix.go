package sonar

import (
	"cmp"
	"fmt"
	"math"
	"path"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/rules"
)

// MatrixSchema identifies the JSON form of the risk matrix.
const MatrixSchema = "riskvet/matrix/v1"

// MatrixFamilies lists the risk matrix's rule families in the order every
// output shows them.
var MatrixFamilies = []rules.Family{rules.Generics, rules.NullType, rules.Strictness, rules.Other}

// Matrix is the risk matrix of a report: for each language, how many
// findings there are per thousand lines of code scanned (likelihood), how
// many of them fail at run time rather than cost maintainability (impact),
// and how long they take to fix (effort).
//
// Numbers are rounded when the matrix is computed (per-KLOC rates and hours
// to two decimals, shares to three), so that every writer prints the same
// values and the JSON form is stable.
type Matrix struct {
	Schema string `json:"schema"`
	// Languages always holds Go then PHP, even when nothing of that
	// language was scanned, so that two matrices line up; any other
	// language found in the report follows in name order.
	Languages []MatrixLanguage `json:"languages"`
	// Errors lists what the report says could not be checked (a package
	// that did not type-check, a file that could not be read): the
	// matrix leaves it out, and every writer says so.
	Errors []finding.Error `json:"errors"`
}

// MatrixLanguage is one language's row of the matrix.
type MatrixLanguage struct {
	Language string `json:"language"`
	// Files and Lines count the scanned files of this language, from the
	// report's file list.
	Files int `json:"files"`
	Lines int `json:"lines"`
	// KLOC is Lines in thousands.
	KLOC float64 `json:"kloc"`
	// Findings counts the findings of this language, PerKLOC relates them
	// to KLOC. PerKLOC is 0 when no lines are known (see LinesKnown).
	Findings int     `json:"findings"`
	PerKLOC  float64 `json:"perKloc"`
	// LinesKnown reports whether the report listed scanned files of this
	// language. Inputs from go vet or staticcheck carry findings only;
	// their rates cannot be computed and are shown as unknown.
	LinesKnown bool `json:"linesKnown"`
	// Runtime counts findings of rules that fail at run time,
	// Maintainability the others; RuntimeShare is Runtime / Findings.
	Runtime         int     `json:"runtime"`
	Maintainability int     `json:"maintainability"`
	RuntimeShare    float64 `json:"runtimeShare"`
	// EffortMinutes sums each finding's rule effort; EffortHours is the
	// same in hours.
	EffortMinutes int     `json:"effortMinutes"`
	EffortHours   float64 `json:"effortHours"`
	// Families holds one entry per family of [MatrixFamilies], in that order.
	Families []MatrixFamily `json:"families"`
}

// MatrixFamily is one rule family's cell of a language row.
type MatrixFamily struct {
	Family          rules.Family `json:"family"`
	Findings        int          `json:"findings"`
	PerKLOC         float64      `json:"perKloc"`
	Runtime         int          `json:"runtime"`
	Maintainability int          `json:"maintainability"`
	RuntimeShare    float64      `json:"runtimeShare"`
	EffortMinutes   int          `json:"effortMinutes"`
	EffortHours     float64      `json:"effortHours"`
	// Rules counts the findings of each rule in the family, by rule ID.
	Rules []MatrixRule `json:"rules"`
}

// MatrixRule counts one rule's findings.
type MatrixRule struct {
	Rule     string `json:"rule"`
	Findings int    `json:"findings"`
}

// NewMatrix computes the risk matrix of r. Each finding's family, run-time
// flag and effort come from its rule in internal/rules; rules riskvet does
// not know get rules.Foreign's metadata (go vet and staticcheck SA checks
// count as run-time risk, everything else as maintainability). That is a
// heuristic with a known bias: a vet or SA finding that is only a style
// slip is counted as run-time risk, and a foreign tool's real crash bug
// under another name as maintainability; the per-rule counts in Rules let
// a reader see which rules a cell is made of.
func NewMatrix(r *finding.Report) *Matrix {
	type acc struct {
		row   MatrixLanguage
		fams  map[rules.Family]*MatrixFamily
		rules map[rules.Family]map[string]int
	}
	byLang := map[string]*acc{}
	get := func(lang string) *acc {
		a, ok := byLang[lang]
		if !ok {
			a = &acc{
				row:   MatrixLanguage{Language: lang},
				fams:  map[rules.Family]*MatrixFamily{},
				rules: map[rules.Family]map[string]int{},
			}
			for _, f := range MatrixFamilies {
				a.fams[f] = &MatrixFamily{Family: f}
				a.rules[f] = map[string]int{}
			}
			byLang[lang] = a
		}
		return a
	}
	get(finding.Go)
	get(finding.PHP)

	if r != nil {
		for _, fs := range r.Files {
			a := get(mxLanguageOf(fs.Language, fs.Path))
			a.row.Files++
			a.row.Lines += fs.Lines
			a.row.LinesKnown = true
		}
		for _, f := range r.Findings {
			lang := mxLanguageOf(f.Language, f.File)
			a := get(lang)
			rule := rules.Foreign(f.Engine, f.Rule, lang)
			fam := rule.Family
			if _, ok := a.fams[fam]; !ok {
				fam = rules.Other
			}
			c := a.fams[fam]
			c.Findings++
			c.EffortMinutes += rule.Effort
			if rule.Runtime {
				c.Runtime++
			} else {
				c.Maintainability++
			}
			a.rules[fam][f.Rule]++
		}
	}

	langs := make([]string, 0, len(byLang))
	for lang := range byLang {
		langs = append(langs, lang)
	}
	slices.SortFunc(langs, func(x, y string) int {
		return cmp.Or(cmp.Compare(mxLangRank(x), mxLangRank(y)), cmp.Compare(x, y))
	})
	m := &Matrix{Schema: MatrixSchema, Languages: []MatrixLanguage{}, Errors: []finding.Error{}}
	if r != nil {
		m.Errors = append(m.Errors, r.Errors...)
		slices.SortFunc(m.Errors, finding.CompareErrors)
	}
	for _, lang := range langs {
		a := byLang[lang]
		row := a.row
		row.KLOC = float64(row.Lines) / 1000
		row.Families = make([]MatrixFamily, 0, len(MatrixFamilies))
		for _, fam := range MatrixFamilies {
			c := *a.fams[fam]
			c.PerKLOC = mxPerKLOC(c.Findings, row.Lines)
			c.RuntimeShare = mxShare(c.Runtime, c.Findings)
			c.EffortHours = mxHours(c.EffortMinutes)
			c.Rules = []MatrixRule{}
			for id, n := range a.rules[fam] {
				c.Rules = append(c.Rules, MatrixRule{Rule: id, Findings: n})
			}
			slices.SortFunc(c.Rules, func(x, y MatrixRule) int { return cmp.Compare(x.Rule, y.Rule) })
			row.Findings += c.Findings
			row.Runtime += c.Runtime
			row.Maintainability += c.Maintainability
			row.EffortMinutes += c.EffortMinutes
			row.Families = append(row.Families, c)
		}
		row.PerKLOC = mxPerKLOC(row.Findings, row.Lines)
		row.RuntimeShare = mxShare(row.Runtime, row.Findings)
		row.EffortHours = mxHours(row.EffortMinutes)
		m.Languages = append(m.Languages, row)
	}
	return m
}

// mxLangRank orders Go and PHP before any other language.
func mxLangRank(lang string) int {
	switch lang {
	case finding.Go:
		return 0
	case finding.PHP:
		return 1
	}
	return 2
}

// mxLanguageOf returns lang, or when it is empty the language that the file
// name's extension implies; findings of tools that do not say their
// language (a bare go vet stream) still land in the right row. The
// trade-off: a .inc file that is not PHP is counted as PHP, which is rarer
// and less harmful than leaving every such finding out of the PHP row.
func mxLanguageOf(lang, file string) string {
	if lang != "" {
		return strings.ToLower(lang)
	}
	switch strings.ToLower(path.Ext(file)) {
	case ".go":
		return finding.Go
	case ".php", ".phtml", ".inc":
		return finding.PHP
	}
	return "other"
}

// perKLOC returns n findings per thousand of lines, 0 when lines is 0.
func mxPerKLOC(n, lines int) float64 {
	if lines == 0 {
		return 0
	}
	return mxRound(float64(n)*1000/float64(lines), 2)
}

// share returns part/whole rounded to three decimals, 0 when whole is 0.
func mxShare(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return mxRound(float64(part)/float64(whole), 3)
}

func mxHours(minutes int) float64 { return mxRound(float64(minutes)/60, 2) }

func mxRound(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

// mxLanguageName returns a language's display name ("Go", "PHP").
func mxLanguageName(lang string) string {
	switch lang {
	case finding.Go:
		return "Go"
	case finding.PHP:
		return "PHP"
	}
	return lang
}

// mxFamilyName returns a family's display name.
func mxFamilyName(f rules.Family) string {
	switch f {
	case rules.Generics:
		return "generics complexity"
	case rules.NullType:
		return "null and type risk"
	case rules.Strictness:
		return "strictness"
	case rules.Other:
		return "other"
	}
	return string(f)
}

// mxIncomplete returns the lines that say the matrix is incomplete: a
// heading, then each error; nil when nothing failed.
func mxIncomplete(m *Matrix) []string {
	if len(m.Errors) == 0 {
		return nil
	}
	noun := "errors"
	if len(m.Errors) == 1 {
		noun = "error"
	}
	lines := []string{fmt.Sprintf("incomplete analysis: %d %s; the code they name was not checked and is left out of the matrix", len(m.Errors), noun)}
	for _, e := range m.Errors {
		lines = append(lines, e.String())
	}
	return lines
}

// mxNoFindings is what a matrix without findings says in place of the
// family table: an incomplete analysis without findings is not clean.
func mxNoFindings(m *Matrix) string {
	if len(m.Errors) > 0 {
		return "No findings in the code that was checked; the analysis is incomplete (see above)."
	}
	return "No findings."
}
