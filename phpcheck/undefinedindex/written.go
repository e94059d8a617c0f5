package undefinedindex

import (
	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"
)

// written returns the variables that n writes as a whole or at a key
// (assignments, unset, foreach targets, by-reference captures and bare
// arguments to calls), and whether it may write any local (extract,
// include, $$name). Nested functions, classes and closures are not
// entered, except for a closure's by-reference captures. A write at a key
// is named by the array it changes, as far down as the keys are constant:
// `unset($a['x'][$k])` by "$a['x']", whose keys it may drop, while $a
// keeps 'x'.
func written(n ast.Vertex) (map[string]bool, bool) {
	w := writes{names: map[string]bool{}}
	traverser.NewTraverser(&w).Traverse(n)
	return w.names, w.all
}

// writes is written's visitor. php-parser's traverser cannot be told to
// skip a subtree, so a nested function or class is skipped by its
// offsets: skip is the end of the last one met, and a node that starts
// before it is inside it.
type writes struct {
	visitor.Null
	names map[string]bool
	all   bool
	skip  int
}

// inside reports whether n is part of a nested function or class already
// met.
func (w *writes) inside(n ast.Vertex) bool {
	p := n.GetPosition()
	return p != nil && p.StartPos < w.skip
}

// nested skips the nodes of n, a nested function or class, and reports
// whether n itself is outside any skipped one.
func (w *writes) nested(n ast.Vertex) bool {
	if w.inside(n) {
		return false
	}
	if p := n.GetPosition(); p != nil && p.EndPos > w.skip {
		w.skip = p.EndPos
	}
	return true
}

// mark records a write to e: the variable at its base, or each variable
// a list() or [...] target writes.
func (w *writes) mark(e ast.Vertex) {
	for {
		switch x := e.(type) {
		case *ast.ExprArrayDimFetch:
			if p, ok := container(x); ok {
				w.names[p] = true
				return
			}
			e = x.Var
			continue
		case *ast.ExprVariable:
			if name, ok := varName(x); ok {
				w.names[name] = true
			} else {
				w.all = true
			}
		case *ast.ExprList:
			w.items(x.Items)
		case *ast.ExprArray:
			w.items(x.Items)
		}
		return
	}
}

// container names the array that a write at d changes: its variable and
// the constant keys down to d's own level, or to the first key that is
// not constant ("$a['x']" for $a['x'][$k]['y']).
func container(d *ast.ExprArrayDimFetch) (string, bool) {
	var keys []ast.Vertex
	var base ast.Vertex = d.Var
	for {
		inner, ok := base.(*ast.ExprArrayDimFetch)
		if !ok {
			break
		}
		keys = append(keys, inner.Dim)
		base = inner.Var
	}
	path, ok := varName(base)
	if !ok {
		return "", false
	}
	for i := len(keys) - 1; i >= 0; i-- {
		k, ok := constKey(keys[i])
		if !ok || len(path) > maxNameLen {
			break
		}
		path = elemName(path, k)
	}
	return path, true
}

func (w *writes) items(items []ast.Vertex) {
	for _, it := range items {
		if it, ok := it.(*ast.ExprArrayItem); ok {
			w.mark(it.Val)
		}
	}
}

// target marks the targets of n (an assignment, unset, foreach, global)
// when n is outside nested functions.
func (w *writes) target(n ast.Vertex, targets ...ast.Vertex) {
	if !w.inside(n) {
		for _, v := range targets {
			w.mark(v)
		}
	}
}

func (w *writes) StmtFunction(n *ast.StmtFunction)           { w.nested(n) }
func (w *writes) StmtClass(n *ast.StmtClass)                 { w.nested(n) }
func (w *writes) ExprArrowFunction(n *ast.ExprArrowFunction) { w.nested(n) }

func (w *writes) ExprClosure(n *ast.ExprClosure) {
	if !w.nested(n) {
		return
	}
	for _, u := range n.Uses {
		if u, ok := u.(*ast.ExprClosureUse); ok && u.AmpersandTkn != nil {
			w.mark(u.Var)
		}
	}
}

func (w *writes) StmtUnset(n *ast.StmtUnset)     { w.target(n, n.Vars...) }
func (w *writes) StmtForeach(n *ast.StmtForeach) { w.target(n, n.Key, n.Var) }
func (w *writes) StmtGlobal(n *ast.StmtGlobal)   { w.target(n, n.Vars...) }

func (w *writes) StmtStatic(n *ast.StmtStatic) {
	if !w.inside(n) {
		for _, v := range n.Vars {
			if sv, ok := v.(*ast.StmtStaticVar); ok {
				w.mark(sv.Var)
			}
		}
	}
}

func (w *writes) ExprAssignReference(n *ast.ExprAssignReference) { w.target(n, n.Var, n.Expr) }

func (w *writes) Argument(n *ast.Argument) {
	if _, ok := n.Expr.(*ast.ExprVariable); ok {
		w.target(n, n.Expr)
	}
}

func (w *writes) ExprFunctionCall(n *ast.ExprFunctionCall) {
	if forgetAll[funcName(n.Function)] && !w.inside(n) {
		w.all = true
	}
}

// anything records that n may write any local.
func (w *writes) anything(n ast.Vertex) {
	if !w.inside(n) {
		w.all = true
	}
}

func (w *writes) ExprInclude(n *ast.ExprInclude)         { w.anything(n) }
func (w *writes) ExprIncludeOnce(n *ast.ExprIncludeOnce) { w.anything(n) }
func (w *writes) ExprRequire(n *ast.ExprRequire)         { w.anything(n) }
func (w *writes) ExprRequireOnce(n *ast.ExprRequireOnce) { w.anything(n) }
func (w *writes) ExprEval(n *ast.ExprEval)               { w.anything(n) }

func (w *writes) ExprVariable(n *ast.ExprVariable) {
	if _, ok := n.Name.(*ast.Identifier); !ok {
		w.anything(n)
	}
}

func (w *writes) ExprAssign(n *ast.ExprAssign)                     { w.target(n, n.Var) }
func (w *writes) ExprAssignCoalesce(n *ast.ExprAssignCoalesce)     { w.target(n, n.Var) }
func (w *writes) ExprAssignBitwiseAnd(n *ast.ExprAssignBitwiseAnd) { w.target(n, n.Var) }
func (w *writes) ExprAssignBitwiseOr(n *ast.ExprAssignBitwiseOr)   { w.target(n, n.Var) }
func (w *writes) ExprAssignBitwiseXor(n *ast.ExprAssignBitwiseXor) { w.target(n, n.Var) }
func (w *writes) ExprAssignConcat(n *ast.ExprAssignConcat)         { w.target(n, n.Var) }
func (w *writes) ExprAssignDiv(n *ast.ExprAssignDiv)               { w.target(n, n.Var) }
func (w *writes) ExprAssignMinus(n *ast.ExprAssignMinus)           { w.target(n, n.Var) }
func (w *writes) ExprAssignMod(n *ast.ExprAssignMod)               { w.target(n, n.Var) }
func (w *writes) ExprAssignMul(n *ast.ExprAssignMul)               { w.target(n, n.Var) }
func (w *writes) ExprAssignPlus(n *ast.ExprAssignPlus)             { w.target(n, n.Var) }
func (w *writes) ExprAssignPow(n *ast.ExprAssignPow)               { w.target(n, n.Var) }
func (w *writes) ExprAssignShiftLeft(n *ast.ExprAssignShiftLeft)   { w.target(n, n.Var) }
func (w *writes) ExprAssignShiftRight(n *ast.ExprAssignShiftRight) {
	w.target(n, n.Var)
}
