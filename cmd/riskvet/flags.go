package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlagSet returns the flag set of a subcommand. It prints nothing by
// itself: parseFlags decides where the usage text goes.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// printUsage writes a subcommand's usage text followed by its flags.
func printSubUsage(w io.Writer, fs *flag.FlagSet, usage string) {
	fmt.Fprint(w, usage)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// parseFlags parses a subcommand's arguments. -h asks for the usage, which
// goes to stdout, once, and ends the command with exitClean; a bad flag is
// named on stderr with the usage and ends it with exitError. ok reports
// whether the command should go on.
func parseFlags(fs *flag.FlagSet, usage string, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		printSubUsage(stdout, fs, usage)
		return exitClean, false
	default:
		fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
		printSubUsage(stderr, fs, usage)
		return exitError, false
	}
}
