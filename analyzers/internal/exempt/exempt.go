// Package exempt says which code riskvet's generics-abuse analyzers
// (ifaceparam, typeparamcount, singleinst) leave alone because no reviewer
// would ask for a change there: test files and deprecated declarations.
// Generated files are skipped through package generated, as by every
// analyzer of riskvet's.
package exempt

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
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
