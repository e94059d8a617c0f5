package printer

import (
	"cmp"
	"encoding/xml"
	"github.com/riskvet/riskvet/report"
	"io"
	"slices"
)

// Checkstyle XML, as Checkstyle's XMLLogger writes it and as Jenkins
// warnings-ng and reviewdog (-f=checkstyle) read it: a checkstyle element
// holding one file element per file, each holding an error element per
// finding with line, column, severity, message and source attributes.

type csReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []csFile `xml:"file"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// checkstyleVersion is the version attribute written: the format of
// Checkstyle 4.3, which every reader of the format accepts.
const checkstyleVersion = "4.3"

// WriteCheckstyle writes a placed report as Checkstyle XML: one file element per file,
// in path order, paths relative to [report.Options.BaseDir], and one error
// element per finding, in position order.
//
// Lines are 1-based; a finding on a whole file is placed on line 1, where
// reviewdog and Jenkins can show it. Columns are the findings' own 1-based
// byte columns, as golangci-lint's checkstyle output and reviewdog count
// them; a finding on a whole line has none. The severity is the finding's
// or its rule's (error, warning or info). The source is the rule ID, with
// the tool's name in front for a foreign tool's rule ("govet.printf").
//
// The report's errors (a package that did not type-check, a file that
// could not be read) are written as errors of severity error and source
// "incomplete" in the file they name, so that the job that reads the
// report does not pass on an analysis that did not run.
func WriteCheckstyle(w io.Writer, pl *report.Placed) error {
	files := []csFile{}
	index := map[string]int{}
	add := func(path string, e csError) {
		i, ok := index[path]
		if !ok {
			i = len(files)
			index[path] = i
			files = append(files, csFile{Name: path})
		}
		files[i].Errors = append(files[i].Errors, e)
	}
	for _, p := range pl.Issues {
		e := csError{Line: max(p.Line, 1), Severity: csSeverity(p.Finding.Severity, p.Rule.Severity), Message: message(p, 0), Source: p.Finding.Rule}
		switch {
		case !p.Known:
			e.Line = max(p.Finding.Line, 1)
		case p.Line > 0 && p.Col >= 0:
			e.Column = p.Finding.Column
		}
		if eng := p.Engine; eng != "riskvet" {
			e.Source = eng + "." + p.Finding.Rule
		}
		add(p.Path, e)
	}
	for _, p := range pl.Errors {
		add(p.Path, csError{Line: max(p.Finding.Line, 1), Column: max(p.Finding.Column, 0), Severity: "error",
			Message: "the analysis is incomplete: " + p.Finding.Message, Source: "incomplete"})
	}
	slices.SortStableFunc(files, func(a, b csFile) int { return cmp.Compare(a.Name, b.Name) })
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(csReport{Version: checkstyleVersion, Files: files}); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// csSeverity returns a finding's severity, else its rule's, as one of the
// Checkstyle severities; an unknown one is a warning.
func csSeverity(severity, def string) string {
	switch s := cmp.Or(severity, def); s {
	case "error", "warning", "info":
		return s
	}
	return "warning"
}
