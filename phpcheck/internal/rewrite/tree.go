package rewrite

import (
	"bytes"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/position"
	"github.com/VKCOM/php-parser/pkg/token"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"

	"github.com/riskvet/riskvet/phpcheck/internal/scan"
)

// Apply repairs the tree php-parser built from Rewrite's output of src:
// each call that stands for a blanked "new" becomes the ExprNew it was, and
// each name that stands for a DNF type's intersection becomes that
// intersection again. The tree's token values must already read the
// original bytes.
func (f Fix) Apply(root ast.Vertex, src []byte) {
	if len(f.News) > 0 {
		news := make(map[int]int, len(f.News)) // class offset -> "new" offset
		for _, n := range f.News {
			news[n.Class] = n.Pos
		}
		traverser.NewTraverser(&newFixer{news: news, src: src}).Traverse(root)
	}
	if len(f.Groups) > 0 {
		groups := make(map[int]Group, len(f.Groups)) // first name's offset -> group
		for _, g := range f.Groups {
			groups[g.Names[0].Pos] = g
		}
		traverser.NewTraverser(&groupFixer{groups: groups, src: src}).Traverse(root)
	}
}

// groupFixer replaces, in union types, each name that stands for an
// intersection by the intersection.
type groupFixer struct {
	visitor.Null
	groups map[int]Group
	src    []byte
}

func (v *groupFixer) Union(n *ast.Union) {
	for i, x := range n.Types {
		p := x.GetPosition()
		if p == nil {
			continue
		}
		g, ok := v.groups[p.StartPos]
		if !ok {
			continue
		}
		is := &ast.Intersection{Position: &position.Position{StartLine: p.StartLine, EndLine: p.EndLine, StartPos: g.Pos, EndPos: g.End}}
		is.Types = append(is.Types, x)
		for _, t := range g.Names[1:] {
			is.Types = append(is.Types, nameNode(v.src, t, p.StartLine))
		}
		n.Types[i] = is
	}
}

// nameNode builds the name node php-parser would for name token t.
func nameNode(src []byte, t scan.Token, line int) ast.Vertex {
	pos := func(p, e int) *position.Position {
		return &position.Position{StartLine: line, EndLine: line, StartPos: p, EndPos: e}
	}
	start := t.Pos
	switch t.Kind {
	case scan.NameFullyQualified:
		start++
	case scan.NameRelative:
		start += len("namespace\\")
	}
	var parts []ast.Vertex
	for p := start; p <= t.End; {
		e := bytes.IndexByte(src[p:t.End], '\\')
		if e < 0 {
			e = t.End - p
		}
		parts = append(parts, &ast.NamePart{Position: pos(p, p+e), Value: src[p : p+e]})
		p += e + 1
	}
	switch t.Kind {
	case scan.NameFullyQualified:
		return &ast.NameFullyQualified{Position: pos(t.Pos, t.End), Parts: parts}
	case scan.NameRelative:
		return &ast.NameRelative{Position: pos(t.Pos, t.End), Parts: parts}
	}
	return &ast.Name{Position: pos(t.Pos, t.End), Parts: parts}
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
