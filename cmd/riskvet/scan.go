package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/matrix"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
	"github.com/riskvet/riskvet/scan"
)

const scanUsage = `usage: riskvet scan [-o DIR] [DIR]

Check a project, Go and PHP together, and write every report. DIR (default
the current directory) is the project root. The Go analyzers run on ./... of
every Go module under DIR (each directory with a go.mod, skipping vendor,
testdata, node_modules and names starting with "." or "_"); the PHP checker
runs on every .php file under DIR (skipping vendor, node_modules and .git).

The findings are printed as file:line:col: rule: message, paths relative to
DIR, followed by the risk matrix table. The output directory receives:

	findings.json     riskvet's JSON report (input of riskvet sonar and matrix)
	sonar.json        SonarQube generic issues (10.3 and later), paths relative to DIR
	results.sarif     SARIF 2.1.0 for GitHub code scanning
	codeclimate.json  GitLab Code Quality (artifacts:reports:codequality)
	checkstyle.xml    Checkstyle XML for Jenkins warnings-ng and reviewdog
	matrix.html       the risk matrix charts; open it in a browser

findings.json records the commit checked (the HEAD of the git repository
holding DIR, and its commit date), so that riskvet matrix can draw the
trend of several scans, and the Go modules and Composer packages under DIR,
the components of the matrix.

riskvet.toml in DIR or a parent up to the repository root applies (see
riskvet php -h); -baseline, -baseline-write and the PHP checks' flags
(-nullderef.strict) work as in riskvet php.

Exit codes: 0 nothing found, 1 findings, 2 usage or I/O error, or a Go
package or PHP file that could not be checked (listed on stderr; the
reports are still written and record it: findings.json's errors, SARIF's
invocations[0].executionSuccessful=false with a notification per error,
and a list at the top of the matrix), 3 nothing to check (no Go module and
no PHP file under DIR; no report is written).

Flags:
`

// runScan is `riskvet scan`.
func runScan(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("riskvet scan")
	outDir := fs.String("o", "riskvet-report", "write the reports to `dir`ectory")
	st := addSettings(fs, "riskvet scan")
	addCheckFlags(fs)
	if code, ok := parseFlags(fs, scanUsage, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "riskvet scan: give at most one directory")
		printSubUsage(stderr, fs, scanUsage)
		return exitError
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	_, code := scanProject(dir, *outDir, st, stdout, stderr)
	return code
}

// scanProject checks the project in dir with the settings of riskvet
// scan's flags (nil: none set, so the riskvet.toml that applies to dir and
// no baseline), writes the reports to outDir and prints the findings and
// the matrix. It returns the merged report (nil when nothing could run) and
// the exit code.
func scanProject(dir, outDir string, st *settings, stdout, stderr io.Writer) (*finding.Report, int) {
	if st == nil {
		fs := flag.NewFlagSet("riskvet scan", flag.ContinueOnError)
		st = addSettings(fs, "riskvet scan")
		addCheckFlags(fs)
	}
	root, err := filepath.Abs(dir)
	if err == nil {
		var st os.FileInfo
		if st, err = os.Stat(root); err == nil && !st.IsDir() {
			err = fmt.Errorf("%s is not a directory", dir)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return nil, exitError
	}
	if err := st.load(root); err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return nil, exitError
	}
	resetAnalyzerFlags()
	// Before anything runs: a bad PHP setting is a usage error.
	phpCfg := phpcheck.Config{Checkers: checks.All, Paths: []string{root}, Root: root}
	if err := st.applyPHP(&phpCfg, root); err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return nil, exitError
	}
	// The meter's clock starts when the PHP run starts it, after the Go
	// modules are checked.
	meter := st.meter(stderr)
	if meter != nil {
		phpCfg.Progress = meter
	}
	var links symlinkCounter
	phpCfg.Skipped = links.add
	goOff, goOffID := st.goOff()
	lines := position.NewCache()
	merged := scan.Run(scan.Config{Root: root, PHP: phpCfg, Warn: stderr, GoOff: goOff, GoOffID: goOffID, Lines: lines})
	meter.Close()
	links.report(stderr, "riskvet scan")
	if len(merged.Files) == 0 && len(merged.Errors) == 0 {
		return merged, nothingToCheck(stderr, "riskvet scan", "no Go module and no PHP file in "+dir)
	}
	st.unlistExcluded(merged, root)
	if err := st.applyBaseline(merged, root, stderr); err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return merged, exitError
	}
	failed := false
	for _, e := range merged.Errors {
		fmt.Fprintf(stderr, "riskvet scan: %s\n", e.String())
		failed = true
	}

	if err := scan.WriteReports(outDir, merged, lines, prefixWriter{stderr, "riskvet scan: "}); err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return merged, exitError
	}
	if err := writeText(stdout, merged); err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return merged, exitError
	}
	if len(merged.Findings) > 0 {
		fmt.Fprintln(stdout)
	}
	if err := matrix.WriteText(stdout, matrix.New(merged)); err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return merged, exitError
	}
	fmt.Fprintf(stdout, "\nreports in %s: %s\n", outDir, strings.Join(scan.Reports, ", "))

	switch {
	case failed:
		return merged, exitError
	case len(merged.Findings) > 0:
		return merged, exitFindings
	}
	return merged, exitClean
}
