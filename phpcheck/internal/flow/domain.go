package flow

import (
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// A Domain is what one check tracks along the walk (nullness is one,
// undefinedindex's key sets another): the walker owns paths (statements,
// branches and their joins, loops, switch, try/catch/finally, exits,
// function and class scopes, namespaces and imports) and calls the domain for what happens inside them: the
// effects of an expression, the facts a condition proves on each branch,
// a write of an unknown value.
//
// The walker hands a domain facts it owns: a method may change them in
// place. Facts are never passed for unreachable code, unless the domain
// is an [UnreachableWalker].
//
// Where domains differ in how they read a construct, the walker asks: a
// domain implements the optional interfaces below ([TryJoiner],
// [StatementWatcher], [Binder], [UnreachableWalker], [OnceRunner],
// [Enumerator], [PassKeeper], [BodyWatcher]) whose choice is not the
// default, and the walker looks for each once, when the walk starts.
type Domain interface {
	// Func returns the facts a function or method body starts with; decl
	// is its *ast.StmtFunction or *ast.StmtClassMethod, or nil for a
	// file's top-level code. For a function or method it may return nil
	// when the domain can find nothing in the body, which is then not
	// walked.
	Func(decl ast.Vertex) Facts
	// Enter and Leave are called before and after each reachable
	// statement of a statement list (for facts written beside it, as an
	// inline @var tag); a [StatementWatcher] is also told of the others.
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
// The walker clones facts at every branch and loop pass, most of them
// never changed: facts that are costly to copy copy on write (as
// undefinedindex's do).
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

// A StatementWatcher is told (Enter and Leave) of every statement, also
// one that is not in a list: the body of an if, else, loop or declare
// written without braces, and a braced block itself. Nullness reads the
// inline @var tags written there.
type StatementWatcher interface {
	// WatchesEveryStatement reports whether the domain makes that choice.
	WatchesEveryStatement() bool
}

// A Binder binds a function's parameters: Bind is called with the
// parameters of a function, method, closure or arrow function once its
// body's region is open (see [Scope.Here]), before its body.
type Binder interface {
	Bind(params []ast.Vertex, f Facts)
}

// An UnreachableWalker also evaluates what unreachable statements do on
// their own (the closures they create): each unreachable statement's
// expressions go to Effect, in the facts Unreachable returns (and a
// foreach's to RunsOnce; no Cond, Write, Widen, Enter or Leave).
type UnreachableWalker interface {
	Unreachable() Facts
}

// A OnceRunner knows when a foreach body runs at least once, so that the
// loop's exit sees only the states the body ends in, not the state before
// it: RunsOnce is asked with the facts after the loop's array is
// evaluated and widened.
type OnceRunner interface {
	RunsOnce(st *ast.StmtForeach, f Facts) bool
}

// An Enumerator is told of the facts on the path that no branch of an
// if-elseif chain without else, and no case of a switch without default,
// took (nullness grades the nulls that survive only there: see its
// region.go).
type Enumerator interface {
	Unenumerated(f Facts)
}

// A PassKeeper is told of a loop's passes: BeginLoop when a loop (or a
// nested one) starts, Pass before each pass over its body, EndLoop after
// the last; a domain keeps what only the last pass found (see
// nullness's passBuffer).
type PassKeeper interface {
	BeginLoop()
	Pass()
	EndLoop()
}

// A BodyWatcher is told when the walk starts and ends a function body or
// a file's top-level code (not an arrow function's expression), for facts
// a domain keeps per body apart from the state (nullness's aliases).
type BodyWatcher interface {
	EnterBody()
	LeaveBody()
}

// Scope is the walk seen from a domain: where it is, and the nested bodies
// the domain asks it to walk.
type Scope struct{ a *analyzer }

// Names resolves the names written at the current point.
func (sc *Scope) Names() *index.Names { return &sc.a.names }

// Class returns the fully qualified class whose method is walked and its
// parent, "" outside a class.
func (sc *Scope) Class() (class, parent string) { return sc.a.class, sc.a.parent }

// Static reports whether the method walked is static.
func (sc *Scope) Static() bool { return sc.a.static }

// Depth returns the nesting of the statements around the current point,
// for a domain to bound its own recursion by the total.
func (sc *Scope) Depth() int { return sc.a.depth }

// Method returns the name of the method walked, "" outside one.
func (sc *Scope) Method() string { return sc.a.method }

// Closure walks the body of a closure created at the current point, from
// facts f.
func (sc *Scope) Closure(e *ast.ExprClosure, f Facts) {
	a := sc.a
	a.function(a.class, a.parent, a.static || e.StaticTkn != nil, e, e.Params, e.Stmts, f)
}

// Arrow evaluates the body of an arrow function created at the current
// point, in its own region and loops, from facts f (it captures the whole
// enclosing scope by value).
func (sc *Scope) Arrow(e *ast.ExprArrowFunction, f Facts) {
	a := sc.a
	loops, tries := a.loops, a.tries
	region, exits := a.region, a.exits
	a.loops, a.tries = nil, nil
	a.enter()
	if a.binder != nil {
		a.binder.Bind(e.Params, f)
	}
	a.dom.Effect(e.Expr, f)
	a.loops, a.tries = loops, tries
	a.region, a.exits = region, exits
}

// AnonymousClass walks the methods of a class declared in an expression
// (`new class { ... }`).
func (sc *Scope) AnonymousClass(c *ast.StmtClass) {
	sc.a.classBody("", sc.a.names.Class(c.Extends), c.Stmts)
}

// Walk walks every function, method, closure and the top-level code of one
// parsed file with the domain newDomain returns.
func Walk(root ast.Vertex, ix *index.Index, newDomain func(*Scope) Domain) {
	r, ok := root.(*ast.Root)
	if !ok {
		return
	}
	a := &analyzer{ix: ix}
	a.sc.a = a
	a.walk(r, newDomain(&a.sc))
}

// walk walks root with domain d.
func (a *analyzer) walk(r *ast.Root, d Domain) {
	a.dom = d
	if j, ok := d.(TryJoiner); ok {
		a.joinTries = j.JoinsTries()
	}
	if w, ok := d.(StatementWatcher); ok {
		a.everyStatement = w.WatchesEveryStatement()
	}
	a.binder, _ = d.(Binder)
	a.unreachable, _ = d.(UnreachableWalker)
	a.onceRunner, _ = d.(OnceRunner)
	a.enumerator, _ = d.(Enumerator)
	a.passKeeper, _ = d.(PassKeeper)
	a.bodyWatcher, _ = d.(BodyWatcher)
	a.topLevel(r.Stmts)
}

// state is the walker's state at one program point: whether a path
// reaches it, and the domain's facts there. It is a value, and a clone
// costs what the facts' Clone costs. The zero state is dead.
type state struct {
	facts Facts
	// dead: no path reaches the point. A dead state holds facts only for
	// an UnreachableWalker.
	dead bool
}

// live reports whether a path reaches s.
func (s state) live() bool { return !s.dead && s.facts != nil }

// dead is the state no path reaches.
var dead = state{dead: true}

// clone returns a copy of s whose facts can be changed apart from s's.
func (s state) clone() state {
	if s.facts != nil {
		s.facts = s.facts.Clone()
	}
	return s
}

// join returns the state where paths holding a and b meet; dead states are
// the identity.
func (a state) join(b state) state {
	switch {
	case !a.live():
		if !b.live() {
			return dead
		}
		return b.clone()
	case !b.live(), a.facts == b.facts:
		return a.clone()
	}
	return state{facts: a.facts.Join(b.facts)}
}

// gather joins s into *acc, which starts dead.
func (acc *state) gather(s state) {
	if !s.live() {
		return
	}
	if !acc.live() {
		*acc = s.clone()
		return
	}
	*acc = acc.join(s)
}

// equal reports whether two states hold the same facts (loop fixpoints).
func (a state) equal(b state) bool {
	if a.live() != b.live() {
		return false
	}
	return !a.live() || a.facts == b.facts || a.facts.Equal(b.facts)
}

// deadFacts returns the facts an UnreachableWalker evaluates an
// unreachable statement in, nil for another domain.
func (a *analyzer) deadFacts() Facts {
	if a.unreachable == nil {
		return nil
	}
	return a.unreachable.Unreachable()
}

// factsOf returns the facts of s a domain may read: a live state's, or an
// UnreachableWalker's in unreachable code; nil otherwise.
func (a *analyzer) factsOf(s state) Facts {
	if s.live() || a.unreachable != nil {
		return s.facts
	}
	return nil
}

// effect evaluates e, met between statements, in s and reports whether
// the evaluation completes.
func (a *analyzer) effect(e ast.Vertex, s state) bool {
	if e == nil {
		return true
	}
	if s.live() {
		return a.dom.Effect(e, s.facts)
	}
	if a.unreachable == nil {
		return true
	}
	f := s.facts
	if f == nil {
		f = a.unreachable.Unreachable()
	}
	return a.dom.Effect(e, f)
}

// split evaluates condition e in s and returns the states where it is true
// and where it is false.
func (a *analyzer) split(e ast.Vertex, s state) (state, state) {
	if !s.live() {
		return s, s.clone()
	}
	t, f := a.dom.Cond(e, s.facts)
	return domState(t), domState(f)
}

// domState returns a state holding facts f, dead when f is nil.
func domState(f Facts) state {
	if f == nil {
		return dead
	}
	return state{facts: f}
}

// write records an assignment of an unknown value to target (a foreach
// key or value), or of a caught exception to a catch's variable.
func (a *analyzer) write(target ast.Vertex, s state) {
	if target != nil && s.live() {
		a.dom.Write(target, s.facts)
	}
}

// widen applies the domain's widening for n to s (see [Domain.Widen]).
func (a *analyzer) widen(n ast.Vertex, s state) {
	if s.live() {
		a.dom.Widen(n, s.facts)
	}
}
