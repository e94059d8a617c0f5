// Package sonar takes findings to where teams look at them. It reads
// riskvet's own JSON report, the stream `go vet -json` prints, `staticcheck
// -f json` lines and golangci-lint's JSON, and writes SonarQube's generic
// issue import format (10.3+ and the 9.9 LTS legacy shape), SARIF 2.1.0 for
// GitHub code scanning, GitLab Code Quality (Code Climate issues),
// Checkstyle XML for Jenkins and reviewdog, and plain text. The risk matrix lives in matrix*.go.
//
// Data flows one way: [Read] turns each input into a [finding.Report],
// [Merge] combines them, [Place] places the findings once per run, and a
// writer renders the result. Placing converts the byte columns of Go tools
// and php-parser into the UTF-16 columns SonarQube and SARIF count in
// (through internal/position), reading and line-indexing each source file
// under [Options.BaseDir] once, however many formats are written. Writers
// are pure functions of the placed report over an io.Writer. Their output
// is sorted and deterministic, and empty lists are written as [], never null.
//
// # Nothing lost
//
// Every finding in is one issue out. A finding that cannot be placed as
// given is moved, never dropped, and a line on [Options.Warn] says so:
//
//   - a file that cannot be read, or that lies outside the base directory,
//     keeps its path but goes to file level (SonarQube skips issues on files
//     it did not index and logs them; a line number it cannot check could
//     otherwise fail the whole analysis);
//   - a line past the end of the file goes to file level;
//   - a column past the end of its line goes to line level;
//   - an end that does not fit, or that is not after the start, is dropped,
//     and the range runs to the end of the start line.
//
// # Engine and rule ids
//
// riskvet's own and curated rules are written with engineId "riskvet".
// Foreign findings keep their analyzer or check name as the rule id
// ("printf", "SA4006") under the engineId "riskvet-<tool>" ("riskvet-govet",
// "riskvet-staticcheck"). The plain "govet" engine id is avoided on purpose
// (shared/sonar/FORMAT.md §1.7): sonar-go defines the external repository
// external_govet itself, and the server would bind our issues to its rule
// definitions and ignore the metadata written here; the prefix keeps riskvet's
// descriptions and impacts while the tool's name stays visible in the rule key.
// A rule id used by two engines in one SonarQube report (riskvet's curated
// SA5011 next to staticcheck's own) is written as "<tool>.<id>" for the
// foreign one, because rules[].id must be unique within a report.
package sonar

import (
	"fmt"
	"io"
)

// Options configure [Place].
type Options struct {
	// BaseDir is the project base directory: output paths are relative
	// to it, and source files are read from it to convert columns.
	// Empty means the current directory.
	BaseDir string
	// Warn receives one line for each finding that had to be changed to
	// fit (a missing file, a range outside the file). Nil discards.
	Warn io.Writer
	// Prefixes rewrite the start of finding paths before they are made
	// relative to BaseDir, for reports recorded on another machine
	// (a CI runner's /src/project) and converted here.
	Prefixes []Prefix
	// ReadFile reads a source file; nil means os.ReadFile. Tests and fuzz
	// targets set it to serve files from memory.
	ReadFile func(name string) ([]byte, error)
}

// Prefix maps paths that start with From onto To.
type Prefix struct {
	From, To string
}

// Formats that [Write] accepts.
const (
	FormatSonar       = "sonar"
	FormatSonarLegacy = "sonar-legacy"
	FormatSARIF       = "sarif"
	FormatText        = "text"
	FormatCodeClimate = "codeclimate"
	FormatCheckstyle  = "checkstyle"
)

// Formats lists the accepted formats, the default first.
var Formats = []string{FormatSonar, FormatSonarLegacy, FormatSARIF, FormatText, FormatCodeClimate, FormatCheckstyle}

// warnf writes one warning line, if anyone listens.
func (o Options) warnf(format string, args ...any) {
	if o.Warn != nil {
		fmt.Fprintf(o.Warn, format+"\n", args...)
	}
}
