package nullness

import (
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// This file applies the method summaries of the index (index.Summary):
// properties every initializer sets, what a call of $this's methods
// assigns, and null-test and getter methods.

// initializer returns the method that initialises property prop of class
// (see index.Initializer), or "".
func (a *analyzer) initializer(class, prop string) string {
	key := member{class, prop}
	if by, ok := a.inits[key]; ok {
		return by
	}
	by := a.ix.Initializer(class, prop, a.opts.Lifecycle)
	if a.inits == nil {
		a.inits = map[member]string{}
	}
	a.inits[key] = by
	return by
}

// inInitializer reports whether the method being walked is one that runs
// before the others (a constructor or a lifecycle method): there, a
// property read before its assignment is as null as its declaration says.
func (a *analyzer) inInitializer() bool {
	if a.method() == "" {
		return false
	}
	key := member{a.class(), a.method()}
	is, ok := a.initMethods[key]
	if !ok {
		is = a.ix.IsInitializer(a.class(), a.method(), a.opts.Lifecycle)
		if a.initMethods == nil {
			a.initMethods = map[member]bool{}
		}
		a.initMethods[key] = is
	}
	return is
}

// propValue returns the value of a read of property p (declared by cl) on
// a receiver of class recvClass. A nullable property that an initializer
// of recvClass always sets is still Maybe, but only by its declaration:
// the finding is Declared. On $this inside an initializer, where the read
// may come before the assignment, nothing changes.
func (a *analyzer) propValue(p *index.Prop, cl *index.Class, recvClass string, onThis bool) Value {
	v := propValue(p, cl)
	if v.N != Maybe || p.Static || recvClass == "" || onThis && a.inInitializer() {
		return v
	}
	if by := a.initializer(recvClass, p.Name); by != "" {
		v.Why.init, v.Why.declared = by, true
	}
	return v
}

// sets returns what calling method on an object of class assigns (see
// index.Sets), remembered per file.
func (a *analyzer) sets(class, method string) map[string]bool {
	key := member{class, method}
	if m, ok := a.effects[key]; ok {
		return m
	}
	m := a.ix.Sets(class, method)
	if a.effects == nil {
		a.effects = map[member]map[string]bool{}
	}
	a.effects[key] = m
	return m
}

// applyEffects records, after a call of method on recv (of class class),
// that the properties the call always assigns are non-null.
func (a *analyzer) applyEffects(recv ast.Vertex, class string, method ast.Vertex, s *State) {
	id, ok := method.(*ast.Identifier)
	if !ok || class == "" || s.dead {
		return
	}
	props := a.sets(class, string(id.Value))
	if len(props) == 0 {
		return
	}
	a.buf, ok = a.appendKey(a.buf[:0], recv, 0)
	if !ok {
		return
	}
	base := string(a.buf)
	for p := range props {
		v := Value{N: NonNull}
		if decl, _ := a.ix.Property(class, p); decl != nil {
			v.Class = decl.Type.Class()
		}
		key := base + "->" + p
		s.kill(key)
		s.set(key, v)
	}
}

// nullTest narrows after a condition that calls a null-test method
// (`$o->hasAvatar()` whose body is `return $this->avatar !== null;`): the
// branch where the test says "not null" learns that `$o->avatar` is
// non-null, which a getter of avatar then returns (see getter).
func (a *analyzer) nullTest(e ast.Vertex, t, f *State) {
	call, ok := e.(*ast.ExprMethodCall)
	if !ok || len(call.Args) > 0 {
		return
	}
	id, ok := call.Method.(*ast.Identifier)
	if !ok {
		return
	}
	// Only a receiver that is a path can be narrowed, and peeking at a
	// path has no effects.
	a.buf, ok = a.appendKey(a.buf[:0], call.Var, 0)
	if !ok {
		return
	}
	base := string(a.buf)
	recv := a.peek(call.Var, t)
	if recv.Class == "" {
		return
	}
	m, _ := a.ix.Method(recv.Class, string(id.Value))
	if m == nil || m.Summary.NullTest == "" {
		return
	}
	into := t
	if m.Summary.NullTestNeg {
		into = f
	}
	if into.dead {
		return
	}
	key := base + "->" + m.Summary.NullTest
	v := Value{N: NonNull}
	if p, _ := a.ix.Property(recv.Class, m.Summary.NullTest); p != nil {
		v.Class = p.Type.Class()
	}
	into.set(key, v)
}

// getter returns, for a call of a getter method (a body that is just
// `return $this->p;`), the tracked value of the receiver's path to p.
func (a *analyzer) getter(e ast.Vertex, m *index.Func, s *State) (Value, bool) {
	if m == nil || m.Summary.Getter == "" || len(s.vars) == 0 {
		return unknown, false
	}
	recv := receiver(e)
	if recv == nil {
		return unknown, false
	}
	var ok bool
	a.buf, ok = a.appendKey(a.buf[:0], recv, 0)
	if !ok {
		return unknown, false
	}
	a.buf = append(a.buf, "->"...)
	a.buf = append(a.buf, m.Summary.Getter...)
	return s.get(a.buf)
}

// returnLevel marks the reason for a callee's nullable result as declared
// when nothing in its body shows a null: the body never returns one as
// written, or there is no body (interface, abstract). A body that returns
// a property it may not have set (a getter, a lazy getter that may fail to
// load) takes the level of the property.
func (a *analyzer) returnLevel(w *Why, m *index.Func, recvClass string) {
	if m.Summary.NullAt != 0 || m.Returns.Source == index.ReturnsNull {
		return
	}
	if g := m.Summary.ReturnsProp; g != "" && recvClass != "" {
		if p, _ := a.ix.Property(recvClass, g); p != nil && p.Type.Nullable {
			w.declared = a.initializer(recvClass, g) != ""
			return
		}
	}
	w.declared = true
}
