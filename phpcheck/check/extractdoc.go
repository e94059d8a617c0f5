package check

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// ExtractDoc returns the body of the "# Check NAME" section of the package
// doc comment in src, the source of a check's doc.go, so that a check's
// documentation is written once and read by go doc and by Checker.Doc
// alike (as x/tools passes do with "# Analyzer NAME"). The body runs to the
// next top-level heading; its leading "NAME:" is removed, so that the first
// line is the summary.
func ExtractDoc(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package doc comment")
	}
	heading := "# Check " + name
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

// MustExtractDoc is like ExtractDoc but panics on error: checks call it
// when their package is initialised, where a malformed doc.go is a
// programming error every test run catches.
func MustExtractDoc(src, name string) string {
	doc, err := ExtractDoc(src, name)
	if err != nil {
		panic(fmt.Sprintf("check: %s: %v", name, err))
	}
	return doc
}
