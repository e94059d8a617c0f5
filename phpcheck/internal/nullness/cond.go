package nullness

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/builtin"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// cond evaluates a condition in s (consuming it) and returns the states in
// which it is true and false. This is where guards narrow paths: each case
// states which branch learns what.
func (a *analyzer) cond(e ast.Vertex, s *State) (t, f *State) {
	if s.dead {
		return s, s.clone()
	}
	if l, r, or, ok := flow.Logical(e); ok {
		if or {
			return a.or(l, r, s)
		}
		return a.and(l, r, s)
	}
	switch e := e.(type) {
	case *ast.ExprBrackets:
		return a.cond(e.Expr, s)
	case *ast.ExprBooleanNot:
		t, f := a.cond(e.Expr, s)
		return f, t
	case *ast.ExprBinaryNotIdentical:
		t, f := a.nullCompare(e.Left, e.Right, s, true, false)
		a.emptyCompare(e.Left, e.Right, t)
		return t, f
	case *ast.ExprBinaryNotEqual:
		t, f := a.nullCompare(e.Left, e.Right, s, true, true)
		a.emptyCompare(e.Left, e.Right, t)
		return t, f
	case *ast.ExprBinaryIdentical:
		t, f := a.nullCompare(e.Left, e.Right, s, false, false)
		a.emptyCompare(e.Left, e.Right, f)
		return t, f
	case *ast.ExprBinaryEqual:
		t, f := a.nullCompare(e.Left, e.Right, s, false, true)
		a.emptyCompare(e.Left, e.Right, f)
		return t, f
	case *ast.ExprBinaryGreater:
		return a.greater(e.Left, e.Right, s)
	case *ast.ExprBinarySmaller:
		return a.greater(e.Right, e.Left, s)
	case *ast.ExprBinaryGreaterOrEqual:
		return a.atLeast(e.Left, e.Right, s)
	case *ast.ExprBinarySmallerOrEqual:
		return a.atLeast(e.Right, e.Left, s)
	case *ast.ExprInstanceOf:
		a.eval(e.Expr, s)
		f := s.clone()
		a.narrow(e.Expr, s, NonNull)
		if class := a.className(e.Class); class != "" {
			a.setClass(e.Expr, class, s)
			a.notInstance(e.Expr, class, f)
		}
		return s, f
	case *ast.ExprIsset:
		for _, v := range e.Vars {
			a.quiet(v, s)
		}
		f := s.clone()
		for _, v := range e.Vars {
			a.narrow(v, s, NonNull)
		}
		return s, f
	case *ast.ExprEmpty:
		a.quiet(e.Expr, s)
		f := s.clone()
		a.narrow(e.Expr, f, NonNull)
		a.markNonEmpty(e.Expr, f)
		return s, f
	case *ast.ExprFunctionCall:
		if t, f, ok := a.typeCheck(e, s); ok {
			return t, f
		}
		t, f := a.callCond(e, s)
		if arr, ok := countOf(e); ok {
			a.markNonEmpty(arr, t) // if (count($a))
		}
		return t, f
	case *ast.ExprMethodCall, *ast.ExprNullsafeMethodCall, *ast.ExprStaticCall:
		t, f := a.callCond(e, s)
		a.nullTest(e, t, f)
		return t, f
	case *ast.ExprAssign:
		// if ($x = f()): the assigned path is truthy in the true branch.
		// if ($isNew = null === $h): the stored test refines both.
		a.eval(e, s)
		f := s.clone()
		a.narrow(e.Var, s, NonNull)
		a.applyTest(e.Var, s, f)
		return s, f
	case *ast.ExprVariable, *ast.ExprPropertyFetch, *ast.ExprNullsafePropertyFetch, *ast.ExprStaticPropertyFetch:
		// Truthiness: a truthy value is not null; a falsy one may be
		// anything (0, "", false, null), so the false branch learns nothing
		// of it. A variable holding a null test refines both branches.
		a.eval(e, s)
		f := s.clone()
		a.narrow(e, s, NonNull)
		a.applyTest(e, s, f)
		a.falsy(e, f)
		return s, f
	case *ast.ExprCastBool:
		return a.cond(e.Expr, s)
	case *ast.ExprBinaryLogicalXor:
		return a.xor(e.Left, e.Right, s)
	}
	v := a.eval(e, s)
	if v.N == never {
		return deadState(), deadState()
	}
	return s, s.clone()
}

func (a *analyzer) and(l, r ast.Vertex, s *State) (*State, *State) {
	t1, f1 := a.cond(l, s)
	rg := a.sc.Enter()
	t2, f2 := a.cond(r, t1)
	a.sc.Leave(rg)
	return t2, join(f1, f2)
}

func (a *analyzer) or(l, r ast.Vertex, s *State) (*State, *State) {
	t1, f1 := a.cond(l, s)
	rg := a.sc.Enter()
	t2, f2 := a.cond(r, f1)
	a.sc.Leave(rg)
	return join(t1, t2), f2
}

// nullCompare handles comparisons with the null literal: both branches
// learn a fact, whatever was known of the value before. On the branch of a
// loose == null the value is null, false, 0, "", "0" or []: no object, so
// a dereference there fails as it would on null, and it is tracked as
// null (the code itself just compared it with null: sonar-php's S1697).
//
// A strict test for null of a value known not to be null has no null
// branch: that branch is dead, not a source of null.
func (a *analyzer) nullCompare(l, r ast.Vertex, s *State, negated, loose bool) (*State, *State) {
	x := l
	switch {
	case index.IsNull(r):
	case index.IsNull(l):
		x = r
	default:
		if t, f, ok := a.boolCompare(l, r, s); ok {
			if negated {
				return f, t
			}
			return t, f
		}
		a.eval(l, s)
		a.eval(r, s)
		return s, s.clone()
	}
	a.eval(x, s)
	isNull, notNull := s, s.clone()
	a.narrow(x, notNull, NonNull)
	if !loose && isPath(x) && a.peek(x, isNull).N == NonNull {
		isNull = deadState()
	} else if loose {
		a.narrowLoose(x, isNull)
	} else {
		a.narrow(x, isNull, Null)
	}
	if negated {
		return notNull, isNull
	}
	return isNull, notNull
}

// greater handles `big > small` (and `small < big`): null is never greater
// than anything (PHP compares null with any value as false, the least
// boolean), so where it holds big is not null. Where it fails nothing is
// learned.
func (a *analyzer) greater(big, small ast.Vertex, s *State) (*State, *State) {
	a.eval(big, s)
	a.eval(small, s)
	f := s.clone()
	a.narrow(big, s, NonNull)
	if arr, ok := countAtLeast(big, small, false); ok {
		a.markNonEmpty(arr, s)
	}
	return s, f
}

// atLeast evaluates big >= small, which proves nothing of null (null >=
// 0 holds) but, as count($a) >= 1, that $a is not empty.
func (a *analyzer) atLeast(big, small ast.Vertex, s *State) (*State, *State) {
	a.eval(big, s)
	a.eval(small, s)
	f := s.clone()
	if arr, ok := countAtLeast(big, small, true); ok {
		a.markNonEmpty(arr, s)
	}
	return s, f
}

// emptyCompare records, in the state ne where l and r differ, the
// non-empty array a comparison with the empty array or of its count with
// 0 proves: count($a) !== 0, $a != [].
func (a *analyzer) emptyCompare(l, r ast.Vertex, ne *State) {
	if arr, ok := countIsZero(l, r); ok {
		a.markNonEmpty(arr, ne)
		return
	}
	switch {
	case emptyArray(r):
		a.markNonEmpty(l, ne)
	case emptyArray(l):
		a.markNonEmpty(r, ne)
	}
}

// typeCheck handles is_null(), is_object() and the other is_* functions,
// whose true branch proves the argument non-null (is_null: null). The
// project's own is_* functions count too (WordPress's is_wp_error($x) before
// $x->get_error_message()): a predicate named is_something is a type test
// far more often than not, except for is_*empty* and is_*blank*.
func (a *analyzer) typeCheck(e *ast.ExprFunctionCall, s *State) (*State, *State, bool) {
	switch e.Function.(type) {
	case *ast.Name, *ast.NameFullyQualified: // is_array($x), \is_array($x)
	default:
		return nil, nil, false
	}
	if len(e.Args) == 0 {
		return nil, nil, false
	}
	fn := strings.ToLower(index.NameString(e.Function))
	if !strings.HasPrefix(fn, "is_") || strings.Contains(fn, "empty") || strings.Contains(fn, "blank") {
		return nil, nil, false
	}
	arg, ok := e.Args[0].(*ast.Argument)
	if !ok || arg.Expr == nil {
		return nil, nil, false
	}
	for _, x := range e.Args[1:] {
		a.eval(x, s)
	}
	a.eval(arg.Expr, s)
	f := s.clone()
	if fn == "is_null" {
		a.narrow(arg.Expr, s, Null)
		a.narrow(arg.Expr, f, NonNull)
	} else if builtin.Function(fn) != nil {
		a.narrow(arg.Expr, s, NonNull)
	} else {
		// The project's is_* function is a type test by its name only:
		// what it proves is not settled into clauses.
		a.narrowAside(arg.Expr, s, NonNull)
	}
	return s, f, true
}

// narrow records that e's path is null or non-null in s. Proving a path
// non-null also proves its prefixes: `$a->b !== null` cannot hold when $a is
// null (the read would have yielded null), so $a is non-null too.
func (a *analyzer) narrow(e ast.Vertex, s *State, n Nullness) {
	if s.dead {
		return
	}
	for depth := 0; e != nil && depth < 64; depth++ {
		switch x := e.(type) {
		case *ast.ExprBrackets:
			e = x.Expr
			continue
		case *ast.ExprAssign:
			e = x.Var
			continue
		case *ast.ExprAssignCoalesce:
			e = x.Var
			continue
		}
		var ok bool
		a.buf, ok = a.appendKey(a.buf[:0], e, 0)
		if ok {
			cur := a.peek(e, s)
			v := Value{N: n, Class: cur.Class}
			if n == Null {
				// A test for null shows null is expected, whatever only
				// declared it before.
				v.Why = a.here(whyIsNull, line(e))
				if cur.N.mayBeNull() && cur.Why.kind != whyNone {
					v.Why = cur.Why
					v.Why.declared = false
					v.Why.checked = line(e)
					a.stamp(&v.Why)
				}
			}
			a.buf, _ = a.appendKey(a.buf[:0], e, 0)
			key := string(a.buf)
			if a.settle(s, key, n); s.dead {
				return
			}
			// No kill: narrowing $a keeps what is known of $a->b.
			s.set(key, v)
		}
		if n != NonNull {
			return
		}
		var link bool
		if e, link = linkBase(e); !link {
			return
		}
	}
}

// setClass records the class proven by instanceof.
func (a *analyzer) setClass(e ast.Vertex, class string, s *State) {
	var ok bool
	a.buf, ok = a.appendKey(a.buf[:0], e, 0)
	if !ok {
		return
	}
	key := string(a.buf)
	v, _ := s.lookup(key)
	v.N, v.Class = NonNull, class
	s.set(key, v)
}

// peek returns the current value of a path expression without reporting or
// changing anything.
func (a *analyzer) peek(e ast.Vertex, s *State) Value {
	a.silent++
	v := a.eval(e, s) // paths have no effects; deref does not narrow when silent
	a.silent--
	return v
}
