// Package scan checks a project, Go and PHP together, and writes every
// report of it: riskvet scan without its command line. Run finds the Go
// modules under the project root and runs the Go suite on each
// ([gocheck.Run]), runs the PHP checks ([phpcheck.Run]), moves every path to
// be relative to the root and merges the findings into one report, which
// [WriteReports] writes in each format.
package scan

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/riskvet/riskvet/gocheck"
	"github.com/riskvet/riskvet/internal/checkout"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/version"
	"github.com/riskvet/riskvet/matrix"
	"github.com/riskvet/riskvet/phpcheck"
	"github.com/riskvet/riskvet/printer"
	"github.com/riskvet/riskvet/report"
)

// Config configures a scan.
type Config struct {
	// Root is the project's directory, an absolute path. Every Go module
	// under it (checkout.Components) is checked on ./..., tests included.
	Root string
	// PHP configures the PHP run, with its paths, root, checks, progress
	// and skipped symlinks.
	PHP phpcheck.Config
	// Warn receives the Go driver's warnings (gocheck.Config.Warn).
	Warn io.Writer
	// GoOff and GoOffID are riskvet.toml's per-path settings for the Go
	// runs (gocheck.Config Off and OffID).
	GoOff   func(path, check string) bool
	GoOffID string
	// Lines, when set, receives the lines of the findings' files from the
	// Go and PHP runs, which hold them, for WriteReports' placement; it
	// overrides PHP.Lines.
	Lines *position.Cache
}

// Run checks the project and returns the merged report, its paths relative
// to cfg.Root, with the components of the project and the commit checked.
// A driver that fails as a whole (go list could not run, the PHP walk
// failed) is recorded in the report's errors like a type error, so that
// every report written from it says the analysis is incomplete.
func Run(cfg Config) *finding.Report {
	root := cfg.Root
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
		r, err := gocheck.Run(gocheck.Config{
			Dir:      filepath.Join(root, filepath.FromSlash(mod)),
			Patterns: []string{"./..."},
			Tests:    true,
			Warn:     cfg.Warn,
			Off:      cfg.GoOff,
			OffID:    cfg.GoOffID,
			Lines:    cfg.Lines,
		})
		if err != nil {
			runErrors = append(runErrors, finding.Error{File: modFile(mod), Message: "go: " + err.Error()})
		}
		if r != nil {
			rebase(r, mod)
			r.Root = root
		}
		add(r)
	}
	php := cfg.PHP
	php.Lines = cfg.Lines
	r, err := phpcheck.Run(php)
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
	return merged
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
		if p == "" || report.IsAbsPath(p) {
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

// Reports names the files WriteReports writes, in the order it writes them.
var Reports = []string{"findings.json", "sonar.json", "results.sarif", "codeclimate.json", "checkstyle.xml", "matrix.html"}

// WriteReports writes every report of Reports into outDir, creating it.
// The findings are placed once for all of them: each file comes from
// lines, the line cache the run filled (Config.Lines), or is read once.
// Each is rendered in memory first, so a writer error leaves no
// half-written file. The placement's warnings (a finding moved to fit its
// file) go to warn.
func WriteReports(outDir string, r *finding.Report, lines *position.Cache, warn io.Writer) error {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	p := report.Place(r, report.Options{BaseDir: r.Root, Lines: lines, Warn: warn})
	writers := map[string]func(io.Writer) error{
		"findings.json":    func(w io.Writer) error { return report.WriteJSON(w, r) },
		"sonar.json":       func(w io.Writer) error { return printer.WriteSonar(w, p) },
		"results.sarif":    func(w io.Writer) error { return printer.WriteSARIF(w, p) },
		"codeclimate.json": func(w io.Writer) error { return printer.WriteCodeClimate(w, p) },
		"checkstyle.xml":   func(w io.Writer) error { return printer.WriteCheckstyle(w, p) },
		"matrix.html":      func(w io.Writer) error { return matrix.WriteHTML(w, matrix.New(r)) },
	}
	for _, name := range Reports {
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
