package tparams_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/riskvet/riskvet/analyzers/internal/tparams"
)

const src = `package p

type List[T any] struct{ next *List[T] }
type Alias[T any] = map[string]T

func F[T comparable, U any](a T, b []T, c map[T]U, d func(T) (U, error), e List[T], f Alias[T], g interface{ M(T) }, h struct{ x *T }, i chan T, j [2]T) {}
func G(x int) {}
`

func TestOccurrences(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sig := pkg.Scope().Lookup("F").(*types.Func).Signature()
	T, U := sig.TypeParams().At(0), sig.TypeParams().At(1)
	// T once in each of the ten parameters, U in c and d.
	if got := tparams.Occurrences(sig.Params(), T); got != 10 {
		t.Errorf("Occurrences(params, T) = %d, want 10", got)
	}
	if got := tparams.Occurrences(sig.Params(), U); got != 2 {
		t.Errorf("Occurrences(params, U) = %d, want 2", got)
	}
	if !tparams.Generic(sig.Params()) {
		t.Error("Generic(F's params) = false")
	}
	g := pkg.Scope().Lookup("G").(*types.Func).Signature()
	if tparams.Generic(g.Params()) {
		t.Error("Generic(G's params) = true")
	}
	// A recursive named type is not walked through its underlying type.
	list := pkg.Scope().Lookup("List").Type()
	if got := tparams.Occurrences(list, T); got != 0 {
		t.Errorf("Occurrences(List, F's T) = %d, want 0", got)
	}
}
