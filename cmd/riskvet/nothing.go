package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/phpcheck"
)

// exitNothing is the exit code of a run that had nothing to check: a
// folder without PHP files, package patterns that match no package, an
// empty input to convert. Exit 0 would read as "checked and clean".
const exitNothing = 3

// nothingToCheck says on stderr why cmd checked nothing and returns
// exitNothing.
func nothingToCheck(stderr io.Writer, cmd, why string) int {
	fmt.Fprintf(stderr, "%s: nothing to check: %s\n", cmd, why)
	return exitNothing
}

// phpNothing returns why a riskvet php run checked nothing, or "" when it
// checked something or said why not (an unreadable path is an error, exit
// 2). A shard may own no file of a small tree, which is not an error.
func phpNothing(rep *finding.Report, cfg phpcheck.Config) string {
	if len(rep.Files) > 0 || len(rep.Errors) > 0 || cfg.Shard.N > 0 {
		return ""
	}
	exts := cfg.Extensions
	if exts == nil {
		exts = phpcheck.DefaultExtensions
	}
	return fmt.Sprintf("no %s files in %s", strings.Join(exts, ", "), strings.Join(cfg.Paths, " "))
}

// symlinkCounter collects the symlinks a PHP walk did not follow, to name
// them on stderr: a file left out without a word would look checked.
type symlinkCounter struct {
	skipped []string
}

// add records one skipped symlink; it is phpcheck.Config.Skipped.
func (c *symlinkCounter) add(path, reason string) {
	c.skipped = append(c.skipped, path+" ("+reason+")")
}

// report writes one line counting the skipped symlinks, naming the first
// few, if there are any.
func (c *symlinkCounter) report(stderr io.Writer, cmd string) {
	if len(c.skipped) == 0 {
		return
	}
	const shown = 3
	names := c.skipped[:min(len(c.skipped), shown)]
	more := ""
	if len(c.skipped) > shown {
		more = fmt.Sprintf(" and %d more", len(c.skipped)-shown)
	}
	fmt.Fprintf(stderr, "%s: %d %s not followed: %s%s\n", cmd, len(c.skipped),
		plural(len(c.skipped), "symlink", "symlinks"), strings.Join(names, ", "), more)
}

// goNothing returns why a standalone Go run checked nothing, or "": no
// package matched the patterns (outside a module, go list only warns).
func goNothing(rep *finding.Report, patterns []string) string {
	if len(rep.Files) > 0 || len(rep.Errors) > 0 {
		return ""
	}
	return "no Go package matches " + strings.Join(patterns, " ")
}

// emptyInput reports whether a converter's input holds nothing but white
// space: a file written by a run that failed before printing, more often
// than a clean one (riskvet's report and go vet -json are never empty).
func emptyInput(data []byte) bool {
	return len(bytes.TrimSpace(data)) == 0
}

// emptyWhy is what a converter says of an empty input.
func emptyWhy(name string) string {
	return name + " is empty (staticcheck -f json prints nothing on clean code: -allow-empty accepts it)"
}
