// Package docsection extracts a check's documentation from the package doc
// comment of its doc.go, so that the text is written once and read by `go
// doc`, `go vet help NAME` and riskvet's own help alike. Go analyzers and PHP
// checks share it.
//
// The convention is the one x/tools uses for its passes (whose helper is
// internal and cannot be imported): the package doc has a section
//
//	# KIND NAME
//
// where KIND is "Analyzer" for a Go analyzer and "Check" for a PHP check:
//
//	# Analyzer NAME
//
//	NAME: one-line summary
//
//	Longer text...
//
// and the analyzer's Doc is that section's body without the "NAME:" prefix,
// so that its first line is the summary `go vet help` shows.
package docsection

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the body of the "# kind name" section of the package doc
// comment in src, the source of a doc.go file. The body runs to the next
// top-level heading or the end of the comment; its leading "name:" is removed.
func Extract(src, kind, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package doc comment")
	}
	heading := "# " + kind + " " + name
	lines := strings.Split(f.Doc.Text(), "\n")
	start := -1
	for i, line := range lines {
		if strings.TrimRight(line, " \t") == heading {
			start = i + 1
			break
		}
	}
	if start < 0 {
		return "", fmt.Errorf("package doc has no %q section", heading)
	}
	end := len(lines)
	for i := start; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "# ") {
			end = i
			break
		}
	}
	body := strings.TrimSpace(strings.Join(lines[start:end], "\n"))
	rest, ok := strings.CutPrefix(body, name+":")
	if !ok {
		return "", fmt.Errorf("%q section does not start with %q", heading, name+": summary")
	}
	return strings.TrimSpace(rest), nil
}

// MustExtract is like Extract but panics on error. Checks call it in
// their package initialisation, where a malformed doc.go is a programming
// error that every test run catches at once.
func MustExtract(src, kind, name string) string {
	doc, err := Extract(src, kind, name)
	if err != nil {
		panic(fmt.Sprintf("docsection: %s %s: %v", kind, name, err))
	}
	return doc
}
