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

// parseFlags parses a subcommand's arguments, flags anywhere on the line
// (parseArgs). -h asks for the usage, which goes to stdout, once, and ends
// the command with exitClean; a bad flag is one line on stderr with a
// pointer to -h, and ends it with exitError. ok reports whether the command
// should go on.
func parseFlags(fs *flag.FlagSet, usage string, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	err := parseArgs(fs, args)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		printSubUsage(stdout, fs, usage)
		return exitClean, false
	default:
		flagError(stderr, fs.Name(), err)
		return exitError, false
	}
}

// parseArgs parses args with fs, taking flags before, between and after
// the positional arguments (riskvet php src -f json), as users write them
// and as the pre-commit hooks append file names; "--" ends the flags, so a
// file named "-x" can still be given. Afterwards fs.Args() holds the
// positional arguments in their order. It prints nothing.
func parseArgs(fs *flag.FlagSet, args []string) error {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	defer func() { fs.SetOutput(out); fs.Usage = usage }()
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	// Parsing "--" and the positionals again leaves the flags as set and
	// makes fs.Args() the positionals.
	return fs.Parse(append([]string{"--"}, pos...))
}

// flagError reports a bad flag in one line, and where the usage is: the
// whole usage text would scroll the error away.
func flagError(stderr io.Writer, cmd string, err error) {
	fmt.Fprintf(stderr, "%s: %v\nrun '%s -h' for usage\n", cmd, err, cmd)
}
