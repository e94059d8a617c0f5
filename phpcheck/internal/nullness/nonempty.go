package nullness

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// nonEmptySuffix marks, below a path's key, the fact that the path holds a
// non-empty array: set where a condition proves it (count($a) > 0,
// !empty($a)), killed with the path when it is assigned. A foreach over
// such a path runs its body at least once, so what the body always
// assigns holds after the loop: `if (count($ids) > 0) { $first = null;
// foreach ($ids as $id) { $first ??= $id; } f($first); }`.
const nonEmptySuffix = "::#nonempty"

// nonEmptyKey returns the key of e's non-empty fact, for a path.
func (a *analyzer) nonEmptyKey(e ast.Vertex) (string, bool) {
	if b, ok := e.(*ast.ExprBrackets); ok {
		return a.nonEmptyKey(b.Expr)
	}
	buf, ok := a.appendKey(nil, e, 0)
	if !ok {
		return "", false
	}
	return string(buf) + nonEmptySuffix, true
}

// markNonEmpty records in s that e holds a non-empty array.
func (a *analyzer) markNonEmpty(e ast.Vertex, s *State) {
	if s.dead {
		return
	}
	if k, ok := a.nonEmptyKey(e); ok {
		s.store(k, Value{N: NonNull})
	}
}

// nonEmpty reports whether s knows e to hold a non-empty array.
func (a *analyzer) nonEmpty(e ast.Vertex, s *State) bool {
	k, ok := a.nonEmptyKey(e)
	if !ok {
		return false
	}
	v, ok := s.lookup(k)
	return ok && v.N == NonNull
}

// nonEmptyResult reports whether e is a call whose callee documents a
// non-empty array result (`@return non-empty-list<T>`): the index's
// [index.Func.NonEmpty]. The documented type is trusted as a declared one
// is; a body that breaks it would hide what its loop leaves unassigned.
func (a *analyzer) nonEmptyResult(e ast.Vertex, s *State) bool {
	if b, ok := e.(*ast.ExprBrackets); ok {
		return a.nonEmptyResult(b.Expr, s)
	}
	if _, ok := e.(*ast.ExprNullsafeMethodCall); ok || index.FirstClass(e) {
		return false // null when the receiver is; a Closure
	}
	fn, _ := a.resolve(e, s)
	return fn != nil && fn.NonEmpty
}

// countOf returns the argument of count($a) or sizeof($a).
func countOf(e ast.Vertex) (ast.Vertex, bool) {
	if b, ok := e.(*ast.ExprBrackets); ok {
		return countOf(b.Expr)
	}
	c, ok := e.(*ast.ExprFunctionCall)
	if !ok || len(c.Args) != 1 {
		return nil, false
	}
	switch calls(c) {
	case "count", "sizeof":
	default:
		return nil, false
	}
	arg, ok := c.Args[0].(*ast.Argument)
	if !ok || arg.VariadicTkn != nil || arg.Name != nil {
		return nil, false
	}
	return arg.Expr, true
}

// calls returns the lowercase name a function call is written with,
// without a leading backslash: the name of a built-in, unless the code
// declares its own in a namespace.
func calls(c *ast.ExprFunctionCall) string {
	return strings.ToLower(strings.TrimPrefix(index.NameString(c.Function), `\`))
}

// intLit returns the value of a small integer literal.
func intLit(e ast.Vertex) (int, bool) {
	n, ok := e.(*ast.ScalarLnumber)
	if !ok {
		return 0, false
	}
	switch string(n.Value) {
	case "0":
		return 0, true
	case "1":
		return 1, true
	}
	return 0, false
}

// countAtLeast reports the array whose count big > small (or, with eq,
// big >= small) proves non-empty: count($a) > 0, count($a) >= 1.
func countAtLeast(big, small ast.Vertex, eq bool) (ast.Vertex, bool) {
	arr, ok := countOf(big)
	if !ok {
		return nil, false
	}
	n, ok := intLit(small)
	if !ok || eq && n != 1 || !eq && n != 0 {
		return nil, false
	}
	return arr, true
}

// countIsZero returns the array of count($a) compared with 0 (either side).
func countIsZero(l, r ast.Vertex) (ast.Vertex, bool) {
	if n, ok := intLit(r); ok && n == 0 {
		return countOf(l)
	}
	if n, ok := intLit(l); ok && n == 0 {
		return countOf(r)
	}
	return nil, false
}

// nonEmptyValue reports whether e surely evaluates to a non-empty array:
// an array literal with an element, or explode() without a limit or with
// a non-negative one, which returns at least one piece (the whole string).
func nonEmptyValue(e ast.Vertex) bool {
	switch e := e.(type) {
	case *ast.ExprBrackets:
		return nonEmptyValue(e.Expr)
	case *ast.ExprArray:
		for _, it := range e.Items {
			if it, ok := it.(*ast.ExprArrayItem); ok && it.Val != nil && it.EllipsisTkn == nil {
				return true
			}
		}
	case *ast.ExprFunctionCall:
		if calls(e) != "explode" {
			return false
		}
		switch len(e.Args) {
		case 2:
			return true
		case 3:
			arg, ok := e.Args[2].(*ast.Argument)
			if !ok {
				return false
			}
			_, ok = arg.Expr.(*ast.ScalarLnumber) // 0 counts as 1
			return ok
		}
	}
	return false
}

// emptyArray reports whether e is the literal [] or array().
func emptyArray(e ast.Vertex) bool {
	a, ok := e.(*ast.ExprArray)
	return ok && len(a.Items) == 0
}
