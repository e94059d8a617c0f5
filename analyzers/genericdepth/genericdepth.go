package genericdepth

import (
	"golang.org/x/tools/go/analysis"
)

// Analyzer is the genericdepth analysis (stub, to be written).
var Analyzer = &analysis.Analyzer{
	Name: "genericdepth",
	Doc:  "genericdepth (stub)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
