// Package matrix computes the risk matrix of a report ([New], or
// [NewTrend] for reports of several commits) and writes it as plain text,
// Markdown, JSON and a self-contained HTML page, one file per format. It
// reads findings only through internal/finding and the merge of package
// report; it places nothing and reads no source file.
package matrix

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/report"
)

// Schema identifies the JSON form of the risk matrix.
const Schema = "riskvet/matrix/v1"

// Families lists the risk matrix's rule families in the order every
// output shows them.
var Families = []rules.Family{rules.Generics, rules.NullType, rules.Strictness, rules.Other}

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
	// Commit and Date are those the report records (see
	// [finding.Report]), empty when it records none.
	Commit string `json:"commit,omitempty"`
	Date   string `json:"date,omitempty"`
	// Languages always holds Go then PHP, even when nothing of that
	// language was scanned, so that two matrices line up; any other
	// language found in the report follows in name order.
	Languages []Language `json:"languages"`
	// Errors lists what the report says could not be checked (a package
	// that did not type-check, a file that could not be read): the
	// matrix leaves it out, and every writer says so.
	Errors []finding.Error `json:"errors"`
	// Components holds one entry per component with scanned files or
	// findings, sorted by name (see [New]).
	Components []Component `json:"components"`
	// Trend holds one point per commit, oldest first, when the matrix was
	// made from reports of several commits ([NewTrend]); the rest of
	// the matrix is the newest point's. Empty otherwise.
	Trend []Point `json:"trend"`
}

// Effort splits a cell's remediation effort: EffortMinutes is the
// whole, AutofixMinutes the part whose findings `riskvet php -fix` clears
// ([finding.Finding] Fixable), HandMinutes the rest, the work left to
// people. The hours are the same, rounded.
type Effort struct {
	EffortMinutes  int     `json:"effortMinutes"`
	EffortHours    float64 `json:"effortHours"`
	HandMinutes    int     `json:"handMinutes"`
	HandHours      float64 `json:"handHours"`
	AutofixMinutes int     `json:"autofixMinutes"`
	AutofixHours   float64 `json:"autofixHours"`
}

// add counts one finding's effort.
func (e *Effort) add(minutes int, fixable bool) {
	e.EffortMinutes += minutes
	if fixable {
		e.AutofixMinutes += minutes
	} else {
		e.HandMinutes += minutes
	}
}

// sum adds o's minutes to e's.
func (e *Effort) sum(o Effort) {
	e.EffortMinutes += o.EffortMinutes
	e.AutofixMinutes += o.AutofixMinutes
	e.HandMinutes += o.HandMinutes
}

// round sets the hours from the minutes.
func (e *Effort) round() {
	e.EffortHours = mxHours(e.EffortMinutes)
	e.HandHours = mxHours(e.HandMinutes)
	e.AutofixHours = mxHours(e.AutofixMinutes)
}

// Component is one component's bubble: a Go module or Composer
// package below the root, or else a top-level folder (a package tree when
// the root is a Go module), each with its own mix of run-time and
// maintainability findings.
type Component struct {
	// Name is the component's directory relative to the root ("svc/api",
	// "includes"); "." holds the files at the root itself.
	Name string `json:"name"`
	// Kind is "go module", "composer package", "package tree" or
	// "folder"; Module the module path or package name it declares.
	Kind   string `json:"kind"`
	Module string `json:"module,omitempty"`
	// Language is the language of most of its lines (of most of its
	// findings when no lines are known), which colours its bubble.
	Language   string  `json:"language"`
	Files      int     `json:"files"`
	Lines      int     `json:"lines"`
	KLOC       float64 `json:"kloc"`
	LinesKnown bool    `json:"linesKnown"`
	Findings   int     `json:"findings"`
	PerKLOC    float64 `json:"perKloc"`
	Runtime    int     `json:"runtime"`
	// Maintainability counts the other findings; RuntimeShare is
	// Runtime / Findings.
	Maintainability int     `json:"maintainability"`
	RuntimeShare    float64 `json:"runtimeShare"`
	Effort
}

// Point is one commit's totals in a trend.
type Point struct {
	Commit     string  `json:"commit"`
	Date       string  `json:"date"`
	Files      int     `json:"files"`
	Lines      int     `json:"lines"`
	KLOC       float64 `json:"kloc"`
	LinesKnown bool    `json:"linesKnown"`
	Findings   int     `json:"findings"`
	PerKLOC    float64 `json:"perKloc"`
	Runtime    int     `json:"runtime"`
	// RuntimeShare is Runtime / Findings.
	RuntimeShare float64 `json:"runtimeShare"`
	Effort
	// Errors counts what the commit's reports say could not be checked.
	Errors int `json:"errors"`
	// Languages holds each language's totals, in the matrix's order.
	Languages []PointLanguage `json:"languages"`
}

// PointLanguage is one language's totals at one commit.
type PointLanguage struct {
	Language     string  `json:"language"`
	Lines        int     `json:"lines"`
	LinesKnown   bool    `json:"linesKnown"`
	Findings     int     `json:"findings"`
	PerKLOC      float64 `json:"perKloc"`
	RuntimeShare float64 `json:"runtimeShare"`
	Effort
}

// Language is one language's row of the matrix.
type Language struct {
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
	// Effort sums each finding's rule effort.
	Effort
	// Families holds one entry per family of [Families], in that order.
	Families []Family `json:"families"`
}

// Family is one rule family's cell of a language row.
type Family struct {
	Family          rules.Family `json:"family"`
	Findings        int          `json:"findings"`
	PerKLOC         float64      `json:"perKloc"`
	Runtime         int          `json:"runtime"`
	Maintainability int          `json:"maintainability"`
	RuntimeShare    float64      `json:"runtimeShare"`
	Effort
	// Rules counts the findings of each rule in the family, by rule ID.
	Rules []Rule `json:"rules"`
}

// Rule counts one rule's findings.
type Rule struct {
	Rule     string `json:"rule"`
	Findings int    `json:"findings"`
}

// New computes the risk matrix of r. Each finding's family, run-time
// flag and effort come from its rule in internal/rules; rules riskvet does
// not know get rules.Foreign's metadata (go vet and staticcheck SA checks
// count as run-time risk, everything else as maintainability). That is a
// heuristic with a known bias: a vet or SA finding that is only a style
// slip is counted as run-time risk, and a foreign tool's real crash bug
// under another name as maintainability; the per-rule counts in Rules let
// a reader see which rules a cell is made of.
func New(r *finding.Report) *Matrix {
	type acc struct {
		row   Language
		fams  map[rules.Family]*Family
		rules map[rules.Family]map[string]int
	}
	byLang := map[string]*acc{}
	get := func(lang string) *acc {
		a, ok := byLang[lang]
		if !ok {
			a = &acc{
				row:   Language{Language: lang},
				fams:  map[rules.Family]*Family{},
				rules: map[rules.Family]map[string]int{},
			}
			for _, f := range Families {
				a.fams[f] = &Family{Family: f}
				a.rules[f] = map[string]int{}
			}
			byLang[lang] = a
		}
		return a
	}
	get(finding.Go)
	get(finding.PHP)
	comps := newComponents(r)

	if r != nil {
		for _, fs := range r.Files {
			lang := mxLanguageOf(fs.Language, fs.Path)
			a := get(lang)
			a.row.Files++
			a.row.Lines += fs.Lines
			a.row.LinesKnown = true
			c := comps.of(fs.Path)
			c.Files++
			c.Lines += fs.Lines
			c.LinesKnown = true
			comps.lines[c][lang] += fs.Lines
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
			c.add(rule.Effort, f.Fixable)
			comp := comps.of(f.File)
			comp.Findings++
			comp.add(rule.Effort, f.Fixable)
			comps.found[comp][lang]++
			if rule.Runtime {
				c.Runtime++
				comp.Runtime++
			} else {
				c.Maintainability++
				comp.Maintainability++
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
	m := &Matrix{Schema: Schema, Languages: []Language{}, Errors: []finding.Error{}, Trend: []Point{}}
	if r != nil {
		m.Commit, m.Date = r.Commit, r.Date
		m.Errors = append(m.Errors, r.Errors...)
		slices.SortFunc(m.Errors, finding.CompareErrors)
	}
	for _, lang := range langs {
		a := byLang[lang]
		row := a.row
		row.KLOC = float64(row.Lines) / 1000
		row.Families = make([]Family, 0, len(Families))
		for _, fam := range Families {
			c := *a.fams[fam]
			c.PerKLOC = mxPerKLOC(c.Findings, row.Lines)
			c.RuntimeShare = mxShare(c.Runtime, c.Findings)
			c.round()
			c.Rules = []Rule{}
			for id, n := range a.rules[fam] {
				c.Rules = append(c.Rules, Rule{Rule: id, Findings: n})
			}
			slices.SortFunc(c.Rules, func(x, y Rule) int { return cmp.Compare(x.Rule, y.Rule) })
			row.Findings += c.Findings
			row.Runtime += c.Runtime
			row.Maintainability += c.Maintainability
			row.sum(c.Effort)
			row.Families = append(row.Families, c)
		}
		row.PerKLOC = mxPerKLOC(row.Findings, row.Lines)
		row.RuntimeShare = mxShare(row.Runtime, row.Findings)
		row.round()
		m.Languages = append(m.Languages, row)
	}
	m.Components = comps.list()
	return m
}

// mxComponents groups a report's files and findings by component.
type mxComponents struct {
	root  string
	comps []finding.Component
	// byName holds each component met, lines and found its lines and
	// findings per language, to pick the language it is drawn in.
	byName map[string]*Component
	lines  map[*Component]map[string]int
	found  map[*Component]map[string]int
}

func newComponents(r *finding.Report) *mxComponents {
	c := &mxComponents{byName: map[string]*Component{}, lines: map[*Component]map[string]int{}, found: map[*Component]map[string]int{}}
	if r != nil {
		c.root = strings.TrimSuffix(strings.ReplaceAll(r.Root, `\`, "/"), "/")
		c.comps = slices.Clone(r.Components)
		// Deepest first: a file belongs to the innermost component.
		slices.SortFunc(c.comps, func(a, b finding.Component) int {
			return cmp.Or(cmp.Compare(strings.Count(b.Path, "/"), strings.Count(a.Path, "/")), cmp.Compare(a.Path, b.Path))
		})
	}
	return c
}

// of returns the component of the file at p, a path relative to the root
// (or absolute): the innermost Go module or Composer package below the
// root that holds it, else its top-level folder, "." for a file at the
// root, and for a file outside the root its directory. The trade-off of top-level folders: one large folder (MediaWiki's
// includes) is one bubble, which its size then shows, rather than a
// hundred subfolders no chart can label.
func (c *mxComponents) of(p string) *Component {
	p = strings.ReplaceAll(p, `\`, "/")
	if rel, ok := strings.CutPrefix(p, c.root+"/"); ok && c.root != "" && report.IsAbsPath(p) {
		p = rel
	}
	p = path.Clean(p)
	kind := "folder"
	for _, comp := range c.comps {
		if comp.Path == "." {
			if comp.Kind == finding.GoModule {
				kind = "package tree"
			}
			continue
		}
		if strings.HasPrefix(p, comp.Path+"/") {
			return c.get(comp.Path, comp.Kind, comp.Name)
		}
	}
	if report.IsAbsPath(p) {
		// Outside the root, or no root known (a go vet stream names
		// files by absolute path): the file's directory, its package.
		return c.get(path.Dir(p), "folder", "")
	}
	top, _, nested := strings.Cut(p, "/")
	if !nested {
		top = "."
	}
	return c.get(top, kind, "")
}

func (c *mxComponents) get(name, kind, module string) *Component {
	if mc, ok := c.byName[name]; ok {
		return mc
	}
	mc := &Component{Name: name, Kind: kind, Module: module}
	c.byName[name] = mc
	c.lines[mc] = map[string]int{}
	c.found[mc] = map[string]int{}
	return mc
}

// list returns the components sorted by name, with their rates, shares,
// hours and language.
func (c *mxComponents) list() []Component {
	out := make([]Component, 0, len(c.byName))
	for _, mc := range c.byName {
		x := *mc
		x.KLOC = float64(x.Lines) / 1000
		x.PerKLOC = mxPerKLOC(x.Findings, x.Lines)
		x.RuntimeShare = mxShare(x.Runtime, x.Findings)
		x.round()
		count := c.lines[mc]
		if x.Lines == 0 {
			count = c.found[mc]
		}
		// Ties go to the language listed first (Go, PHP, then by name).
		langs := slices.SortedFunc(maps.Keys(count), func(a, b string) int {
			return cmp.Or(cmp.Compare(mxLangRank(a), mxLangRank(b)), cmp.Compare(a, b))
		})
		best := 0
		for _, lang := range langs {
			if count[lang] > best {
				x.Language, best = lang, count[lang]
			}
		}
		if x.Kind == "package tree" && x.Language != finding.Go {
			x.Kind = "folder" // PHP beside a Go module at the root
		}
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b Component) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// NewTrend computes the matrix of reports taken at several commits.
// Reports of one commit (the shards of a run, the Go and PHP halves of a
// scan) are merged; with one commit, or none recorded, the result is
// [New] of them all. With several, it is the matrix of the newest
// commit with a [Matrix] Trend of every commit's totals, oldest first by
// commit date (reports of equal dates keep their order). A report that
// records no commit cannot be placed in a trend: when others record
// several, that is an error naming it, by its index in reports.
func NewTrend(reports []*finding.Report) (*Matrix, error) {
	type group struct {
		commit, date string
		when         time.Time
		reports      []*finding.Report
	}
	var groups []*group
	byCommit := map[string]*group{}
	var bare []int
	for i, r := range reports {
		if r == nil {
			continue
		}
		if r.Commit == "" {
			bare = append(bare, i)
			continue
		}
		k := r.Commit + "\x00" + r.Date
		g := byCommit[k]
		if g == nil {
			g = &group{commit: r.Commit, date: r.Date}
			g.when, _ = time.Parse(time.RFC3339, r.Date)
			byCommit[k] = g
			groups = append(groups, g)
		}
		g.reports = append(g.reports, r)
	}
	if len(groups) <= 1 {
		return New(report.Merge(reports...)), nil
	}
	if len(bare) > 0 {
		return nil, fmt.Errorf("input %d records no commit, and the others record %d commits: a trend needs the commit of every report", bare[0]+1, len(groups))
	}
	slices.SortStableFunc(groups, func(a, b *group) int { return a.when.Compare(b.when) })
	var m *Matrix
	points := make([]Point, 0, len(groups))
	for _, g := range groups {
		m = New(report.Merge(g.reports...))
		p := Point{Commit: g.commit, Date: g.date, Errors: len(m.Errors), Languages: []PointLanguage{}}
		for _, l := range m.Languages {
			p.Files += l.Files
			p.Lines += l.Lines
			p.LinesKnown = p.LinesKnown || l.LinesKnown
			p.Findings += l.Findings
			p.Runtime += l.Runtime
			p.sum(l.Effort)
			p.Languages = append(p.Languages, PointLanguage{
				Language: l.Language, Lines: l.Lines, LinesKnown: l.LinesKnown, Findings: l.Findings,
				PerKLOC: l.PerKLOC, RuntimeShare: l.RuntimeShare, Effort: l.Effort,
			})
		}
		p.KLOC = float64(p.Lines) / 1000
		p.PerKLOC = mxPerKLOC(p.Findings, p.Lines)
		p.RuntimeShare = mxShare(p.Runtime, p.Findings)
		p.round()
		points = append(points, p)
	}
	m.Trend = points
	return m, nil
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
