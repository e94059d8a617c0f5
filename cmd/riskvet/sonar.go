package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

const sonarUsage = `usage: riskvet sonar [-f sonar|sonar-legacy|sarif|text|codeclimate|checkstyle] [-base-dir DIR] [-o FILE] [-path-prefix FROM=TO]... INPUT...

Convert findings to SonarQube generic issue JSON, SARIF, GitLab Code Quality
or Checkstyle XML. Each INPUT ("-" is
stdin) is riskvet's JSON report, go vet -json output, staticcheck -f json
lines or golangci-lint JSON, recognised by content; any number, mixed.

Formats: sonar (SonarQube 10.3 and later, the default), sonar-legacy
(SonarQube 9.9 LTS and older), sarif (GitHub code scanning), text,
codeclimate (GitLab Code Quality: a JSON array of Code Climate issues, paths
relative to -base-dir, fingerprints that survive edits elsewhere in a file)
and checkstyle (Checkstyle XML, read by Jenkins warnings-ng and reviewdog).
An incomplete analysis is written into the codeclimate and checkstyle
reports too, as issues named "incomplete".

Findings that must be moved to fit the files under -base-dir (a missing
file, a line or column past the end) are kept and reported on stderr. A
finding on a file missing under -base-dir, which SonarQube would skip
without failing the analysis, also makes the exit code 2 in the sonar
formats (-allow-missing accepts it); when its path lies outside -base-dir,
the message names -path-prefix, which maps the paths of a report recorded
on another machine.

An input that records an incomplete analysis (a package that did not
type-check, a file that could not be read) is named on stderr and makes the
exit code 2, after the report is written: SonarQube's generic format has no
place for it, and an empty report would read as clean code. SARIF records it
in invocations[0]. -allow-incomplete accepts such inputs with exit 0.

Exit codes: 0 the report was written (whether or not it has findings: this
is a converter), 2 usage error, unreadable or malformed input, an input that
records an incomplete analysis, a finding SonarQube would skip, or an output
that cannot be written, 3 an empty input (-allow-empty accepts it).

Flags:
`

// prefixFlag collects -path-prefix FROM=TO values.
type prefixFlag []report.Prefix

func (p *prefixFlag) String() string { return "" }

func (p *prefixFlag) Set(s string) error {
	from, to, ok := strings.Cut(s, "=")
	if !ok || from == "" {
		return errors.New("want FROM=TO")
	}
	*p = append(*p, report.Prefix{From: from, To: to})
	return nil
}

// runSonar is `riskvet sonar`: read every input, merge, write one report.
func runSonar(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("riskvet sonar")
	format := fs.String("f", printer.FormatSonar, "output `format`: "+strings.Join(printer.Formats, ", "))
	fs.StringVar(format, "format", printer.FormatSonar, "the same as -f (the flag's name before every subcommand took -f)")
	baseDir := fs.String("base-dir", ".", "project base `dir`ectory (sonar.projectBaseDir, the repository root): paths are made relative to it and files read from it")
	outFile := fs.String("o", "", "write the report to `file` instead of stdout")
	var prefixes prefixFlag
	fs.Var(&prefixes, "path-prefix", "rewrite paths starting with FROM to start with TO (`FROM=TO`, repeatable), for reports recorded on another machine")
	allowEmpty := fs.Bool("allow-empty", false, "accept an empty input as a report of nothing found")
	allowMissing := fs.Bool("allow-missing", false, "exit 0 when findings are on files missing under -base-dir, which SonarQube would skip (they are still named on stderr)")
	allowIncomplete := fs.Bool("allow-incomplete", false, "exit 0 when an input records an incomplete analysis (it is still named on stderr)")
	if code, ok := parseFlags(fs, sonarUsage, args, stdout, stderr); !ok {
		return code
	}
	known := false
	for _, f := range printer.Formats {
		known = known || *format == f
	}
	if !known {
		fmt.Fprintf(stderr, "riskvet sonar: unknown format %q (want one of %s)\n", *format, strings.Join(printer.Formats, ", "))
		return exitError
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "riskvet sonar: no input; give one or more report files, or - for stdin")
		printSubUsage(stderr, fs, sonarUsage)
		return exitError
	}
	if st, err := os.Stat(*baseDir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "riskvet sonar: -base-dir %s is not a directory\n", *baseDir)
		return exitError
	}

	var reports []*finding.Report
	for _, name := range fs.Args() {
		data, name, err := readInput(stdin, name)
		if err != nil {
			fmt.Fprintf(stderr, "riskvet sonar: %v\n", err)
			return exitError
		}
		if emptyInput(data) && !*allowEmpty {
			return nothingToCheck(stderr, "riskvet sonar", emptyWhy(name))
		}
		r, err := report.Read(name, data)
		if err != nil {
			fmt.Fprintf(stderr, "riskvet sonar: %v\n", err)
			return exitError
		}
		// Errors in an input (a package that did not type-check) are not
		// findings; they are passed on to the reader, not converted.
		for _, e := range r.Errors {
			fmt.Fprintf(stderr, "riskvet sonar: %s: the analysis is incomplete: %s\n", name, e.String())
		}
		reports = append(reports, r)
	}
	merged := report.Merge(reports...)

	opt := report.Options{BaseDir: *baseDir, Prefixes: prefixes, Warn: prefixWriter{stderr, "riskvet sonar: "}}
	placed := report.Place(merged, opt)
	var buf bytes.Buffer
	if err := printer.Write(&buf, *format, placed); err != nil {
		fmt.Fprintf(stderr, "riskvet sonar: %v\n", err)
		return exitError
	}
	if err := writeOutput(*outFile, stdout, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "riskvet sonar: %v\n", err)
		return exitError
	}
	code := incompleteCode("riskvet sonar", merged, *allowIncomplete, stderr)
	if *format == printer.FormatSonar || *format == printer.FormatSonarLegacy {
		code = max(code, missingCode(placed, *baseDir, *allowMissing, stderr))
	}
	return code
}

// missingCode returns exitError, with a line on stderr, when findings of p
// are on files SonarQube would not find under baseDir and so skip without
// a word in the analysis result; the line names -path-prefix when paths
// lie outside baseDir, as those of a report recorded on another machine
// do. allow turns the exit code to exitClean, not the line.
func missingCode(p *report.Placed, baseDir string, allow bool, stderr io.Writer) int {
	paths, outside := p.Unknown()
	if len(paths) == 0 {
		return exitClean
	}
	shown := paths[:min(len(paths), 3)]
	more := ""
	if len(paths) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(paths)-len(shown))
	}
	fmt.Fprintf(stderr, "riskvet sonar: SonarQube would skip the issues on %d %s it cannot find under -base-dir %s: %s%s\n",
		len(paths), plural(len(paths), "file", "files"), baseDir, strings.Join(shown, ", "), more)
	if outside {
		fmt.Fprintf(stderr, "riskvet sonar: for reports recorded on another machine, map their paths onto this checkout with -path-prefix FROM=TO\n")
	}
	if allow {
		return exitClean
	}
	fmt.Fprintf(stderr, "riskvet sonar: exit 2 (-allow-missing exits 0)\n")
	return exitError
}

// incompleteCode returns the exit code of a converter whose input records
// an incomplete analysis: exitError with a closing line on stderr, unless
// allowed; exitClean when the input was complete.
func incompleteCode(cmd string, r *finding.Report, allow bool, stderr io.Writer) int {
	if len(r.Errors) == 0 || allow {
		return exitClean
	}
	fmt.Fprintf(stderr, "%s: the report leaves out what %d %s name; exit 2 (-allow-incomplete exits 0)\n", cmd, len(r.Errors), plural(len(r.Errors), "error", "errors"))
	return exitError
}

// prefixWriter prefixes each write (one warning line) with the command name.
type prefixWriter struct {
	w      io.Writer
	prefix string
}

func (p prefixWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix); err != nil {
		return 0, err
	}
	return p.w.Write(b)
}
