package nullness

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// A test is what a boolean variable knows after `$ok = $x !== null;`: the
// paths its condition refined on the true and on the false branch, with
// their refined values. Testing the variable (`if ($ok)`, `if (!$ok)
// return;`) applies one side, as testing the condition itself would. The
// test dies when the variable or any path it mentions is assigned (see
// State.kill), so it never outlives the facts it was taken from.
//
// A flag assigned a literal (`$found = true;`) holds a test with no
// refinements that only says which literal it holds (lit). Where an edge
// on which the flag is true joins one on which it is false, the join makes
// a test of them: each branch's refinements are what its edge knew beyond
// the joined state (`$found = false; foreach (...) { if (...) { $item =
// $x; $found = true; break; } } if ($found) $item->m();`).
type test struct {
	name string
	t, f []entry
	lit  literal
}

// literal says which boolean literal a flag was last assigned.
type literal uint8

const (
	notLiteral literal = iota
	litTrue
	litFalse
)

// Bounds keep states small: a test remembers a few paths per branch (more
// are dropped, which only loses narrowing), and a state a few tests (the
// oldest is dropped first).
const (
	maxTestPaths = 4
	maxTests     = 8
)

// rememberTest records, after `lhs = rhs`, what rhs tests when lhs is a
// plain variable and rhs a condition. The condition is evaluated again,
// silently, on a copy of the state after the assignment: its effects are
// already in s, so the two copies differ only by its refinements.
func (a *analyzer) rememberTest(lhs, rhs ast.Vertex, s *State) {
	name := varName(lhs)
	if name == "" || name == "$this" || s.dead {
		return
	}
	var tc *test
	if b, ok := flow.BoolLiteral(rhs); ok {
		tc = &test{name: name, lit: litFalse}
		if b {
			tc.lit = litTrue
		}
	} else if tern, ok := unbracket(rhs).(*ast.ExprTernary); ok && tern.IfTrue != nil && (isFalsy(tern.IfTrue) || isFalsy(tern.IfFalse)) {
		// `$ok = $x ? $x->f() : false;`: a truthy flag means the
		// condition held (failed, when the constant is on the true side);
		// a falsy one says nothing, since the other side may be falsy too.
		a.silent++
		t, f := a.cond(tern.Cond, s.clone())
		a.silent--
		if isFalsy(tern.IfTrue) {
			t = f
		}
		tc = &test{name: name, t: refinements(t, s, name)}
		if tc.t == nil {
			return
		}
	} else {
		if !a.isTest(rhs, s, 0) {
			return
		}
		a.silent++
		t, f := a.cond(rhs, s.clone())
		a.silent--
		tc = &test{name: name, t: refinements(t, s, name), f: refinements(f, s, name)}
		if tc.t == nil && tc.f == nil {
			return
		}
	}
	s.addTest(tc)
}

// addTest adds a test to s, dropping the oldest beyond maxTests.
func (s *State) addTest(tc *test) {
	tests := make([]*test, 0, min(len(s.tests)+1, maxTests))
	if len(s.tests) >= maxTests {
		tests = append(tests, s.tests[len(s.tests)-maxTests+1:]...)
	} else {
		tests = append(tests, s.tests...)
	}
	s.tests = append(tests, tc)
}

// refinements returns the paths whose value in b differs from base, at
// most maxTestPaths of them, or nil when b is dead or mentions name (a
// test of `$ok = !$ok` would refine the variable it is stored in).
//
// When there are more, the paths that base holds as maybe null come first:
// they are the ones a test is consulted for.
func refinements(b, base *State, name string) []entry {
	if b.dead {
		return nil
	}
	var out, rest []entry
	for _, e := range b.vars {
		old, ok := base.lookup(e.key)
		if ok && old.N == e.v.N && old.Class == e.v.Class {
			continue
		}
		if e.key == name || isBelow(e.key, name) {
			return nil
		}
		if old.N.mayBeNull() {
			out = append(out, e)
		} else {
			rest = append(rest, e)
		}
	}
	out = append(out, rest...)
	return out[:min(len(out), maxTestPaths):min(len(out), maxTestPaths)]
}

// isTest reports whether rhs is a condition worth remembering: a
// comparison, instanceof, isset, empty, a negation or a boolean operator, a
// bool cast, an is_* call, or a call whose callee carries an
// @phpstan-assert-if-true or -if-false tag.
func (a *analyzer) isTest(rhs ast.Vertex, s *State, depth int) bool {
	if depth > maxKeyDepth {
		return false
	}
	switch e := rhs.(type) {
	case *ast.ExprBrackets:
		return a.isTest(e.Expr, s, depth+1)
	case *ast.ExprCastBool:
		return a.isTest(e.Expr, s, depth+1) || isPath(e.Expr)
	case *ast.ExprBinaryIdentical, *ast.ExprBinaryNotIdentical, *ast.ExprBinaryEqual, *ast.ExprBinaryNotEqual,
		*ast.ExprInstanceOf, *ast.ExprIsset, *ast.ExprEmpty, *ast.ExprBooleanNot,
		*ast.ExprBinaryBooleanAnd, *ast.ExprBinaryBooleanOr, *ast.ExprBinaryLogicalAnd, *ast.ExprBinaryLogicalOr:
		return true
	case *ast.ExprFunctionCall:
		if n, ok := e.Function.(*ast.Name); ok && strings.HasPrefix(strings.ToLower(index.NameString(n)), "is_") {
			return true
		}
	}
	fn, _, _ := a.callee(rhs, s)
	return fn != nil && hasConditionalAssert(fn)
}

// isPath reports whether e is a variable or a property path, whose bool
// cast is a truthiness test.
func isPath(e ast.Vertex) bool {
	switch e.(type) {
	case *ast.ExprVariable, *ast.ExprPropertyFetch, *ast.ExprNullsafePropertyFetch, *ast.ExprStaticPropertyFetch:
		return true
	}
	return false
}

// applyTest refines t and f, the branches of a test of variable e, by what
// the variable's remembered test says.
func (a *analyzer) applyTest(e ast.Vertex, t, f *State) {
	if tc := t.testOf(varName(e)); tc != nil {
		refine(t, tc.t)
		refine(f, tc.f)
	}
}

// refine applies remembered refinements to s, keeping a class s knows
// when the refinement has none.
func refine(s *State, es []entry) {
	if s.dead {
		return
	}
	for _, e := range es {
		v := e.v
		if cur, ok := s.lookup(e.key); ok && v.Class == "" {
			v.Class = cur.Class
		}
		s.set(e.key, v)
	}
}

// dropTests forgets the tests stored in key, or mentioning key or a path
// below it: key is being assigned.
func (s *State) dropTests(key string) {
	if len(s.tests) == 0 {
		return
	}
	keep := func(tc *test) bool {
		if tc.name == key {
			return false
		}
		for _, es := range [2][]entry{tc.t, tc.f} {
			for _, e := range es {
				if e.key == key || isBelow(e.key, key) {
					return false
				}
			}
		}
		return true
	}
	s.filterTests(keep)
}

// dropNullTests forgets the tests that would make a path below prefix null:
// a method call on prefix may have assigned it (see invalidatePrefix).
func (s *State) dropNullTests(prefix string) {
	if len(s.tests) == 0 {
		return
	}
	s.filterTests(func(tc *test) bool {
		for _, es := range [2][]entry{tc.t, tc.f} {
			for _, e := range es {
				if e.v.N.mayBeNull() && isBelow(e.key, prefix) {
					return false
				}
			}
		}
		return true
	})
}

// filterTests keeps the tests for which keep is true, copying the slice
// only when one goes.
func (s *State) filterTests(keep func(*test) bool) {
	for i, tc := range s.tests {
		if keep(tc) {
			continue
		}
		out := append(make([]*test, 0, len(s.tests)-1), s.tests[:i]...)
		for _, tc := range s.tests[i+1:] {
			if keep(tc) {
				out = append(out, tc)
			}
		}
		s.tests = out
		return
	}
}

// joinTests returns the tests of r, the join of a and b: those both edges
// hold (a test is immutable, so the same pointer on both sides is the same
// fact), a flag that holds the same literal on both, and a test made of a
// flag that is true on one edge and false on the other.
func joinTests(a, b, r *State) []*test {
	if sameTests(a.tests, b.tests) {
		return a.tests
	}
	var out []*test
	for _, x := range a.tests {
		for _, y := range b.tests {
			switch {
			case x == y, x.name == y.name && x.lit != notLiteral && x.lit == y.lit:
				out = append(out, x)
			case x.name == y.name && x.lit != notLiteral && y.lit != notLiteral:
				onTrue, onFalse := a, b
				if x.lit == litFalse {
					onTrue, onFalse = b, a
				}
				tc := &test{name: x.name, t: refinements(onTrue, r, x.name), f: refinements(onFalse, r, x.name)}
				if tc.t != nil || tc.f != nil {
					out = append(out, tc)
				}
			default:
				continue
			}
			break
		}
	}
	return out
}

// sameTests reports whether a and b hold the same tests in the same order.
func sameTests(a, b []*test) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// boolCompare splits `$ok === true`, `$ok == false` and their mirrors when
// $ok holds a remembered test: it is a bool, so comparing it with true is
// testing it. It reports false for any other comparison, leaving s as is.
func (a *analyzer) boolCompare(l, r ast.Vertex, s *State) (t, f *State, ok bool) {
	v, lit := l, r
	want, isLit := flow.BoolLiteral(lit)
	if !isLit {
		v, lit = r, l
		want, isLit = flow.BoolLiteral(lit)
	}
	tc := s.testOf(varName(v))
	if !isLit || tc == nil {
		return nil, nil, false
	}
	t, f = s, s.clone()
	refine(t, tc.t)
	refine(f, tc.f)
	if !want {
		t, f = f, t
	}
	return t, f, true
}

// testOf returns the test remembered for variable name, or nil.
func (s *State) testOf(name string) *test {
	if name == "" {
		return nil
	}
	for i := len(s.tests) - 1; i >= 0; i-- {
		if s.tests[i].name == name {
			return s.tests[i]
		}
	}
	return nil
}

// unbracket returns e without its enclosing parentheses.
func unbracket(e ast.Vertex) ast.Vertex {
	for i := 0; i < maxKeyDepth; i++ {
		b, ok := e.(*ast.ExprBrackets)
		if !ok {
			break
		}
		e = b.Expr
	}
	return e
}

// isFalsy reports whether e is a constant PHP reads as false: false, null,
// 0, "", "0" or [].
func isFalsy(e ast.Vertex) bool {
	switch e := unbracket(e).(type) {
	case *ast.ExprConstFetch:
		b, ok := flow.BoolLiteral(e)
		return ok && !b || index.IsNull(e)
	case *ast.ScalarLnumber:
		return string(e.Value) == "0"
	case *ast.ScalarString:
		v := string(e.Value)
		return v == "''" || v == `""` || v == "'0'" || v == `"0"`
	case *ast.ExprArray:
		return len(e.Items) == 0
	}
	return false
}
