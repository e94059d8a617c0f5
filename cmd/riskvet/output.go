package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/progress"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// useColor reports whether text findings written to w are coloured: on a
// terminal, unless NO_COLOR is set (no-color.org); CLICOLOR_FORCE, when
// set and not 0, colours a pipe too, and NO_COLOR wins over it.
func useColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := os.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	return progress.IsTerminal(w)
}

// writeText writes rep's findings in riskvet's one text format, coloured
// when useColor says so.
func writeText(w io.Writer, rep *finding.Report) error {
	return printer.WriteTextColor(w, rep, useColor(w))
}

// summarize writes the summary line of a checking command to stderr when
// it is a terminal and -quiet is not set: piped, the findings alone are
// the output.
func (s *settings) summarize(stderr io.Writer, rep *finding.Report, start time.Time) {
	if s.quiet || !progress.IsTerminal(stderr) {
		return
	}
	writeSummary(stderr, s.name, rep, time.Since(start))
}

// writeSummary writes one line: the findings, counted per rule, the files
// checked and the time taken, as in
// "riskvet php: 3 findings (nullderef 1, stricttypes 2) in 40 files, 1.2s".
func writeSummary(w io.Writer, name string, rep *finding.Report, elapsed time.Duration) {
	per := map[string]int{}
	for _, f := range rep.Findings {
		per[f.Rule]++
	}
	var rules []string
	for _, r := range slices.Sorted(maps.Keys(per)) {
		rules = append(rules, fmt.Sprintf("%s %d", r, per[r]))
	}
	found := "no findings"
	if n := len(rep.Findings); n > 0 {
		found = fmt.Sprintf("%d %s (%s)", n, plural(n, "finding", "findings"), strings.Join(rules, ", "))
	}
	errs := ""
	if n := len(rep.Errors); n > 0 {
		errs = fmt.Sprintf(", %d %s", n, plural(n, "error", "errors"))
	}
	files := len(rep.Files)
	fmt.Fprintf(w, "%s: %s in %d %s%s, %s\n", name, found, files, plural(files, "file", "files"), errs, roundDuration(elapsed))
}

// roundDuration rounds d for a person: milliseconds under a second, then
// tenths of a second.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}

// lineCache returns the line cache a checking run fills for the placement
// of its findings in format (report.Options.Lines), or nil for text and
// json, which are not placed.
func lineCache(format string) *position.Cache {
	if format == "text" || format == "json" {
		return nil
	}
	return position.NewCache()
}

// reportFormats are the -f values of riskvet php and the standalone Go
// linter; formatList names them for usage and error messages.
var (
	reportFormats = []string{"text", "json", printer.FormatSARIF, printer.FormatCodeClimate, printer.FormatCheckstyle}
	formatList    = "text, json (riskvet's report), sarif, codeclimate (GitLab Code Quality) or checkstyle"
)

// writeReport writes rep in the given format. Text is riskvet's one line
// format, "file:line:col: rule: message", as riskvet php and scan print it;
// json is riskvet's own report, which `riskvet sonar` and `riskvet matrix`
// read back; the others are placed by the report package with paths
// relative to dir, taking the lines the run kept in lines (lineCache) and
// reading the other sources there, and written by printer.
func writeReport(w io.Writer, format string, rep *finding.Report, dir string, lines *position.Cache, warn io.Writer) error {
	switch format {
	case "json":
		return report.WriteJSON(w, rep)
	case "text":
		return writeText(w, rep)
	}
	return printer.Write(w, format, report.Place(rep, report.Options{BaseDir: dir, Lines: lines, Warn: warn}))
}
