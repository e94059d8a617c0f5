// Package report reads findings, merges them and places them for the
// printers. It reads riskvet's own JSON report, the stream `go vet -json`
// prints, `staticcheck -f json` lines and golangci-lint's JSON, and writes
// riskvet's JSON report back.
//
// Data flows one way: [Read] turns each input into a [finding.Report],
// [Merge] combines them, [Place] places the findings once per run, and a
// printer (package printer) renders the [Placed] report. Placing converts
// the byte columns of Go tools and php-parser into the UTF-16 columns
// SonarQube and SARIF count in (through internal/position), reading and
// line-indexing each source file under [Options.BaseDir] once, however many
// formats are written; the printers never read a file. A file the checkers
// of the same run held in memory comes from their line cache
// ([Options.Lines]) and is not read at all.
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
package report

import (
	"fmt"
	"io"

	"github.com/riskvet/riskvet/internal/position"
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
	// Lines holds the files the checkers of this run kept indexed while
	// they had them in memory; a file found there is not read again.
	// Nil reads every file.
	Lines *position.Cache
	// ReadFile reads a source file that Lines does not hold; nil means
	// os.ReadFile. Tests and fuzz targets set it to serve files from
	// memory.
	ReadFile func(name string) ([]byte, error)
}

// Prefix maps paths that start with From onto To.
type Prefix struct {
	From, To string
}

// warnf writes one warning line, if anyone listens.
func (o Options) warnf(format string, args ...any) {
	if o.Warn != nil {
		fmt.Fprintf(o.Warn, format+"\n", args...)
	}
}
