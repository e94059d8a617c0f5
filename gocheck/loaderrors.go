package gocheck

import (
	"errors"
	"go/scanner"
	"go/types"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/riskvet/riskvet/internal/finding"
)

// posPrefix matches the "file:line:col" or "file:line" that starts a go
// list or type checker message.
var posPrefix = regexp.MustCompile(`^(.+?):(\d+)(?::(\d+))?: `)

// loadErrors converts the errors of a package that failed to load or
// type-check into report errors with the position go vet would print.
// Relative paths in go list's messages are left relative to the directory
// go list ran in.
func loadErrors(errs []error) []finding.Error {
	var out []finding.Error
	for _, err := range errs {
		var perr packages.Error
		var terr types.Error
		var serr scanner.ErrorList
		switch {
		case errors.As(err, &perr) && perr.Pos != "" && perr.Pos != "-":
			file, line, col := splitPos(perr.Pos + ": ")
			out = append(out, finding.Error{File: file, Line: line, Column: col, Message: strings.TrimPrefix(perr.Msg, "\n")})
		case errors.As(err, &perr):
			out = append(out, messageErrors(perr.Msg)...)
		case errors.As(err, &terr):
			p := terr.Fset.Position(terr.Pos)
			out = append(out, finding.Error{File: p.Filename, Line: p.Line, Column: p.Column, Message: terr.Msg})
		case errors.As(err, &serr) && len(serr) > 0:
			for _, e := range serr {
				out = append(out, finding.Error{File: e.Pos.Filename, Line: e.Pos.Line, Column: e.Pos.Column, Message: e.Msg})
			}
		default:
			out = append(out, messageErrors(err.Error())...)
		}
	}
	return out
}

// messageErrors splits the text of a go list or compiler failure, such as
// "# example.com/p\n./p.go:3:13: cannot use ...", into one error per
// positioned line. "# package" headers are dropped; indented continuation
// lines stay with the error above them.
func messageErrors(msg string) []finding.Error {
	var out []finding.Error
	for _, line := range strings.Split(strings.TrimSpace(msg), "\n") {
		switch {
		case strings.HasPrefix(line, "# "):
			continue
		case posPrefix.MatchString(line):
			m := posPrefix.FindString(line)
			file, l, c := splitPos(m)
			out = append(out, finding.Error{File: file, Line: l, Column: c, Message: line[len(m):]})
		case len(out) > 0:
			out[len(out)-1].Message += "\n" + line
		default:
			out = append(out, finding.Error{Message: line})
		}
	}
	return out
}

// splitPos splits a "file:line[:col]: " prefix.
func splitPos(s string) (file string, line, col int) {
	m := posPrefix.FindStringSubmatch(s)
	if m == nil {
		return strings.TrimSuffix(s, ": "), 0, 0
	}
	line, _ = strconv.Atoi(m[2])
	col, _ = strconv.Atoi(m[3])
	return m[1], line, col
}
