package sa4022

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports &x == nil and &x != nil, as staticcheck's SA4022 does.
var Analyzer = &analysis.Analyzer{
	Name:     "SA4022",
	Doc:      docsection.MustExtract(doc, "Analyzer", "SA4022"),
	URL:      "https://staticcheck.dev/docs/checks/#SA4022",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range insp.PreorderSeq((*ast.BinaryExpr)(nil)) {
		b := n.(*ast.BinaryExpr)
		if (b.Op != token.EQL && b.Op != token.NEQ) || !isNil(pass.TypesInfo, b.Y) {
			continue
		}
		if u, ok := ast.Unparen(b.X).(*ast.UnaryExpr); ok && u.Op == token.AND {
			pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(), Message: "the address of a variable cannot be nil"})
		}
	}
	return nil, nil
}

// isNil reports whether e is the predeclared nil.
func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == types.Universe.Lookup("nil")
}
