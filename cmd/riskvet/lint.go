package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/gocheck"
	"github.com/riskvet/riskvet/internal/checkout"
)

// goFlags are the standalone Go linter's flags.
type goFlags struct {
	format    string
	checks    string
	explain   string
	tags      string
	goVersion string
	tests     bool
	version   bool
	// listChecks asks for the table of the Go rules.
	listChecks bool
}

// newGoFlagSet returns the standalone flag set. It also registers every
// analyzer flag as "analyzer.flag" (-genericdepth.max), the names the unit
// checker gives them under go vet, so that a threshold reads and works the
// same in both modes. Analyzer flags are package-level state, so they are
// first reset to their defaults: a previous run in the same process (a
// test) must not leak its thresholds into this one.
func newGoFlagSet(stderr io.Writer) (*flag.FlagSet, *goFlags) {
	fs := flag.NewFlagSet("riskvet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var g goFlags
	fs.StringVar(&g.format, "f", "text", "output `format`: "+formatList)
	fs.StringVar(&g.checks, "checks", "inherit", "comma-separated `list` of checks to run, as staticcheck's (all,-nilness)")
	fs.StringVar(&g.explain, "explain", "", "print the documentation of `rule` and exit")
	fs.StringVar(&g.tags, "tags", "", "comma-separated list of build `tags`")
	fs.StringVar(&g.goVersion, "go", "module", "target Go `version` (1.22), or \"module\" for each module's go line")
	fs.BoolVar(&g.tests, "tests", true, "include test files")
	fs.BoolVar(&g.version, "version", false, "print the version and exit")
	fs.BoolVar(&g.listChecks, "list-checks", false, "list the Go checks, with their default and title, and exit")
	for _, a := range analyzers.Suite {
		a.Flags.VisitAll(func(f *flag.Flag) {
			_ = f.Value.Set(f.DefValue)
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() { printUsage(stderr, fs) }
	return fs, &g
}

// runLint is the standalone Go linter: `riskvet [flags] packages...`.
func runLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	start := time.Now()
	fs, g := newGoFlagSet(stderr)
	st := addSettings(fs, "riskvet")
	if err := parseArgs(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout, fs)
			return exitClean
		}
		flagError(stderr, "riskvet", err)
		return exitError
	}
	switch {
	case g.version:
		printVersion(stdout)
		return exitClean
	case g.listChecks:
		if err := writeRules(stdout, "go"); err != nil {
			fmt.Fprintf(stderr, "riskvet: %v\n", err)
			return exitError
		}
		return exitClean
	case g.explain != "":
		if !explainRule(stdout, g.explain) {
			fmt.Fprintf(stderr, "riskvet: unknown rule %q; `riskvet help` lists them\n", g.explain)
			return exitError
		}
		return exitClean
	case fs.NArg() == 0:
		printUsage(stderr, fs)
		return exitError
	}
	if !slices.Contains(reportFormats, g.format) {
		fmt.Fprintf(stderr, "riskvet: unknown format %q (want %s)\n", g.format, formatList)
		return exitError
	}
	checks, err := gocheck.ParseChecks(g.checks)
	if err != nil {
		fmt.Fprintf(stderr, "riskvet: %v\n", err)
		return exitError
	}
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "riskvet: %v\n", err)
		return exitError
	}
	if err := st.load(dir); err != nil {
		fmt.Fprintf(stderr, "riskvet: %v\n", err)
		return exitError
	}
	if err := applySettings(st.cfg, st.set, false); err != nil {
		fmt.Fprintf(stderr, "riskvet: %v\n", err)
		return exitError
	}
	off, offID := st.goOff()
	lines := lineCache(g.format)
	rep, err := gocheck.Run(gocheck.Config{
		Dir:       dir,
		Patterns:  fs.Args(),
		Checks:    checks,
		Tests:     g.tests,
		Tags:      g.tags,
		GoVersion: g.goVersion,
		Warn:      stderr,
		Off:       off,
		OffID:     offID,
		Lines:     lines,
	})
	if err != nil {
		fmt.Fprintf(stderr, "riskvet: %v\n", err)
		return exitError
	}
	if why := goNothing(rep, fs.Args()); why != "" {
		return nothingToCheck(stderr, "riskvet", why)
	}
	// Packages that do not load or type-check are reported as go vet
	// reports them, on stderr, whatever the format.
	for _, e := range rep.Errors {
		fmt.Fprintln(stderr, e.String())
	}
	st.unlistExcluded(rep, dir)
	if err := st.applyBaseline(rep, dir, stderr); err != nil {
		fmt.Fprintf(stderr, "riskvet: %v\n", err)
		return exitError
	}
	if g.format == "json" {
		// Only riskvet's own report has a place for the commit.
		rep.Commit, rep.Date = checkout.Commit(dir)
	}
	if err := writeReport(stdout, g.format, rep, dir, lines, stderr); err != nil {
		fmt.Fprintf(stderr, "riskvet: %v\n", err)
		return exitError
	}
	st.summarize(stderr, rep, start)
	return exitCode(rep)
}
