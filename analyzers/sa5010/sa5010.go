package sa5010

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports type assertions between interfaces with conflicting
// methods, as staticcheck's SA5010 does.
var Analyzer = &analysis.Analyzer{
	Name:     "SA5010",
	Doc:      docsection.MustExtract(doc, "Analyzer", "SA5010"),
	URL:      "https://staticcheck.dev/docs/checks/#SA5010",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range insp.PreorderSeq((*ast.TypeAssertExpr)(nil)) {
		e := n.(*ast.TypeAssertExpr)
		if e.Type == nil {
			continue // x.(type): a type switch, not an assertion
		}
		left, right := pass.TypesInfo.TypeOf(e.X), pass.TypesInfo.TypeOf(e.Type)
		if left == nil || right == nil {
			continue
		}
		if msg := conflict(pass.Pkg, left, right); msg != "" {
			pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Message: msg})
		}
	}
	return nil, nil
}

// conflict returns the message for an assertion from left to the interface
// type right when a method of right has another signature in left's method
// set, or "" when there is none, right is not an interface, or a method
// involved is generic.
func conflict(pkg *types.Package, left, right types.Type) string {
	ri, ok := right.Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	ms := types.NewMethodSet(left)
	var s strings.Builder
	for mr := range ri.Methods() {
		sel := ms.Lookup(mr.Pkg(), mr.Name())
		if sel == nil {
			continue
		}
		ml := sel.Obj().(*types.Func)
		if ml.Origin() != ml || mr.Origin() != mr {
			return "" // deciding needs unification, which go/types does not export
		}
		if types.AssignableTo(ml.Type(), mr.Type()) {
			continue
		}
		fmt.Fprintf(&s, "\n\twrong type for %s method\n\t\thave %s\n\t\twant %s", ml.Name(), ml.Type(), mr.Type())
	}
	if s.Len() == 0 {
		return ""
	}
	q := types.RelativeTo(pkg)
	return fmt.Sprintf("impossible type assertion; %s and %s contradict each other:", types.TypeString(left, q), types.TypeString(right, q)) + s.String()
}
