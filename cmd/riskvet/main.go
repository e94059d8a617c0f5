package main

import (
	"io"
	"os"
)

// subcommands maps the first argument to a subcommand. Anything else goes to
// the Go driver (go vet's -vettool protocol, or the standalone linter).
var subcommands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"php":    runPHP,
	"sonar":  runSonar,
	"matrix": runMatrix,
	"scan":   runScan,
	"demo":   runDemo,
	"help":   runHelp,
}

func main() {
	// go vet owns the process when it runs riskvet as its -vettool: the
	// unit checker parses os.Args with the flag package, prints vet's own
	// diagnostics and exits with vet's own codes, so it is entered before
	// anything of riskvet's runs and never returns.
	if vettoolMode(os.Args[1:]) {
		runVettool()
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is riskvet without the process: it returns the exit code instead of
// exiting, so that deferred calls run and tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if sub, ok := subcommands[args[0]]; ok {
			return sub(args[1:], stdout, stderr)
		}
	}
	return runGo(args, stdout, stderr)
}
