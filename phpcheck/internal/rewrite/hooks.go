package rewrite

import (
	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/position"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"
)

// hookFunc is the name a hook block's function has in HookSource's text;
// Graft gives the method it becomes a name no PHP code can call.
const hookFunc = "function h()"

// HookSource returns a text of src's length in which each hook block of f
// is a function body at its own offsets, the hook heads blanked, and
// everything else is blank but for line ends and the "<?php" and
// "function h()" that precede the bodies, written into blank space before
// each block. A block without room for them is left blank. It returns nil
// when f has no hook block with room.
func (f Fix) HookSource(src []byte) []byte {
	if len(f.Hooks) == 0 {
		return nil
	}
	out := make([]byte, len(src))
	for i, c := range src {
		if c == '\n' || c == '\r' {
			out[i] = c
		} else {
			out[i] = ' '
		}
	}
	free := 0 // out[free:] holds nothing yet
	placed := false
	for _, h := range f.Hooks {
		pieces := []string{hookFunc}
		if !placed {
			pieces = []string{"<?php", hookFunc}
		}
		at, ok := place(out, free, h.Block.Pos, pieces)
		if !ok {
			free = h.Block.End
			continue
		}
		for i, p := range pieces {
			copy(out[at[i]:], p)
		}
		copy(out[h.Block.Pos:h.Block.End], src[h.Block.Pos:h.Block.End])
		for _, hd := range h.Heads {
			for i := hd.Pos; i < hd.End; i++ {
				if out[i] != '\n' && out[i] != '\r' {
					out[i] = ' '
				}
			}
		}
		free, placed = h.Block.End, true
	}
	if !placed {
		return nil
	}
	return out
}

// place finds where to write pieces, in order, into the blank bytes of
// out[from:to): each on one line, with a blank or a line end between two.
func place(out []byte, from, to int, pieces []string) ([]int, bool) {
	at := make([]int, 0, len(pieces))
	p := from
	if p > 0 {
		p++ // keep a blank after what came before
	}
	for _, s := range pieces {
		for {
			if p+len(s) >= to {
				return nil, false
			}
			run := 0
			for run < len(s) && out[p+run] == ' ' {
				run++
			}
			if run == len(s) {
				break
			}
			p += run + 1
		}
		at = append(at, p)
		p += len(s) + 1
	}
	return at, true
}

// Graft adds the hook bodies parsed from HookSource's text (hooks, its
// tree) to the classes in root that declare them, each block as one method
// named "{hooks}", which no call can reach, so
// that the checks walk their statements with $this bound to the class.
func (f Fix) Graft(root, hooks ast.Vertex) {
	hr, ok := hooks.(*ast.Root)
	if !ok {
		return
	}
	var fns []*ast.StmtFunction
	for _, s := range hr.Stmts {
		if fn, ok := s.(*ast.StmtFunction); ok {
			fns = append(fns, fn)
		}
	}
	if len(fns) == 0 {
		return
	}
	traverser.NewTraverser(&grafter{fns: fns}).Traverse(root)
}

// grafter appends to each class-like statement the hook functions whose
// bodies lie inside it.
type grafter struct {
	visitor.Null
	fns []*ast.StmtFunction
}

func (g *grafter) graft(pos ast.Vertex, stmts *[]ast.Vertex) {
	p := pos.GetPosition()
	if p == nil {
		return
	}
	for _, fn := range g.fns {
		// The function's own start is wherever HookSource found room;
		// its body is the hook block, in place.
		open, close := fn.OpenCurlyBracketTkn, fn.CloseCurlyBracketTkn
		if open == nil || close == nil || open.Position == nil || close.Position == nil {
			continue
		}
		fp := &position.Position{StartLine: open.Position.StartLine, EndLine: close.Position.EndLine,
			StartPos: open.Position.StartPos, EndPos: close.Position.EndPos}
		if fp.StartPos < p.StartPos || fp.EndPos > p.EndPos {
			continue
		}
		// The innermost class holds the block: skip blocks inside a
		// nested anonymous class's own span, which it grafts itself.
		if g.nested(*stmts, fp.StartPos) {
			continue
		}
		*stmts = append(*stmts, &ast.StmtClassMethod{
			Position: fp,
			Name:     &ast.Identifier{Position: fp, Value: []byte("{hooks}")},
			Stmt:     &ast.StmtStmtList{Position: fp, Stmts: fn.Stmts},
		})
	}
}

// nested reports whether offset lies in the body of a method of stmts,
// where only an anonymous class can hold a hooked property (a promoted
// constructor parameter's hooks lie outside the body).
func (g *grafter) nested(stmts []ast.Vertex, offset int) bool {
	for _, s := range stmts {
		m, ok := s.(*ast.StmtClassMethod)
		if !ok || m.Stmt == nil {
			continue
		}
		if p := m.Stmt.GetPosition(); p != nil && p.StartPos <= offset && offset < p.EndPos {
			return true
		}
	}
	return false
}

func (g *grafter) StmtClass(n *ast.StmtClass)         { g.graft(n, &n.Stmts) }
func (g *grafter) StmtTrait(n *ast.StmtTrait)         { g.graft(n, &n.Stmts) }
func (g *grafter) StmtEnum(n *ast.StmtEnum)           { g.graft(n, &n.Stmts) }
func (g *grafter) StmtInterface(n *ast.StmtInterface) { g.graft(n, &n.Stmts) }
