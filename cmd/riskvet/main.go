package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/riskvet/riskvet/internal/finding"
)

// Exit codes of every riskvet subcommand (under go vet, vet's own apply).
const (
	exitClean    = 0 // nothing found
	exitFindings = 1 // at least one finding
	exitError    = 2 // usage, I/O or type-check error
)

// subcommands maps the first argument to a subcommand. Anything else goes to
// the Go driver (go vet's -vettool protocol, or the standalone linter).
var subcommands = map[string]func(args []string, stdin io.Reader, stdout, stderr io.Writer) int{
	"php":     runPHP,
	"sonar":   runSonar,
	"matrix":  runMatrix,
	"scan":    runScan,
	"demo":    runDemo,
	"help":    runHelp,
	"vet":     runVet,
	"version": runVersion,
}

func main() {
	// go vet owns the process when it runs riskvet as its -vettool: the
	// unit checker parses os.Args with the flag package, prints vet's own
	// diagnostics and exits with vet's own codes, so it is entered before
	// anything of riskvet's runs and never returns.
	if msg := vettoolMisuse(os.Args[1:]); msg != "" {
		fmt.Fprint(os.Stderr, msg)
		os.Exit(exitError)
	}
	if vettoolMode(os.Args[1:]) {
		runVettool()
	}
	os.Exit(profiled(func() int { return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }))
}

// profiled runs fn, writing a CPU profile of it to the file named by
// $RISKVET_CPUPROFILE when that is set: how the benchmarks in bench/ find
// where a run's time goes (`go tool pprof riskvet FILE`).
func profiled(fn func() int) int {
	name := os.Getenv("RISKVET_CPUPROFILE")
	if name == "" {
		return fn()
	}
	f, err := os.Create(name)
	if err != nil {
		fmt.Fprintf(os.Stderr, "riskvet: %v\n", err)
		return exitError
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "riskvet: %v\n", err)
		return exitError
	}
	defer pprof.StopCPUProfile()
	return fn()
}

// run is riskvet without the process: it returns the exit code instead of
// exiting, so that deferred calls run and tests can call it. Each
// subcommand takes the same four arguments; stdin is what an input named
// "-" reads.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if sub, ok := subcommands[args[0]]; ok {
			return sub(args[1:], stdin, stdout, stderr)
		}
	}
	return runLint(args, stdin, stdout, stderr)
}

// exitCode is the exit code of a finished check: exitError when a file or
// package could not be checked, else exitFindings when anything was found.
func exitCode(rep *finding.Report) int {
	switch {
	case len(rep.Errors) > 0:
		return exitError
	case len(rep.Findings) > 0:
		return exitFindings
	}
	return exitClean
}
