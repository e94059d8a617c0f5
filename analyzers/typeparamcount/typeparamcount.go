package typeparamcount

import (
	_ "embed"
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
const DefaultMax = 5

var maxParams = DefaultMax

func init() {
	Analyzer.Flags.IntVar(&maxParams, "max", DefaultMax, "report a declaration with more type parameters than this")
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	families := arityFamilies(pass.Pkg.Scope())
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
					report(pass, families, "function", n.Name, n.Type.TypeParams)
				}
			case *ast.TypeSpec:
				kind := "type"
				if n.Assign.IsValid() {
					kind = "alias"
				}
				report(pass, families, kind, n.Name, n.TypeParams)
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

func report(pass *analysis.Pass, families map[string]int, kind string, name *ast.Ident, list *ast.FieldList) {
	n := list.NumFields()
	if n > maxParams && families[numberStem(name.Name)] < 2 {
		pass.ReportRangef(name, "%s %s declares %d type parameters, more than %d", kind, name.Name, n, maxParams)
	}
}

// arityFamilies counts, for each stem, the package-level names that are
// the stem followed by a number: Zip2 ... Zip9 and NewEither5Arg1 ...
// NewEither5Arg5 are families of 8 and 5. Such a family's type parameter
// list grows with the number by construction, one tuple element per
// parameter; the family as a whole is the design decision a reviewer
// weighs, not its largest member.
func arityFamilies(scope *types.Scope) map[string]int {
	families := map[string]int{}
	for _, name := range scope.Names() {
		if stem := numberStem(name); stem != "" {
			families[stem]++
		}
	}
	return families
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
