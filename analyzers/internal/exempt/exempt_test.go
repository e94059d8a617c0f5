package exempt_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/riskvet/riskvet/analyzers/internal/exempt"
)

const src = `package p

// Deprecated: use New.
func A() {}

// B does things.
//
// Deprecated: use New.
func B() {}

// C mentions that it is not Deprecated: at all, mid-sentence.
func C() {}

func D() {}

// Deprecated: grouped alone, the group's comment is the type's.
type E int

type (
	// Deprecated: its own comment.
	F int
	G int
)
`

func TestDeprecated(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			got[d.Name.Name] = exempt.Deprecated(d.Doc)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				ts := s.(*ast.TypeSpec)
				got[ts.Name.Name] = exempt.Deprecated(exempt.TypeSpecDoc(d, ts))
			}
		}
	}
	want := map[string]bool{"A": true, "B": true, "C": false, "D": false, "E": true, "F": true, "G": false}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("Deprecated(%s) = %v, want %v", name, got[name], w)
		}
	}
}
