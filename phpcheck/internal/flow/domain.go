package flow

import (
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// A Domain is what one check tracks along the walk instead of nullness:
// the walker owns paths (statements, branches and their joins, loops,
// switch, try/catch/finally, exits, function and class scopes, namespaces
// and imports) and calls the domain for what happens inside them: the
// effects of an expression, the facts a condition proves on each branch,
// a write of an unknown value. undefinedindex's key sets are one domain.
//
// The walker hands a domain facts it owns: a method may change them in
// place. Facts are never passed for unreachable code.
type Domain interface {
	// Func returns the facts a function or method body starts with; decl
	// is its *ast.StmtFunction or *ast.StmtClassMethod, or nil for a
	// file's top-level code. For a function or method it may return nil
	// when the domain can find nothing in the body, which is then not
	// walked.
	Func(decl ast.Vertex) Facts
	// Enter and Leave are called before and after each reachable
	// statement (for facts written beside it, as an inline @var tag).
	Enter(st ast.Vertex, f Facts)
	Leave(st ast.Vertex, f Facts)
	// Effect applies the effects of evaluating e: an expression the walker
	// meets between statements (an expression statement, a return value,
	// a loop's initialisation), or a statement with no paths of its own
	// (unset, global, static, a label). It returns false when the
	// evaluation never completes.
	Effect(e ast.Vertex, f Facts) bool
	// Cond evaluates condition e in f and returns the facts where it is
	// true and where it is false, new values distinct from f and from
	// each other; nil for a branch that cannot be taken.
	Cond(e ast.Vertex, f Facts) (t, ff Facts)
	// Write records that target, a foreach key or value, is assigned a
	// value the walker knows nothing of; or, when target is an
	// *ast.StmtCatch, that its variable (nil when it names none) holds an
	// exception of one of its types.
	Write(target ast.Vertex, f Facts)
	// Widen makes f hold only what holds at every point of n, a loop, a
	// switch or a try statement, entered with f: the facts that hold at a
	// loop's head on every pass and, unless the domain is a [TryJoiner],
	// where a catch block starts (after any statement of the try block;
	// the finally block starts from the join of these and the states that
	// reach it normally).
	Widen(n ast.Vertex, f Facts)
}

// A TryJoiner is a domain whose catch blocks start from the join of its
// facts before and after every statement of the try block, nested blocks
// included, instead of from its Widen of the facts the try block starts
// with: exact where a statement in the middle changes a fact, at the cost
// of a join per statement. Its finally block starts from the states that
// reach it normally, or, when none does, from the catch blocks' start.
type TryJoiner interface {
	Domain
	// JoinsTries reports whether the domain makes that choice.
	JoinsTries() bool
}

// Facts are a domain's facts at one program point. The walker tells
// shared facts apart by identity, so they must be comparable: a pointer.
type Facts interface {
	// Clone returns a copy that can be changed apart from the original.
	Clone() Facts
	// Join returns the facts where paths holding the receiver and o meet,
	// a new value.
	Join(o Facts) Facts
	// Equal reports whether the receiver and o hold the same facts, which
	// ends a loop's passes.
	Equal(o Facts) bool
}

// Scope is the walk seen from a domain: where it is, and the nested bodies
// the domain asks it to walk.
type Scope struct{ a *analyzer }

// Names resolves the names written at the current point.
func (sc *Scope) Names() *index.Names { return &sc.a.names }

// Class returns the fully qualified class whose method is walked and its
// parent, "" outside a class.
func (sc *Scope) Class() (class, parent string) { return sc.a.class, sc.a.parent }

// Closure walks the body of a closure created at the current point, from
// facts f.
func (sc *Scope) Closure(e *ast.ExprClosure, f Facts) {
	a := sc.a
	a.function(a.class, a.parent, a.static || e.StaticTkn != nil, e, e.Params, e.Stmts, &State{dom: f})
}

// AnonymousClass walks the methods of a class declared in an expression
// (`new class { ... }`).
func (sc *Scope) AnonymousClass(c *ast.StmtClass) {
	sc.a.classBody("", sc.a.names.Class(c.Extends), c.Stmts)
}

// Walk walks every function, method, closure and the top-level code of one
// parsed file with the domain newDomain returns, instead of nullness: one
// walk per domain, each as cheap as the domain's own transfer functions.
func Walk(root ast.Vertex, ix *index.Index, newDomain func(*Scope) Domain) {
	r, ok := root.(*ast.Root)
	if !ok {
		return
	}
	a := &analyzer{ix: ix}
	a.sc.a = a
	a.dom = newDomain(&a.sc)
	if j, ok := a.dom.(TryJoiner); ok {
		a.joinTries = j.JoinsTries()
	}
	a.topLevel(r.Stmts)
}

// facts returns s's domain facts, copied first when another state shares
// them, for the domain to change.
func (s *State) facts() Facts {
	if s.domShared {
		s.dom = s.dom.Clone()
		s.domShared = false
	}
	return s.dom
}

// effect evaluates e, met between statements, in s: its nullness, or its
// effects on the domain's facts.
func (a *analyzer) effect(e ast.Vertex, s *State) Value {
	if a.dom == nil {
		return a.eval(e, s)
	}
	if e != nil && !s.dead && !a.dom.Effect(e, s.facts()) {
		return Value{N: never}
	}
	return unknown
}

// split evaluates condition e in s and returns the states where it is true
// and where it is false.
func (a *analyzer) split(e ast.Vertex, s *State) (*State, *State) {
	if a.dom == nil {
		return a.cond(e, s)
	}
	if s.dead {
		return s, s.clone()
	}
	t, f := a.dom.Cond(e, s.facts())
	return domState(t), domState(f)
}

// domState returns a state holding facts f, dead when f is nil.
func domState(f Facts) *State {
	if f == nil {
		return deadState()
	}
	return &State{dom: f}
}

// write records an assignment of an unknown value to target (a foreach
// key or value), or of a caught exception to a catch's variable.
func (a *analyzer) write(target ast.Vertex, s *State) {
	if a.dom == nil {
		if c, ok := target.(*ast.StmtCatch); ok {
			a.catchVar(c, s)
			return
		}
		a.forget(target, s)
		return
	}
	if target != nil && !s.dead {
		a.dom.Write(target, s.facts())
	}
}

// widen applies the domain's widening for n to s (see [Domain.Widen]).
func (a *analyzer) widen(n ast.Vertex, s *State) {
	if a.dom != nil && !s.dead {
		a.dom.Widen(n, s.facts())
	}
}

// joinFacts joins the domain facts of two live states.
func joinFacts(a, b Facts) Facts {
	if a == nil || a == b {
		return a
	}
	return a.Join(b)
}
