package nullness

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// thisVar is the receiver that an assertion on "$this->prop" narrows, and
// that a method summary's effects apply to, in a self::, static:: or
// parent:: call.
var thisVar = &ast.ExprVariable{Name: &ast.Identifier{Value: []byte("$this")}}

// callee resolves the function or method that a call calls, with the
// receiver an assertion on "$this->..." applies to (nil for functions and
// static calls on another class) and the arguments. A method is returned
// only when it or a method it overrides has an assertion tag (withAsserts).
// It has no effect: a receiver is only looked at when it is a path.
func (a *analyzer) callee(e ast.Vertex, s *State) (*index.Func, ast.Vertex, []ast.Vertex) {
	fn, cl := a.resolve(e, s)
	switch e := e.(type) {
	case *ast.ExprFunctionCall:
		return fn, nil, e.Args
	case *ast.ExprMethodCall:
		return a.withAsserts(fn, cl), e.Var, e.Args
	case *ast.ExprNullsafeMethodCall:
		return a.withAsserts(fn, cl), e.Var, e.Args
	case *ast.ExprStaticCall:
		var recv ast.Vertex
		if isSelfName(e.Class) && a.class() != "" && !a.static() {
			recv = thisVar
		}
		return a.withAsserts(fn, cl), recv, e.Args
	}
	return nil, nil, nil
}

// resolve returns the function or method a call calls, with a method's
// class, from the index: a function by its name as written, a method on a
// path receiver by the class the walk knows for it, a static method by its
// class name. It has no effect.
func (a *analyzer) resolve(e ast.Vertex, s *State) (*index.Func, *index.Class) {
	switch e := e.(type) {
	case *ast.ExprFunctionCall:
		switch name := e.Function.(type) {
		case *ast.Name, *ast.NameFullyQualified, *ast.NameRelative:
			full, global := a.names.FuncCandidates(name)
			fn := a.ix.Function(full)
			if fn == nil && global != "" {
				fn = a.ix.Function(global)
			}
			return fn, nil
		}
	case *ast.ExprMethodCall:
		return a.methodOf(e.Var, e.Method, s)
	case *ast.ExprNullsafeMethodCall:
		return a.methodOf(e.Var, e.Method, s)
	case *ast.ExprStaticCall:
		id, ok := e.Call.(*ast.Identifier)
		if class := a.staticKeyClass(e.Class); ok && class != "" {
			return a.ix.Method(class, string(id.Value))
		}
	}
	return nil, nil
}

// methodOf resolves a method called on a path receiver.
func (a *analyzer) methodOf(recv, name ast.Vertex, s *State) (*index.Func, *index.Class) {
	id, ok := name.(*ast.Identifier)
	if !ok {
		return nil, nil
	}
	if varName(recv) != "$this" {
		if _, ok := a.appendKey(a.buf[:0], recv, 0); !ok {
			return nil, nil
		}
	}
	class := a.peek(recv, s).Class
	if class == "" {
		return nil, nil
	}
	return a.ix.Method(class, string(id.Value))
}

// hasConditionalAssert reports whether fn has an -if-true or -if-false
// assertion.
func hasConditionalAssert(fn *index.Func) bool {
	for i := range fn.Asserts {
		if fn.Asserts[i].When != index.AssertAlways {
			return true
		}
	}
	return false
}

// callCond splits a call used as a condition: a truthy result proves a
// zero-argument call path non-null, and the callee's -if-true and
// -if-false assertions hold on their branches.
func (a *analyzer) callCond(e ast.Vertex, s *State) (*State, *State) {
	a.eval(e, s)
	f := s.clone()
	a.narrow(e, s, NonNull)
	if fn, recv, args := a.callee(e, s); fn != nil && hasConditionalAssert(fn) {
		a.applyAsserts(fn, recv, args, line(e), s, f)
	}
	return s, f
}

// applyAsserts applies fn's @phpstan-assert and @psalm-assert tags to a
// call. With f nil, the call has returned (s is the state after it) and
// the unconditional tags apply; otherwise s and f are the branches where
// the call's result is true and false, and the -if-true and -if-false
// tags apply, each also negated on the other branch unless written =T, as
// PHPStan reads them. A negation there only ever proves a value non-null:
// `-if-true !null $this->cache` is often written on a test that also fails
// for other reasons (`return $this->cache && $this->fresh($id);`), where
// PHPStan's negation would make the property null on the false branch.
func (a *analyzer) applyAsserts(fn *index.Func, recv ast.Vertex, args []ast.Vertex, ln int32, s, f *State) {
	for i := range fn.Asserts {
		as := &fn.Asserts[i]
		yes, no := s, f
		switch {
		case as.When == index.AssertAlways && f == nil:
			no = nil
		case as.When == index.AssertIfTrue && f != nil:
		case as.When == index.AssertIfFalse && f != nil:
			yes, no = f, s
		default:
			continue
		}
		target := assertTarget(as.Target, fn, recv, args)
		if target == nil {
			continue
		}
		a.assertType(target, as, yes, as.Negated, false, ln)
		if no != nil && !as.Equality {
			a.assertType(target, as, no, !as.Negated, true, ln)
		}
	}
}

// assertType narrows target in s by an asserted type (not, when negated)
// (index.Assert.MayMakeNull says which make a null, for OnlyNulls):
// `null` makes it null, a type without null makes it non-null (and of the
// type's class); the negation of a type with null makes it non-null, and
// the negation of class T makes a value that is T or null null. On the
// opposite branch of a conditional tag nothing is made null.
func (a *analyzer) assertType(target ast.Vertex, as *index.Assert, s *State, negated, opposite bool, ln int32) {
	if s.dead {
		return
	}
	t := &as.Type
	isNull := strings.EqualFold(t.Text, "null")
	switch {
	case !negated && isNull:
		if !opposite {
			a.assertNull(target, s, ln)
		}
	case !negated && t.NonNull:
		a.narrow(target, s, NonNull)
		if class := t.Class(); class != "" {
			a.setClass(target, class, s)
		}
	case negated && t.Nullable:
		a.narrow(target, s, NonNull)
	case negated && t.NonNull && t.Class() != "" && !opposite:
		if cur := a.peek(target, s); cur.N == Maybe && strings.EqualFold(cur.Class, t.Class()) {
			a.assertNull(target, s, ln)
		}
	}
}

// assertNull makes target null, naming the asserting call as the source
// unless the value already has a source.
func (a *analyzer) assertNull(target ast.Vertex, s *State, ln int32) {
	var ok bool
	a.buf, ok = a.appendKey(a.buf[:0], target, 0)
	if !ok {
		return
	}
	cur := a.peek(target, s)
	v := Value{N: Null, Class: cur.Class, Why: a.here(whyIsNull, ln)}
	if cur.N.mayBeNull() {
		v.Why = cur.Why
	}
	a.buf, _ = a.appendKey(a.buf[:0], target, 0)
	s.set(string(a.buf), v)
}

// assertTarget builds the expression an assertion's target names in a
// call: the argument passed for a parameter ("$x"), the receiver
// ("$this"), and property or zero-argument method links below them
// ("$x->prop", "$this->get()"). It returns nil when the call does not pass
// the parameter or the target cannot be read.
func assertTarget(target string, fn *index.Func, recv ast.Vertex, args []ast.Vertex) ast.Vertex {
	parts := strings.Split(target, "->")
	var base ast.Vertex
	if parts[0] == "$this" {
		base = recv
	} else {
		base = argFor(parts[0], fn, args)
	}
	if base == nil {
		return nil
	}
	for _, p := range parts[1:] {
		call := strings.HasSuffix(p, "()")
		name := strings.TrimSuffix(p, "()")
		if !isIdent(name) {
			return nil
		}
		id := &ast.Identifier{Value: []byte(name)}
		if call {
			base = &ast.ExprMethodCall{Var: base, Method: id}
		} else {
			base = &ast.ExprPropertyFetch{Var: base, Prop: id}
		}
	}
	return base
}

// argFor returns the argument a call passes for the named parameter, by
// name when the call uses named arguments, else by position.
func argFor(param string, fn *index.Func, args []ast.Vertex) ast.Vertex {
	pos := -1
	for i := range fn.Params {
		if fn.Params[i].Name == param {
			pos = i
			break
		}
	}
	for i, arg := range args {
		arg, ok := arg.(*ast.Argument)
		if !ok || arg.VariadicTkn != nil {
			return nil
		}
		if arg.Name != nil {
			if "$"+index.NameString(arg.Name) == param {
				return arg.Expr
			}
			continue
		}
		if i == pos {
			return arg.Expr
		}
	}
	return nil
}

// isIdent reports whether s is a PHP identifier.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '_' && c < 0x80 && (c|0x20 < 'a' || c|0x20 > 'z') && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// receiver returns the receiver of a method call.
func receiver(e ast.Vertex) ast.Vertex {
	switch e := e.(type) {
	case *ast.ExprMethodCall:
		return e.Var
	case *ast.ExprNullsafeMethodCall:
		return e.Var
	}
	return nil
}

// withAsserts returns the method whose assertion tags apply to a call of
// m, declared in cl: m itself, or, when m has none, the nearest method of
// the same name up its parents and interfaces that has some (an override
// inherits its parent's docblock, as PHPStan reads it). It returns nil
// when none has tags. It runs on every method call, so the answer is
// remembered per file: m is declared by cl, so m alone keys it.
func (a *analyzer) withAsserts(m *index.Func, cl *index.Class) *index.Func {
	if m == nil {
		return nil
	}
	if r, ok := a.asserts[m]; ok {
		return r
	}
	r := a.inheritedAsserts(m, cl)
	if a.asserts == nil {
		a.asserts = map[*index.Func]*index.Func{}
	}
	a.asserts[m] = r
	return r
}

// inheritedAsserts walks up for withAsserts.
func (a *analyzer) inheritedAsserts(m *index.Func, cl *index.Class) *index.Func {
	for depth := 0; m != nil && depth < maxAssertDepth; depth++ {
		if len(m.Asserts) > 0 {
			return m
		}
		if cl == nil {
			return nil
		}
		// The parents are looked up, not read from cl, so that a cached
		// result records what it depends on.
		parent, interfaces := a.ix.Supers(cl.Name)
		var next *index.Func
		var ncl *index.Class
		for i := -1; i < len(interfaces); i++ {
			up := parent
			if i >= 0 {
				up = interfaces[i]
			}
			if up == "" {
				continue
			}
			if next, ncl = a.ix.Method(up, m.Name); next != nil {
				break
			}
		}
		m, cl = next, ncl
	}
	return nil
}

// maxAssertDepth bounds the walk for inherited assertion tags.
const maxAssertDepth = 4
