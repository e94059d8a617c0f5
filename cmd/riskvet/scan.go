package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/riskvet/riskvet/internal/checkout"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/version"
	"github.com/riskvet/riskvet/matrix"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/phpcheck/checks"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
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

// scanReports names the files scan writes, in the order it writes them.
var scanReports = []string{"findings.json", "sonar.json", "results.sarif", "codeclimate.json", "checkstyle.xml", "matrix.html"}

// runScan is `riskvet scan`.
func runScan(args []string, stdout, stderr io.Writer) int {
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
	_, code := scanWith(dir, *outDir, st, stdout, stderr)
	return code
}

// scan checks the project in dir, writes the reports to outDir and prints
// the findings and the matrix. It returns the merged report (nil when
// nothing could run) and the exit code.
func scan(dir, outDir string, stdout, stderr io.Writer) (*finding.Report, int) {
	return scanWith(dir, outDir, nil, stdout, stderr)
}

// scanWith is scan with the settings of riskvet scan's flags; nil means
// none set: the riskvet.toml that applies to dir, no baseline.
func scanWith(dir, outDir string, st *settings, stdout, stderr io.Writer) (*finding.Report, int) {
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

	failed := false
	// runErrors are failures of a whole driver (go list could not run, the
	// PHP walk failed): they go into the report like a type error, so
	// that every report written says the analysis is incomplete.
	var runErrors []finding.Error
	var reports []*finding.Report
	add := func(r *finding.Report) {
		if r == nil {
			return
		}
		// Both drivers give paths relative to root; saying so lets the
		// Sonar and SARIF writers find the files to convert columns.
		if r.Root == "" {
			r.Root = root
		}
		reports = append(reports, r)
	}
	comps := checkout.Components(root)
	for _, c := range comps {
		if c.Kind != finding.GoModule {
			continue
		}
		mod := c.Path
		r, err := goFindings(filepath.Join(root, filepath.FromSlash(mod)), []string{"./..."}, stderr)
		if err != nil {
			runErrors = append(runErrors, finding.Error{File: modFile(mod), Message: "go: " + err.Error()})
		}
		if r != nil {
			rebase(r, mod)
			r.Root = root
		}
		add(r)
	}
	meter := st.meter(stderr)
	if meter != nil {
		phpCfg.Progress = meter
	}
	var links symlinkCounter
	phpCfg.Skipped = links.add
	r, err := phpcheck.Run(phpCfg)
	meter.Close()
	links.report(stderr, "riskvet scan")
	if err != nil {
		runErrors = append(runErrors, finding.Error{Message: "php: " + err.Error()})
	}
	add(r)
	add(&finding.Report{Errors: runErrors})

	merged := report.Merge(reports...)
	merged.Tool = finding.Tool{Name: "riskvet", Version: version.String()}
	merged.Root = root
	merged.Components = comps
	merged.Commit, merged.Date = checkout.Commit(root)
	merged.Normalize()
	if len(merged.Files) == 0 && len(merged.Errors) == 0 {
		return merged, nothingToCheck(stderr, "riskvet scan", "no Go module and no PHP file in "+dir)
	}
	st.filter(merged, root)
	if err := st.applyBaseline(merged, root, stderr); err != nil {
		fmt.Fprintf(stderr, "riskvet scan: %v\n", err)
		return merged, exitError
	}
	for _, e := range merged.Errors {
		fmt.Fprintf(stderr, "riskvet scan: %s\n", e.String())
		failed = true
	}

	if err := writeScanReports(outDir, merged, stderr); err != nil {
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
	fmt.Fprintf(stdout, "\nreports in %s: ", outDir)
	for i, name := range scanReports {
		if i > 0 {
			fmt.Fprint(stdout, ", ")
		}
		fmt.Fprint(stdout, name)
	}
	fmt.Fprintln(stdout)

	switch {
	case failed:
		return merged, exitError
	case len(merged.Findings) > 0:
		return merged, exitFindings
	}
	return merged, exitClean
}

// modFile names a module's go.mod, relative to the scanned root, for an
// error of the whole module.
func modFile(mod string) string {
	return path.Join(mod, "go.mod")
}

// rebase prefixes the relative paths of r, a report of the module in the
// directory mod under the scanned root, with mod, so that every path of the
// merged report is relative to the root.
func rebase(r *finding.Report, mod string) {
	if mod == "." {
		return
	}
	fix := func(p string) string {
		if p == "" || filepath.IsAbs(p) || strings.HasPrefix(p, "/") {
			return p
		}
		return path.Join(mod, p)
	}
	for i := range r.Files {
		r.Files[i].Path = fix(r.Files[i].Path)
	}
	for i := range r.Findings {
		r.Findings[i].File = fix(r.Findings[i].File)
	}
	for i := range r.Errors {
		r.Errors[i].File = fix(r.Errors[i].File)
	}
}

// writeScanReports writes every report of scanReports into outDir. The
// findings are placed once for all of them (each file read once). Each is
// rendered in memory first, so a writer error leaves no half-written file.
func writeScanReports(outDir string, r *finding.Report, stderr io.Writer) error {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	p := report.Place(r, report.Options{BaseDir: r.Root, Warn: prefixWriter{stderr, "riskvet scan: "}})
	writers := map[string]func(io.Writer) error{
		"findings.json":    func(w io.Writer) error { return report.WriteJSON(w, r) },
		"sonar.json":       func(w io.Writer) error { return printer.WriteSonar(w, p) },
		"results.sarif":    func(w io.Writer) error { return printer.WriteSARIF(w, p) },
		"codeclimate.json": func(w io.Writer) error { return printer.WriteCodeClimate(w, p) },
		"checkstyle.xml":   func(w io.Writer) error { return printer.WriteCheckstyle(w, p) },
		"matrix.html":      func(w io.Writer) error { return matrix.WriteHTML(w, matrix.New(r)) },
	}
	for _, name := range scanReports {
		var buf bytes.Buffer
		if err := writers[name](&buf); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(outDir, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
