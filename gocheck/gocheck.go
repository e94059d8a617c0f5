// Package gocheck is riskvet's standalone Go driver: it runs the suite of
// [analyzers.Lint] on staticcheck's runner (honnef.co/go/tools/lintcmd/runner)
// and returns the findings as a [finding.Report]. The runner analyzes one
// package at a time and keeps results in an on-disk cache rather than in
// memory, which keeps `riskvet std` far below a go/packages multichecker,
// which holds every package's syntax and types at once.
//
// The checks in force for a package are riskvet's defaults (every check but
// those off by default), then its staticcheck.conf files, then
// [Config.Checks], as staticcheck combines them; findings are suppressed by
// staticcheck's //lint:ignore and //lint:file-ignore directives, and a
// directive without a reason, or one that suppresses nothing, is itself
// reported as lintdirective. singleinst counts instantiations across the
// whole module. Packages that fail to load or type-check are returned in
// [finding.Report].Errors with the position go vet would print.
//
// Under go vet, the same analyzers run through the unit checker instead
// (cmd/riskvet's vettool mode); [Suppresses] is shared by both.
package gocheck

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/analysis/report"
	"honnef.co/go/tools/config"
	"honnef.co/go/tools/go/loader"
	"honnef.co/go/tools/lintcmd/cache"
	"honnef.co/go/tools/lintcmd/runner"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/analyzers/singleinst"
	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/position"
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/internal/version"
)

// Config configures one run.
type Config struct {
	// Dir is the directory patterns are resolved in and report paths are
	// relative to; empty means the current directory.
	Dir      string
	Patterns []string
	// Checks is staticcheck's -checks list ("all,-nilness"); nil means
	// "inherit": the defaults, or a staticcheck.conf.
	Checks []string
	// Tests includes the packages' test files.
	Tests bool
	// Tags are build tags, comma-separated.
	Tags string
	// GoVersion is the targeted Go version ("go1.22"), or "module".
	GoVersion string
	// Warn receives the warnings of a run that goes on: patterns that
	// match nothing, packages too large to analyze. nil discards them.
	Warn io.Writer
	// Off, when set, reports whether riskvet.toml drops the findings of
	// check in the file at path (absolute): the file is excluded, or the
	// check is off there. It is applied as findings are reported, as
	// under go vet ([PerPath]): an analyzer's diagnostic in such a file
	// is dropped by its pass, an analyzer for which Off holds in every
	// file of a package does not run on it, and the findings the driver
	// makes itself (singleinst's module-wide ones, lintdirective) are
	// dropped as they are made. OffID identifies Off's answers (the
	// configuration's hash): the result cache is keyed by it, so that a
	// changed setting never replays a package's findings.
	Off   func(path, check string) bool
	OffID string
	// Lines, when set, receives the lines of each finding's file, which
	// the run reads to count its lines, so that the placement of the
	// findings (report.Options.Lines) does not read the file again.
	Lines *position.Cache
}

// memoryLimit is the standalone Go linter's default soft heap limit.
const memoryLimit = 512 << 20

// Run runs the suite on the packages matching cfg.Patterns, with the
// analyzers' current flag values. Report paths are relative to cfg.Dir;
// Files lists every analyzed Go file of the module with its line count, for
// the risk matrix. Packages that fail to load or type-check are returned in
// Report.Errors, not as an error.
func Run(cfg Config) (*finding.Report, error) {
	warn := cfg.Warn
	if warn == nil {
		warn = io.Discard
	}
	dir, err := filepath.Abs(cmp.Or(cfg.Dir, "."))
	if err != nil {
		return nil, err
	}
	// The SSA and IR forms built for the packages analyzed in parallel are
	// large and short-lived; a soft heap limit has the collector reclaim
	// them before the heap doubles: on std, a lower peak at no measurable
	// cost in time (bench/go.sh standalone). GOMEMLIMIT, when set, wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	}
	// The whole module is loaded: singleinst can count the instantiations
	// of its internal packages' generics in every package (moduleFindings).
	singleinst.ModuleScope = true
	suite := analyzers.Lint()
	byName := map[string]*lint.Analyzer{}
	names := make([]string, 0, len(suite))
	// The runner names a diagnostic by its Category, or by its analyzer
	// when that is empty; the suite's analyzers leave it empty (or equal
	// to their name), so every diagnostic is named by its check.
	as := make([]*analysis.Analyzer, len(suite))
	for i, a := range suite {
		byName[strings.ToLower(a.Analyzer.Name)] = a
		names = append(names, strings.ToLower(a.Analyzer.Name))
		as[i] = a.Analyzer
	}
	off := cfg.Off
	if off == nil {
		off = func(string, string) bool { return false }
	} else {
		as = PerPath(as, off, displayFile)
	}

	c, err := openCache()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	salt, err := cacheSalt(cfg.OffID)
	if err != nil {
		return nil, err
	}
	// The runner's hashes take a salt only from this package variable of
	// staticcheck's cache; a run sets it before the runner hashes anything.
	cache.SetSalt(salt)

	// The runner always runs every analyzer and leaves choosing checks to
	// its caller (collect, with checksFor), so it needs no checks list.
	r, err := runner.New(config.Config{}, c)
	if err != nil {
		return nil, err
	}
	r.GoVersion = cmp.Or(cfg.GoVersion, "module")
	pcfg := &packages.Config{Dir: dir, Tests: cfg.Tests, Env: os.Environ()}
	if cfg.Tags != "" {
		pcfg.BuildFlags = []string{"-tags", cfg.Tags}
	}
	results, err := r.Run(pcfg, as, cfg.Patterns)
	if err != nil {
		return nil, err
	}
	if len(results) == 0 {
		for _, p := range cfg.Patterns {
			fmt.Fprintf(warn, "riskvet: warning: %q matched no packages\n", p)
		}
	}

	rep := &finding.Report{Tool: finding.Tool{Name: "riskvet", Version: version.String()}, Root: filepath.ToSlash(dir)}
	checks := newChecksFor(suite, cfg.Checks)
	diags, checked, err := collect(results, names, checks, off, rep, warn)
	if err != nil {
		return nil, err
	}
	diags = moduleFindings(diags, off)
	at := map[string][]int{} // the lines of each file's findings
	for _, d := range diags {
		at[d.Position.Filename] = append(at[d.Position.Filename], d.Position.Line)
		if d.End.Filename == d.Position.Filename {
			at[d.Position.Filename] = append(at[d.Position.Filename], d.End.Line)
		}
		rep.Findings = append(rep.Findings, toFinding(dir, d, byName))
	}
	for _, f := range checked {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		lines := position.NewFile(src)
		rep.Files = append(rep.Files, finding.FileStat{Path: relPath(dir, f), Language: finding.Go, Lines: lines.CodeLines()})
		if ls, ok := at[f]; ok {
			cfg.Lines.Add(f, lines, ls)
		}
	}
	for i, e := range rep.Errors {
		if e.File == "" {
			continue
		}
		if !filepath.IsAbs(e.File) {
			e.File = filepath.Join(dir, e.File)
		}
		rep.Errors[i].File = relPath(dir, e.File)
	}
	rep.Normalize()
	rep.Errors = slices.Compact(rep.Errors)
	return rep, nil
}

// collect gathers the wanted diagnostics of the initial packages, and the Go
// files they were found in; load and type errors go to rep.Errors. A
// diagnostic is wanted when its check is enabled for its package (checks:
// the defaults, staticcheck.conf, -checks) and no //lint:ignore directive
// suppresses it. off (Config.Off) was applied as the analyzers reported;
// applyIgnores applies it to the lintdirective findings it makes.
func collect(results []runner.Result, names []string, checks *checksFor, off func(path, check string) bool, rep *finding.Report, warn io.Writer) ([]runner.Diagnostic, []string, error) {
	type key struct {
		pos, end          token.Position
		category, message string
	}
	seen := map[key]bool{}
	checked := map[string]bool{}
	var diags []runner.Diagnostic
	for _, res := range results {
		switch {
		case res.Failed:
			rep.Errors = append(rep.Errors, loadErrors(res.Errors)...)
			continue
		case res.Skipped:
			fmt.Fprintf(warn, "riskvet: warning: skipped package %s because it is too large\n", res.Package)
			continue
		case !res.Initial:
			continue // a dependency, analyzed for its facts only
		}
		for _, f := range res.Package.GoFiles {
			if ownFile(res.Package, f) {
				checked[f] = true
			}
		}
		data, err := res.Load()
		if err != nil {
			return nil, nil, err
		}
		enabled := enabledChecks(names, checks.of(res.Package))
		var kept []runner.Diagnostic
		for _, d := range data.Diagnostics {
			if isEnabled(enabled, names, d.Category) {
				kept = append(kept, d)
			}
		}
		// A file is in several packages when tests are included (p and
		// p [p.test]); report its findings once.
		for _, d := range applyIgnores(kept, data.Directives, enabled, off) {
			k := key{d.Position, d.End, d.Category, d.Message}
			if !seen[k] {
				seen[k] = true
				diags = append(diags, d)
			}
		}
	}
	files := slices.Sorted(maps.Keys(checked))
	return diags, files, nil
}

// ownFile reports whether file is one of the module's own source files
// rather than one the go command wrote: the main package `go test` generates
// for a test binary lives in the build cache. A package without a module
// (the standard library, GOPATH) keeps every file.
func ownFile(p *loader.PackageSpec, file string) bool {
	if strings.HasSuffix(p.PkgPath, ".test") {
		return false // the generated test main
	}
	if p.Module == nil || p.Module.Dir == "" {
		return true
	}
	rel, err := filepath.Rel(p.Module.Dir, file)
	return err == nil && filepath.IsLocal(rel)
}

// toFinding converts one of the runner's diagnostics, its category being
// the rule, with its path relative to dir.
func toFinding(dir string, d runner.Diagnostic, byName map[string]*lint.Analyzer) finding.Finding {
	f := finding.Finding{
		Rule:     d.Category,
		Engine:   "riskvet",
		Language: finding.Go,
		File:     relPath(dir, d.Position.Filename),
		Line:     d.Position.Line,
		Column:   d.Position.Column,
		Message:  d.Message,
	}
	if d.End.IsValid() && d.End.Filename == d.Position.Filename && d.End != d.Position {
		f.EndLine, f.EndColumn = d.End.Line, d.End.Column
	}
	if r, ok := rules.Lookup(d.Category); ok {
		f.Severity = r.Severity
	} else if a := byName[strings.ToLower(d.Category)]; a != nil && a.Doc != nil {
		f.Severity = severityName(a.Doc.Severity)
	}
	return f
}

// displayFile is the file the runner names a diagnostic at pos by
// (report.DisplayPosition: a //line directive's file when it is a Go file),
// so that Config.Off judges the file the finding is reported in.
func displayFile(fset *token.FileSet, pos token.Pos) string {
	return report.DisplayPosition(fset, pos).Filename
}

// relPath returns path relative to dir with forward slashes when it lies
// inside dir, and the absolute path otherwise (a file of the standard
// library or of another module).
func relPath(dir, path string) string {
	if rel, err := filepath.Rel(dir, path); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

// severityName maps staticcheck's documented severities to riskvet's.
func severityName(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityInfo, lint.SeverityHint:
		return "info"
	default:
		return "warning"
	}
}
