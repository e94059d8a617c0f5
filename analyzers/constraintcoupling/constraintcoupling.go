package constraintcoupling

import (
	"golang.org/x/tools/go/analysis"
)

// Analyzer is the constraintcoupling analysis (stub, to be written).
var Analyzer = &analysis.Analyzer{
	Name: "constraintcoupling",
	Doc:  "constraintcoupling (stub)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
