package main

import (
	"io"

	"github.com/riskvet/riskvet/internal/finding"
)

// runGo is the Go driver (stub, owned by the Go driver work).
func runGo(args []string, stdout, stderr io.Writer) int { return 2 }

// goFindings runs the Go analyzers on the packages matching patterns in dir
// and returns their findings (stub, owned by the Go driver work; used by
// `riskvet scan`).
func goFindings(dir string, patterns []string, stderr io.Writer) (*finding.Report, error) {
	return nil, nil
}
