// Package exempt says which code riskvet's generics-abuse analyzers
// (ifaceparam, typeparamcount, singleinst) leave alone because no reviewer
// would ask for a change there: test files and deprecated declarations.
// Generics walks the declarations the three judge with those left out.
// Generated files are skipped through package generated, as by every
// analyzer of riskvet's.
package exempt

import (
	"go/ast"
	"iter"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/riskvet/riskvet/analyzers/internal/generated"
)

// TestFile reports whether f is a test file: test helpers mirror the code
// they test, and a reviewer asks for changes in the code.
func TestFile(pass *analysis.Pass, f *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go")
}

// Deprecated reports whether a declaration's doc comment has a paragraph
// starting "Deprecated:", Go's convention for code on its way out: its
// signature is kept for compatibility, not reviewed again.
func Deprecated(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	text := doc.Text()
	return strings.HasPrefix(text, "Deprecated:") || strings.Contains(text, "\nDeprecated:")
}

// TypeSpecDoc returns the doc comment of a type declaration: its own, or
// that of its declaration group when it is the group's only spec.
func TypeSpecDoc(gen *ast.GenDecl, spec *ast.TypeSpec) *ast.CommentGroup {
	if spec.Doc != nil || len(gen.Specs) != 1 {
		return spec.Doc
	}
	return gen.Doc
}

// Decl is a generic declaration ifaceparam, typeparamcount and singleinst
// judge.
type Decl struct {
	Name       *ast.Ident
	Kind       string // "function", "type" or "alias"
	TypeParams *ast.FieldList
	Func       *ast.FuncDecl // the function's declaration; nil for a type or alias
}

// Generics yields, in declaration order, the package-level generic
// declarations of insp's files that are neither exempt nor in a generated
// file (unless includeGenerated): functions and types, not methods, whose
// type parameters are their receiver type's. Generic declarations are
// package-level: Go has no local generic types and no generic methods.
func Generics(pass *analysis.Pass, insp *inspector.Inspector, includeGenerated bool) iter.Seq[Decl] {
	return func(yield func(Decl) bool) {
		for cur := range generated.Files(insp, includeGenerated) {
			f := cur.Node().(*ast.File)
			if TestFile(pass, f) {
				continue
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil && d.Type.TypeParams != nil && !Deprecated(d.Doc) &&
						!yield(Decl{d.Name, "function", d.Type.TypeParams, d}) {
						return
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						ts, ok := s.(*ast.TypeSpec)
						if !ok || ts.TypeParams == nil || Deprecated(TypeSpecDoc(d, ts)) {
							continue
						}
						kind := "type"
						if ts.Assign.IsValid() {
							kind = "alias"
						}
						if !yield(Decl{ts.Name, kind, ts.TypeParams, nil}) {
							return
						}
					}
				}
			}
		}
	}
}
