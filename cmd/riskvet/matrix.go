package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/matrix"
	"github.com/riskvet/riskvet/report"
)

const matrixUsage = `usage: riskvet matrix [-f text|markdown|json|html] [-o FILE] INPUT...

Write the risk matrix of one or more reports: per language, the thousands of
lines scanned, findings per thousand lines for each rule family (generics
complexity, null and type risk, strictness, other), the share of findings
that fail at run time against those that cost maintainability, and the
remediation effort in hours, the work by hand apart from what riskvet php
-fix clears (auto-fix). The same per component: each Go module and Composer
package below the root (riskvet scan records them), else each top-level
folder.

Reports of several commits (riskvet scan and the json format of riskvet and
riskvet php record the commit, from git, and its date) give a trend: one row
per commit, oldest first, of findings per KLOC, the run-time share and the
effort; the other tables are the newest commit's. Reports of one commit are
merged. When the inputs record several commits, each must record one.

Each INPUT ("-" is stdin) is read as riskvet sonar reads it: riskvet's JSON
report, go vet -json output, staticcheck -f json lines or golangci-lint JSON.
Reports of one commit are merged first, so the shards of one run give one
matrix. Only riskvet's own JSON lists the lines scanned; findings of the
other tools are counted, but their rate per thousand lines is shown as
unknown.

Formats: text (the default), markdown, json, and html, a self-contained page
with an SVG risk-matrix chart to open in a browser.

An input that records an incomplete analysis (a package that did not
type-check) is drawn for what was checked; every format lists the errors
first, and stderr names them. Families whose lines scanned are unknown are
plotted in a lane of their own at the left of the chart.

Exit codes: 0 the matrix was written, 2 usage error, unreadable or malformed
input, inputs of several commits one of which records none, or an output
that cannot be written, 3 an empty input (-allow-empty accepts it).

Flags:
`

// matrixWriters maps each -f value of riskvet matrix to its writer.
var matrixWriters = map[string]func(io.Writer, *matrix.Matrix) error{
	"text":     matrix.WriteText,
	"markdown": matrix.WriteMarkdown,
	"json":     matrix.WriteJSON,
	"html":     matrix.WriteHTML,
}

var matrixFormats = []string{"text", "markdown", "json", "html"}

// runMatrix is `riskvet matrix`: read every input, merge, write the matrix.
func runMatrix(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("riskvet matrix")
	format := fs.String("f", "text", "output `format`: "+strings.Join(matrixFormats, ", "))
	outFile := fs.String("o", "", "write the matrix to `file` instead of stdout")
	allowEmpty := fs.Bool("allow-empty", false, "accept an empty input as a report of nothing found")
	if code, ok := parseFlags(fs, matrixUsage, args, stdout, stderr); !ok {
		return code
	}
	write, ok := matrixWriters[*format]
	if !ok {
		fmt.Fprintf(stderr, "riskvet matrix: unknown format %q (want one of %s)\n", *format, strings.Join(matrixFormats, ", "))
		return exitError
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "riskvet matrix: no input; give one or more report files, or - for stdin")
		printSubUsage(stderr, fs, matrixUsage)
		return exitError
	}
	reports, err := readReports(stdin, fs.Args(), *allowEmpty)
	var empty errEmpty
	if errors.As(err, &empty) {
		return nothingToCheck(stderr, "riskvet matrix", emptyWhy(string(empty)))
	}
	if err != nil {
		fmt.Fprintf(stderr, "riskvet matrix: %v\n", err)
		return exitError
	}
	m, err := matrix.NewTrend(reports)
	if err != nil {
		fmt.Fprintf(stderr, "riskvet matrix: %v\n", err)
		return exitError
	}
	// Code that could not be checked is missing from the matrix: say so,
	// but still draw it for what was checked.
	for _, e := range m.Errors {
		fmt.Fprintf(stderr, "riskvet matrix: input reports an error, the matrix leaves it out: %s\n", e.String())
	}
	var buf bytes.Buffer
	if err := write(&buf, m); err != nil {
		fmt.Fprintf(stderr, "riskvet matrix: %v\n", err)
		return exitError
	}
	if err := writeOutput(*outFile, stdout, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "riskvet matrix: %v\n", err)
		return exitError
	}
	return exitClean
}

// errEmpty is readReports' error for an empty input, by name.
type errEmpty string

func (e errEmpty) Error() string { return string(e) + ": empty input" }

// readReports reads each named input ("-" is stdin) with report.Read. The
// error names the input, and for malformed JSON report.Read's error gives
// the position.
func readReports(stdin io.Reader, names []string, allowEmpty bool) ([]*finding.Report, error) {
	var reports []*finding.Report
	for _, name := range names {
		data, name, err := readInput(stdin, name)
		if err != nil {
			return nil, err
		}
		if emptyInput(data) && !allowEmpty {
			return nil, errEmpty(name)
		}
		r, err := report.Read(name, data)
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	return reports, nil
}

// writeOutput writes data to the file named out, or to stdout when out is
// empty.
func writeOutput(out string, stdout io.Writer, data []byte) error {
	if out == "" {
		_, err := stdout.Write(data)
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

// readInput reads the converter input named name: the file, or stdin for
// "-", which messages then call "<stdin>". It returns the data and the name
// to use in messages.
func readInput(stdin io.Reader, name string) ([]byte, string, error) {
	if name == "-" {
		data, err := io.ReadAll(stdin)
		return data, "<stdin>", err
	}
	data, err := os.ReadFile(name)
	return data, name, err
}
