package genericdepth

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/internal/docsection"
)

//go:embed doc.go
var doc string

// Analyzer reports generic instantiations nested deeper than -genericdepth.max.
var Analyzer = &analysis.Analyzer{
	Name:     "genericdepth",
	Doc:      docsection.MustExtract(doc, "Analyzer", "genericdepth"),
	URL:      "https://github.com/riskvet/riskvet/blob/main/docs/checks.md#genericdepth",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// DefaultMax is the default of -genericdepth.max.
const DefaultMax = 3

var maxDepth = DefaultMax

func init() {
	Analyzer.Flags.IntVar(&maxDepth, "max", DefaultMax, "report generic instantiations nested deeper than this")
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.IndexExpr)(nil), (*ast.IndexListExpr)(nil)}
	// Preorder visits an expression before the ones nested in it, so
	// skipping those inside the last one reported keeps one finding per
	// outermost expression. (Containment, not just position: files of a
	// package need not be laid out in the file set in the order visited.)
	var reported ast.Node
	insp.Preorder(filter, func(n ast.Node) {
		if reported != nil && reported.Pos() <= n.Pos() && n.End() <= reported.End() {
			return
		}
		tv, ok := pass.TypesInfo.Types[n.(ast.Expr)]
		if !ok || !tv.IsType() {
			return // an index or a function instantiation: its type arguments are visited on their own
		}
		if d := Depth(tv.Type); d > maxDepth {
			pass.ReportRangef(n, "generic nesting depth %d exceeds %d in %s; name an intermediate type",
				d, maxDepth, types.ExprString(n.(ast.Expr)))
			reported = n
		}
	})
	return nil, nil
}

// Depth returns the generic nesting depth of t: 0 for a type that is not an
// instantiated generic type, 1 plus the largest depth among the type
// arguments for one that is. Aliases are looked through; a defined type
// without type arguments counts 0 whatever its underlying type; composite
// types count the deepest type they contain.
func Depth(t types.Type) int {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		// Only type arguments count: the underlying type of a named type is
		// behind a name the reader can look up once.
		args := t.TypeArgs()
		if args.Len() == 0 {
			return 0
		}
		d := 0
		for a := range args.Types() {
			d = max(d, Depth(a))
		}
		return 1 + d
	case *types.Pointer:
		return Depth(t.Elem())
	case *types.Slice:
		return Depth(t.Elem())
	case *types.Array:
		return Depth(t.Elem())
	case *types.Chan:
		return Depth(t.Elem())
	case *types.Map:
		return max(Depth(t.Key()), Depth(t.Elem()))
	case *types.Signature:
		return max(tupleDepth(t.Params()), tupleDepth(t.Results()))
	case *types.Tuple:
		return tupleDepth(t)
	case *types.Struct:
		d := 0
		for f := range t.Fields() {
			d = max(d, Depth(f.Type()))
		}
		return d
	case *types.Interface:
		// Interface literals cannot refer to themselves except through a
		// named type, which stops the recursion above.
		d := 0
		for m := range t.ExplicitMethods() {
			d = max(d, Depth(m.Type()))
		}
		for e := range t.EmbeddedTypes() {
			d = max(d, Depth(e))
		}
		return d
	case *types.Union:
		d := 0
		for term := range t.Terms() {
			d = max(d, Depth(term.Type()))
		}
		return d
	}
	// Basic types and type parameters.
	return 0
}

func tupleDepth(t *types.Tuple) int {
	d := 0
	for v := range t.Variables() {
		d = max(d, Depth(v.Type()))
	}
	return d
}
