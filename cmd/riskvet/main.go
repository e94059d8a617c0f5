// Command riskvet measures generics risk in Go and runtime type risk in PHP.
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
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if sub, ok := subcommands[args[0]]; ok {
			return sub(args[1:], stdout, stderr)
		}
	}
	return runGo(args, stdout, stderr)
}
