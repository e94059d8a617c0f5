package tparamshadow

import (
	_ "embed"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/analyzers/internal/exempt"
	"github.com/riskvet/riskvet/analyzers/internal/generated"
	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports type parameters that shadow a package-level or
// predeclared type.
var Analyzer = &analysis.Analyzer{
	Name:     "tparamshadow",
	Doc:      docsection.MustExtract(doc, "Analyzer", "tparamshadow"),
	URL:      "https://github.com/riskvet/riskvet/blob/main/docs/checks.md#tparamshadow",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var includeGenerated *bool

func init() {
	includeGenerated = generated.Flag(&Analyzer.Flags)
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	scope := pass.Pkg.Scope()
	for d := range exempt.Generics(pass, insp, *includeGenerated) {
		for _, field := range d.TypeParams.List {
			for _, id := range field.Names {
				if obj, ok := scope.Lookup(id.Name).(*types.TypeName); ok {
					pos := pass.Fset.Position(obj.Pos())
					pass.ReportRangef(id, "type parameter %s shadows the package-level type %s (declared at %s:%d)",
						id.Name, id.Name, filepath.Base(pos.Filename), pos.Line)
					continue
				}
				if _, ok := types.Universe.Lookup(id.Name).(*types.TypeName); ok {
					pass.ReportRangef(id, "type parameter %s shadows the predeclared type %s", id.Name, id.Name)
				}
			}
		}
	}
	return nil, nil
}
