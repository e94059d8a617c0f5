package rewrite

import (
	"bytes"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/position"
	"github.com/VKCOM/php-parser/pkg/token"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"
)

// Apply repairs the tree php-parser built from Rewrite's output of src:
// each call that stands for a blanked "new" becomes the ExprNew it was.
// The tree's token values must already read the original bytes.
func (f Fix) Apply(root ast.Vertex, src []byte) {
	if len(f.News) == 0 {
		return
	}
	news := make(map[int]int, len(f.News)) // class offset -> "new" offset
	for _, n := range f.News {
		news[n.Class] = n.Pos
	}
	traverser.NewTraverser(&newFixer{news: news, src: src}).Traverse(root)
}

// newFixer replaces, in the nodes a "new" chain can start (the object of
// a fetch or call), a function call at a recorded offset by ExprNew.
type newFixer struct {
	visitor.Null
	news map[int]int
	src  []byte
}

func (v *newFixer) fix(n *ast.Vertex) {
	fc, ok := (*n).(*ast.ExprFunctionCall)
	if !ok || fc.Position == nil {
		return
	}
	pos, ok := v.news[fc.Position.StartPos]
	if !ok {
		return
	}
	start := fc.Position.StartLine - bytes.Count(v.src[pos:fc.Position.StartPos], []byte("\n"))
	p := &position.Position{StartLine: start, EndLine: fc.Position.EndLine, StartPos: pos, EndPos: fc.Position.EndPos}
	*n = &ast.ExprNew{
		Position: p,
		NewTkn: &token.Token{ID: token.T_NEW, Value: v.src[pos : pos+3],
			Position: &position.Position{StartLine: start, EndLine: start, StartPos: pos, EndPos: pos + 3}},
		Class:               fc.Function,
		OpenParenthesisTkn:  fc.OpenParenthesisTkn,
		Args:                fc.Args,
		SeparatorTkns:       fc.SeparatorTkns,
		CloseParenthesisTkn: fc.CloseParenthesisTkn,
	}
}

func (v *newFixer) ExprMethodCall(n *ast.ExprMethodCall)                 { v.fix(&n.Var) }
func (v *newFixer) ExprNullsafeMethodCall(n *ast.ExprNullsafeMethodCall) { v.fix(&n.Var) }
func (v *newFixer) ExprPropertyFetch(n *ast.ExprPropertyFetch)           { v.fix(&n.Var) }
func (v *newFixer) ExprNullsafePropertyFetch(n *ast.ExprNullsafePropertyFetch) {
	v.fix(&n.Var)
}
func (v *newFixer) ExprArrayDimFetch(n *ast.ExprArrayDimFetch)             { v.fix(&n.Var) }
func (v *newFixer) ExprStaticCall(n *ast.ExprStaticCall)                   { v.fix(&n.Class) }
func (v *newFixer) ExprStaticPropertyFetch(n *ast.ExprStaticPropertyFetch) { v.fix(&n.Class) }
func (v *newFixer) ExprClassConstFetch(n *ast.ExprClassConstFetch)         { v.fix(&n.Class) }
