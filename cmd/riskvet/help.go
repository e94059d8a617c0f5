package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/riskvet/riskvet/analyzers"
	"github.com/riskvet/riskvet/internal/rules"
)

// usageText heads the standalone usage message; the flags follow it.
const usageText = `usage: riskvet vet [go vet flags] [packages]
       riskvet [flags] packages...
       riskvet help [command|rule]
       riskvet version
       riskvet php|sonar|matrix|scan|demo [flags] [args...]

riskvet measures generics risk in Go and runtime type risk in PHP.

Subcommands:
  vet      go vet with riskvet as its -vettool (riskvet's suite and vet's own)
  help     this text and every rule, or one command's usage or rule's documentation
  version  print riskvet's version
  php      check PHP files (riskvet php -list-checks lists the checks)
  sonar    convert reports to SonarQube generic issues or SARIF
  matrix   write the risk matrix of a report
  scan     check a mixed Go and PHP tree and write every report
  demo     run riskvet on its bundled examples

Flags (standalone Go linter):
`

// exitText ends the usage message.
const exitText = `
Exit codes: 0 nothing found, 1 findings, 2 usage, I/O or type-check error,
3 nothing to check (no package matched). Under go vet, vet's own exit codes
apply, and riskvet runs its own suite and every analyzer of cmd/vet:
` + "`riskvet help vet`" + ` lists the analyzers beyond the installed Go's vet.
`

// printUsage writes the usage message with fs's flags.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageText)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, exitText)
}

// runHelp is `riskvet help [command|rule]`: without an argument it prints
// the usage (commands and the standalone flags) and lists every rule with
// its title and whether it is on by default; with a command it prints that
// command's usage, with a rule that rule's whole entry.
func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		// What go vet promises when it sends users here: every flag and
		// every analyzer, after the commands.
		fs, _ := newGoFlagSet(stderr)
		addSettings(fs, "riskvet")
		printUsage(stdout, fs)
		fmt.Fprintln(stdout, "\nRules:")
		if err := writeRules(stdout, ""); err != nil {
			fmt.Fprintf(stderr, "riskvet: %v\n", err)
			return exitError
		}
		writeVetAnalyzers(stdout)
		fmt.Fprintln(stdout, "\n`riskvet help COMMAND` prints a command's usage and flags, `riskvet help RULE` a rule's description, rationale and examples.")
		fmt.Fprintln(stdout, "`riskvet help vet` lists the analyzers go vet -vettool=riskvet runs beyond the installed Go's vet.")
		return exitClean
	case 1:
		if code, ok := commandHelp(args[0], stdin, stdout, stderr); ok {
			return code
		}
		if !explainRule(stdout, args[0]) {
			fmt.Fprintf(stderr, "riskvet: unknown command or rule %q; `riskvet help` lists them\n", args[0])
			return exitError
		}
		return exitClean
	}
	fmt.Fprintln(stderr, "usage: riskvet help [command|rule]")
	return exitError
}

// explainRule writes the documentation of rule id (-explain, help RULE),
// from the rule registry, or else from the analyzer's own documentation. It
// reports whether the rule exists.
func explainRule(w io.Writer, id string) bool {
	if r, ok := rules.Lookup(id); ok {
		writeRule(w, r)
		return true
	}
	for _, a := range analyzers.Lint() {
		if !strings.EqualFold(a.Analyzer.Name, id) {
			continue
		}
		if a.Doc != nil {
			fmt.Fprintf(w, "%s: %s\n", a.Analyzer.Name, a.Doc.Compile())
		} else {
			fmt.Fprintf(w, "%s: %s\n", a.Analyzer.Name, a.Analyzer.Doc)
		}
		return true
	}
	return false
}

// writeRule writes one registry entry.
func writeRule(w io.Writer, r rules.Rule) {
	def := "off by default"
	if r.Default {
		def = "on by default"
	}
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "Language %s, severity %s, %s", r.Language, r.Severity, def)
	if r.Upstream != "" {
		fmt.Fprintf(w, ", from %s", r.Upstream)
	}
	fmt.Fprint(w, ".\n\n")
	fmt.Fprintln(w, r.Description)
	if r.Rationale != "" {
		fmt.Fprintf(w, "\nWhy: %s\n", r.Rationale)
	}
	if r.Bad != "" {
		fmt.Fprintf(w, "\nBad:\n\n%s\n", indent(r.Bad))
	}
	if r.Good != "" {
		fmt.Fprintf(w, "\nGood:\n\n%s\n", indent(r.Good))
	}
	if len(r.Settings) > 0 {
		fmt.Fprintf(w, "\nSettings (-%s.NAME, or NAME in riskvet.toml's [%s]):\n", r.ID, r.ID)
		for _, s := range r.Settings {
			fmt.Fprintf(w, "\n  %s (default %q)\n%s\n", s.Name, s.Default, indent(wrap(s.Text, 72)))
		}
	}
}

// wrap breaks s into lines of at most width bytes at spaces (a longer
// word gets a line of its own).
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		if n > 0 && n+1+len(word) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// indent indents every line of s by four spaces.
func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
