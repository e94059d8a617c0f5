package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/riskvet/riskvet/analyzers/vettool"
	"github.com/riskvet/riskvet/internal/rules"
	"github.com/riskvet/riskvet/internal/version"
)

// commandHelp prints the usage of the command name, with its flags, as
// `riskvet name -h` does, and reports whether name is a command. The
// standalone Go linter, which has no name of its own, is "lint".
func commandHelp(name string, stdin io.Reader, stdout, stderr io.Writer) (code int, ok bool) {
	var run func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
	switch name {
	case "php":
		run = runPHP
	case "sonar":
		run = runSonar
	case "matrix":
		run = runMatrix
	case "scan":
		run = runScan
	case "demo":
		run = runDemo
	case "vet":
		// The usage of riskvet vet, then what the vettool runs beyond
		// the installed Go's vet.
		fmt.Fprint(stdout, vetUsage, "\n")
		if err := writeVetHelp(stdout); err != nil {
			fmt.Fprintf(stderr, "riskvet help vet: %v\n", err)
			return exitError, true
		}
		return exitClean, true
	case "lint":
		run = runLint
	case "version":
		fmt.Fprint(stdout, versionUsage)
		return exitClean, true
	case "help":
		fmt.Fprint(stdout, helpUsage)
		return exitClean, true
	default:
		return 0, false
	}
	return run([]string{"-h"}, stdin, stdout, stderr), true
}

const helpUsage = `usage: riskvet help [command|rule]

Without an argument: riskvet's commands, the standalone Go linter's flags
and every rule. With a command (vet, lint, php, scan, sonar, matrix, demo,
version, help): its usage and flags, as "riskvet COMMAND -h". With a rule:
its description, rationale and examples, as "riskvet -explain RULE".
`

const versionUsage = `usage: riskvet version

Print riskvet's version, the Go version it was built with, and the platform.
The same as riskvet -version.
`

// runVersion is `riskvet version`.
func runVersion(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			fmt.Fprint(stdout, versionUsage)
			return exitClean
		}
		fmt.Fprintf(stderr, "riskvet version: takes no arguments\nrun 'riskvet version -h' for usage\n")
		return exitError
	}
	printVersion(stdout)
	return exitClean
}

// printVersion writes riskvet's version line: its module version (devel
// for a build from a checkout), the Go version and the platform.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "riskvet %s (%s %s/%s)\n", version.String(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// writeVetAnalyzers lists the analyzers riskvet runs under go vet, whose
// names are vet flags: the list go vet's own help promises is here.
func writeVetAnalyzers(w io.Writer) {
	fmt.Fprintln(w, "\nAnalyzers under riskvet vet and go vet -vettool (-NAME runs only the named ones, -NAME=false leaves one out):")
	var line strings.Builder
	for _, a := range vettool.Analyzers() {
		if line.Len() > 0 && line.Len()+1+len(a.Name) > 78 {
			fmt.Fprintln(w, line.String())
			line.Reset()
		}
		if line.Len() == 0 {
			line.WriteString(" ")
		}
		line.WriteString(" " + a.Name)
	}
	fmt.Fprintln(w, line.String())
}

// writeRules writes the table of the registry's rules of a language ("":
// all) with their language, default and title: riskvet help, and the
// -list-checks of the commands that take -checks.
func writeRules(w io.Writer, language string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tLANGUAGE\tDEFAULT\tTITLE")
	for _, r := range rules.All() {
		if language != "" && r.Language != language {
			continue
		}
		def := "off"
		if r.Default {
			def = "on"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Language, def, r.Title)
	}
	return tw.Flush()
}
