// Package finding defines riskvet's finding, the unit that flows from every
// check (Go analyzers, the PHP checker, imported go vet and staticcheck
// output) to every writer (text, JSON, SARIF, SonarQube, the risk matrix).
//
// The JSON form of [Report] is riskvet's stable interchange format, written by
// `riskvet php -f json`, `riskvet -f json` and `riskvet scan`, and read back by
// `riskvet sonar` and `riskvet matrix`. Its schema is identified by
// [Schema]; fields are only ever added, never renamed or removed, within one
// schema version.
//
// Positions follow go/token: lines are 1-based and columns are 1-based byte
// offsets into the line. The formats that need other units (SonarQube's
// 0-based UTF-16 columns, SARIF's 1-based UTF-16 columns) get them from
// report.Place, which converts once per run with internal/position, taking
// the lines of each finding from the run's line cache (position.Cache,
// filled by the checkers while they hold the source) or reading the file
// once; the printers never copy byte columns.
package finding

import (
	"cmp"
	"slices"
	"strconv"
)

// Schema identifies the JSON report format written by riskvet.
const Schema = "riskvet/findings/v1"

// Languages of findings and scanned files.
const (
	Go  = "go"
	PHP = "php"
)

// Finding is one reported problem.
type Finding struct {
	// Rule is the rule ID: a riskvet check ("nullderef"), a curated
	// analyzer ("nilness", "SA5011"), or a foreign tool's rule ID.
	Rule string `json:"rule"`
	// Engine names the tool that produced the finding: "riskvet" for
	// riskvet's own and curated checks, otherwise the foreign tool
	// ("govet", "staticcheck").
	Engine string `json:"engine"`
	// Language is Go or PHP.
	Language string `json:"language"`
	// File is the path of the file, with forward slashes. It is relative
	// to the scanned root when the producer knew one, absolute otherwise.
	File string `json:"file"`
	// Line is the 1-based line; 0 means the finding concerns the whole file.
	Line int `json:"line"`
	// Column is the 1-based byte column; 0 means the whole line.
	Column int `json:"column"`
	// EndLine and EndColumn give the exclusive end of the range, in the
	// same units; zero when unknown.
	EndLine   int `json:"endLine,omitempty"`
	EndColumn int `json:"endColumn,omitempty"`
	// Message states the fact: lowercase, no trailing period.
	Message string `json:"message"`
	// Severity is "error", "warning" or "info"; empty means the rule's default.
	Severity string `json:"severity,omitempty"`
	// Fixable reports whether the check that made the finding also gave
	// the edit that clears it, which `riskvet php -fix` applies (a missing
	// strict_types declaration): the risk matrix counts its effort apart,
	// as work no one does by hand.
	Fixable bool `json:"fixable,omitempty"`
}

// FileStat records one scanned file, so that the risk matrix can relate
// findings to the amount of code they were found in.
type FileStat struct {
	Path     string `json:"path"`
	Language string `json:"language"`
	// Lines is the number of lines in the file (a final line without a
	// terminator counts).
	Lines int `json:"lines"`
}

// Error is a file or package that could not be checked. It is not a
// finding: it makes the run fail with exit code 2.
type Error struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// String returns e as "file:line:col: message", leaving out what is
// unknown, the form of go vet's and the compiler's errors.
func (e Error) String() string {
	switch {
	case e.File == "":
		return e.Message
	case e.Line == 0:
		return e.File + ": " + e.Message
	case e.Column == 0:
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Message
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column) + ": " + e.Message
}

// Report is the JSON document riskvet writes and reads back.
type Report struct {
	Schema string `json:"schema"`
	Tool   Tool   `json:"tool"`
	Root   string `json:"root,omitempty"`
	// Commit is the commit the checked files were at (git rev-parse HEAD
	// in the root), and Date its committer date in RFC 3339, when the root
	// is in a git repository: the risk matrix draws the trend of reports
	// of several commits. Changes not committed are not recorded.
	Commit string `json:"commit,omitempty"`
	Date   string `json:"date,omitempty"`
	// Components are the Go modules and Composer packages found under the
	// root, by which the risk matrix groups files; empty when the
	// producer did not look for them.
	Components []Component `json:"components,omitempty"`
	Files      []FileStat  `json:"files"`
	Findings   []Finding   `json:"findings"`
	Errors     []Error     `json:"errors"`
}

// Component is a Go module or a Composer package of a report's tree.
type Component struct {
	// Path is the directory holding its go.mod or composer.json, relative
	// to the report's root with forward slashes ("." for the root).
	Path string `json:"path"`
	// Kind is "go module" or "composer package".
	Kind string `json:"kind"`
	// Name is the module path or the package name, when it declares one.
	Name string `json:"name,omitempty"`
}

// Kinds of [Component].
const (
	GoModule        = "go module"
	ComposerPackage = "composer package"
)

// Tool names the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Compare orders findings by file, position, rule and message, the order of
// every riskvet output.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndColumn, b.EndColumn),
		cmp.Compare(a.Engine, b.Engine),
	)
}

// CompareErrors orders errors by file, position and message.
func CompareErrors(a, b Error) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Message, b.Message))
}

// Normalize sorts the report's lists and replaces nil lists with empty ones,
// so that the JSON form is deterministic and never holds null arrays.
func (r *Report) Normalize() {
	if r.Schema == "" {
		r.Schema = Schema
	}
	if r.Files == nil {
		r.Files = []FileStat{}
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Errors == nil {
		r.Errors = []Error{}
	}
	slices.SortFunc(r.Components, func(a, b Component) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortFunc(r.Files, func(a, b FileStat) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortFunc(r.Findings, Compare)
	slices.SortFunc(r.Errors, CompareErrors)
}
