package check

import "github.com/riskvet/riskvet/internal/docsection"

// ExtractDoc returns the body of the "# Check NAME" section of the package
// doc comment in src, the source of a check's doc.go, so that a check's
// documentation is written once and read by go doc and by Checker.Doc
// alike, as Go analyzers do with "# Analyzer NAME".
func ExtractDoc(src, name string) (string, error) {
	return docsection.Extract(src, "Check", name)
}

// MustExtractDoc is like ExtractDoc but panics on error: checks call it
// when their package is initialised, where a malformed doc.go is a
// programming error every test run catches.
func MustExtractDoc(src, name string) string {
	return docsection.MustExtract(src, "Check", name)
}
