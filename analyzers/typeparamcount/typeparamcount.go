package typeparamcount

import (
	_ "embed"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports declarations with more than -typeparamcount.max type
// parameters.
var Analyzer = &analysis.Analyzer{
	Name:     "typeparamcount",
	Doc:      docsection.MustExtract(doc, "Analyzer", "typeparamcount"),
	URL:      "https://github.com/riskvet/riskvet/blob/main/docs/checks.md#typeparamcount",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// DefaultMax is the default of -typeparamcount.max.
const DefaultMax = 4

var maxParams = DefaultMax

func init() {
	Analyzer.Flags.IntVar(&maxParams, "max", DefaultMax, "report a declaration with more type parameters than this")
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := cur.Node().(*ast.File)
		if exempt(pass, f) {
			continue
		}
		for n := range cur.Preorder((*ast.FuncDecl)(nil), (*ast.TypeSpec)(nil)) {
			switch n := n.Node().(type) {
			case *ast.FuncDecl:
				// A method's type parameters are its receiver type's, counted
				// at the type's declaration.
				if n.Recv == nil {
					report(pass, "function", n.Name, n.Type.TypeParams)
				}
			case *ast.TypeSpec:
				kind := "type"
				if n.Assign.IsValid() {
					kind = "alias"
				}
				report(pass, kind, n.Name, n.TypeParams)
			}
		}
	}
	return nil, nil
}

// exempt reports whether f is a test file or a generated one. Generated
// code is where long type parameter lists are most common (Pipe1 ... Pipe20
// from a template) and nobody reads it line by line; test helpers mirror
// the code they test.
func exempt(pass *analysis.Pass, f *ast.File) bool {
	return ast.IsGenerated(f) || strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go")
}

func report(pass *analysis.Pass, kind string, name *ast.Ident, list *ast.FieldList) {
	n := list.NumFields()
	if n > maxParams {
		pass.ReportRangef(name, "%s %s declares %d type parameters, more than %d", kind, name.Name, n, maxParams)
	}
}
