package typeparamcount

import (
	_ "embed"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/analyzers/internal/exempt"
	"github.com/riskvet/riskvet/analyzers/internal/generated"
	"github.com/riskvet/riskvet/analyzers/internal/limit"
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
const DefaultMax = 6

var (
	maxParams        int
	includeGenerated *bool
)

func init() {
	limit.Var(&Analyzer.Flags, &maxParams, "max", DefaultMax, 1, "report a declaration with more type parameters than this")
	includeGenerated = generated.Flag(&Analyzer.Flags)
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	// A method's type parameters are its receiver type's, counted at the
	// type's declaration; a declaration without any has none to count.
	for d := range exempt.Generics(pass, insp, *includeGenerated) {
		report(pass, d.Kind, d.Name, d.TypeParams)
	}
	return nil, nil
}

func report(pass *analysis.Pass, kind string, name *ast.Ident, list *ast.FieldList) {
	n := list.NumFields()
	if n > maxParams && !numbered(list) && familySize(pass.Pkg.Scope(), name.Name) < 2 {
		pass.ReportRangef(name, "%s %s declares %d type parameters, more than %d", kind, name.Name, n, maxParams)
	}
}

// familySize counts the package-level names that are name's stem followed
// by a number: Zip2 ... Zip9 and NewEither5Arg1 ... NewEither5Arg5 are
// families of 8 and 5; a name with no trailing number has none. Such a
// family's type parameter list grows with the number by construction, one
// tuple element per parameter; the family as a whole is the design
// decision a reviewer weighs, not its largest member. It runs only for a
// declaration over the limit, which few packages have, in place of sorting
// every package's scope up front.
func familySize(scope *types.Scope, name string) int {
	stem := numberStem(name)
	if stem == "" {
		return 0
	}
	n := 0
	for _, other := range scope.Names() {
		if numberStem(other) == stem {
			n++
		}
	}
	return n
}

// numberStem returns name without its trailing number, or "" if it has
// none or is only a number.
func numberStem(name string) string {
	stem := strings.TrimRight(name, "0123456789")
	if stem == name {
		return ""
	}
	return stem
}

// numbered reports whether all type parameters of list but at most one end
// in a number (Match[In1, In2, In3, Out1, Out2, Out3], Map4[T1, T2, T3,
// T4, R]): the list spells out a tuple's arity, whatever the declaration's
// name, and shrinking it means changing the tuple.
func numbered(list *ast.FieldList) bool {
	plain := 0
	for _, field := range list.List {
		for _, id := range field.Names {
			if numberStem(id.Name) == "" {
				plain++
			}
		}
	}
	return plain <= 1
}
