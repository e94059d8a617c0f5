// Package flow is riskvet's analysis core for PHP: one statement-level
// walker over php-parser's AST that holds paths, joins, loops (run to a
// fixpoint), switch, try/catch/finally, exits, function and class scopes
// and narrowing, and the facts one check tracks along them. nullderef and
// nullarg read its nullness engine; a check with facts of its own supplies
// a [Domain] (undefinedindex's key sets), which the same walker carries
// through the same paths, so that the checks agree on what a loop, a
// switch or a catch means.
//
// Nullness is the walker's own domain: for each local variable and
// property path, whether it is null, not null, maybe null or unknown, and
// every dereference of a value that may be null is reported.
//
// The engine is flow-sensitive: conditions refine the state on each branch
// (!== null, instanceof, isset, truthiness, is_null, assert, && and ||,
// boolean variables holding a test, @phpstan-assert tags, PHPUnit's
// assertions),
// branches join, loops run to a fixpoint (at most a few passes, since the
// lattice is shallow), and try/catch joins every state the try block may
// throw from. Types come from the [index.Index] of the whole tree, so a
// variable holding `$repo->find($id)` carries the declared `?User`.
//
// Unknown is never reported: untyped parameters, mixed, and calls the index
// does not know produce Unknown, so the engine only speaks when it can name
// the source of the null.
//
// Method summaries from the index (index.Summary) grade and refine what the
// declarations say: a nullable property every initializer sets, or a
// callee whose body never returns null, is a [Declared] finding; a call
// that always assigns a property makes it non-null after the call; a null
// test method narrows the property it tests, and a getter returns it
// (effects.go).
//
// The walker is split by concern: [State] and the lattice (state.go), the
// function and class level (flow.go), statements (stmt.go), other domains
// (domain.go), expressions (expr.go), conditions (cond.go) and paths
// (path.go); the narrowing people write has its own files: stored tests
// (boolvar.go), assertion tags (assert.go), PHPUnit (phpunit.go) and
// inline @var (inlinevar.go).
package flow

import (
	"fmt"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/builtin"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// Deref is a dereference of a value that may be null.
type Deref struct {
	// Pos and End are the byte offsets of the dereferenced expression.
	Pos, End int
	// Subject is the dereferenced expression as a short source-like string
	// ("$user", "$this->avatar", "$repo->find()").
	Subject string
	// Why says where the null comes from.
	Why Why
	// Level says how sure the engine is that null reaches the dereference.
	Level Evidence
	// Arg is set when the value is not dereferenced but passed to a
	// parameter whose native type excludes null, which PHP answers with a
	// TypeError on entry (see [Options.Args]).
	Arg *Arg
}

// Arg describes the parameter a possibly-null argument is passed to.
type Arg struct {
	// Param is the parameter's name with its $, Type its type as written,
	// and Callee the function ("render()") or method ("Page::render()").
	Param, Type, Callee string
	// Builtin reports a function or method of PHP itself. Outside
	// strict_types=1, PHP coerces a null given to a built-in's scalar
	// parameter, with a deprecation since 8.1: Coerced is then what null
	// becomes (`""`, "0", "0.0", "false"), and "" when the type has no
	// scalar and PHP throws a TypeError in every mode.
	Builtin bool
	Coerced string
}

// Evidence grades a finding by what shows that null reaches it, from the
// surest to the least sure. Judged on real code (bench/judged), the grades
// differ sharply in precision, which is why the check's default reports
// only the first: see phpcheck/nullderef's doc.
type Evidence uint8

const (
	// Definite: the function being analysed makes the value null on every
	// path that reaches the dereference: `$x = null; $x->m();`, or
	// `if ($x === null) { $x->m(); }`.
	Definite Evidence = iota
	// Inevitable: the function being analysed makes the value null at a
	// point that the dereference follows on every path, with no test of
	// anything and no exit between: `$x = null; if ($ok) { $x = f(); }
	// $x->m();`, or `if ($x === null) { log(); } $x->m();`. Whenever that
	// point runs without the assignment or guard that would fix it, the
	// dereference fails (see region.go).
	Inevitable
	// Local: the function being analysed puts null on the path itself: a
	// null assignment or default, its own nullable parameter, a ternary,
	// match or ?-> that yields null, an inline @var that admits null, or a
	// comparison with null that the dereference follows without an exit,
	// on some of the paths that reach the dereference.
	Local
	// Shown: code elsewhere shows null can arrive: a callee whose body
	// returns null on a reachable path, a nullable property that no
	// initializer sets.
	Shown
	// Declared: only the declared or documented nullable type of something
	// else says null may arrive (a property every initializer sets, a
	// callee whose body never returns null, an interface or abstract
	// method).
	Declared
)

// String names the level as it appears in messages and settings.
func (e Evidence) String() string {
	switch e {
	case Definite:
		return "definite"
	case Inevitable:
		return "inevitable"
	case Local:
		return "local"
	case Shown:
		return "shown"
	}
	return "declared"
}

// ParseEvidence returns the level String names.
func ParseEvidence(s string) (Evidence, bool) {
	for e := Definite; e <= Declared; e++ {
		if e.String() == s {
			return e, true
		}
	}
	return 0, false
}

// Options are the settings of one analysis.
type Options struct {
	// Lifecycle names methods that run before every other method of their
	// class, beside the constructor (PHPUnit's setUp and the methods marked
	// #[Before] or @before are always included).
	Lifecycle []string
	// NeverNull names functions ("wp_get_current_user") and methods
	// ("Container::get", matched on the short class name or the fully
	// qualified one, which also covers subclasses and implementations)
	// that never return null once the application has booted, whatever
	// their declared type says.
	NeverNull []string
	// Args also reports arguments that may be null passed to a parameter
	// whose native type excludes null (Deref.Arg is then set).
	Args bool
	// OnlyNulls skips the functions and methods that make no null
	// themselves (MakesNull), call nothing whose assertion tag may make
	// one (index.AssertsNull) and declare no function or class inside:
	// enough for the Definite and Inevitable levels, whose every event
	// starts at such a null.
	OnlyNulls bool
}

// File analyses every function, method, closure and the top-level code of
// one parsed file, calling report once per dereference site.
func File(root ast.Vertex, ix *index.Index, opts Options, report func(Deref)) {
	r, ok := root.(*ast.Root)
	if !ok {
		return
	}
	a := &analyzer{ix: ix, opts: opts, report: report}
	a.topLevel(r.Stmts)
}

// member keys the per-file memories by a class and one of its members
// (without building a string per lookup, as a concatenation would).
type member struct{ class, name string }

// analyzer holds the per-file context of the walk.
type analyzer struct {
	ix     *index.Index
	opts   Options
	names  index.Names
	report func(Deref)
	// dom is the domain walked instead of nullness, nil for nullness
	// (see domain.go).
	dom Domain
	// reported holds the positions already reported: loops are walked more
	// than once and a site is reported once.
	reported map[int]bool

	// The enclosing class and method.
	class, parent string
	static        bool
	method        string

	// inits, initMethods and effects remember the index's summary
	// queries per file.
	inits       map[member]string
	initMethods map[member]bool
	effects     map[member]map[string]bool
	// asserts remembers withAsserts per file.
	asserts map[*index.Func]*index.Func

	// regions holds the parent of each region, region the current one and
	// exits the abrupt exits passed (region.go).
	regions []int32
	region  int32
	exits   int32

	// Control-flow targets of the function being walked.
	loops []*target
	tries []*State
	// depth bounds recursion on pathological nesting; gaveUp is set
	// once it is past maxStmtDepth.
	depth  int
	gaveUp bool
	// silent > 0 while evaluating where null is not an error (isset,
	// empty, ??) or only peeking at a value.
	silent int
	// buf is scratch space for path keys.
	buf []byte
	// refs holds the aliases of the body being walked (refs.go).
	refs []alias
}

// target collects the states flowing to a loop's or switch's break and
// continue.
type target struct {
	breaks, continues *State
}

// maxDepth bounds the recursion into nested expressions; deeper code is
// treated as unknown rather than risking the stack.
const maxDepth = 2000

// maxStmtDepth bounds the nesting of statements (generated code can nest
// thousands of ifs). Past it the walker gives up on the rest of the file:
// nothing deeper is followed, and nothing is reported from then on, since
// a write it did not see could make a later report false.
const maxStmtDepth = 20000

// topLevel walks a file's top-level statements: namespaces and imports
// update the name resolver, declarations are analysed as their own
// functions, everything else is the file's script code, analysed as one
// function body.
func (a *analyzer) topLevel(stmts []ast.Vertex) {
	var script []ast.Vertex
	flush := func() {
		if len(script) > 0 {
			r := a.enter()
			a.body(script, a.entry(nil))
			a.leave(r)
			script = script[:0]
		}
	}
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.StmtNamespace:
			flush()
			a.names.EnterNamespace(s)
			if s.Stmts != nil {
				a.topLevel(s.Stmts)
			}
		case *ast.StmtUseList, *ast.StmtGroupUseList:
			a.names.AddUses(s)
		default:
			if a.decl(s) {
				continue
			}
			script = append(script, s)
		}
	}
	flush()
}

// decl analyses a declaration statement and reports whether s was one.
func (a *analyzer) decl(s ast.Vertex) bool {
	switch s := s.(type) {
	case *ast.StmtFunction:
		a.function("", "", false, s, s.Params, s.Stmts, nil)
	case *ast.StmtClass:
		if s.Name != nil {
			a.classBody(a.names.Qualify(index.NameString(s.Name)), a.names.Class(s.Extends), s.Stmts)
		}
	case *ast.StmtTrait:
		a.classBody(a.names.Qualify(index.NameString(s.Name)), "", s.Stmts)
	case *ast.StmtEnum:
		a.classBody(a.names.Qualify(index.NameString(s.Name)), "", s.Stmts)
	case *ast.StmtInterface:
	default:
		return false
	}
	return true
}

func (a *analyzer) classBody(class, parent string, stmts []ast.Vertex) {
	for _, s := range stmts {
		m, ok := s.(*ast.StmtClassMethod)
		if !ok {
			continue
		}
		body, ok := m.Stmt.(*ast.StmtStmtList)
		if !ok {
			continue // abstract or interface method
		}
		static := false
		for _, mod := range m.Modifiers {
			if id, ok := mod.(*ast.Identifier); ok && len(id.Value) == 6 && string(id.Value) == "static" {
				static = true
			}
		}
		saved := a.method
		a.method = index.NameString(m.Name)
		a.function(class, parent, static, m, m.Params, body.Stmts, nil)
		a.method = saved
	}
}

// function analyses one function body in its own scope; decl is its
// declaration. outer, when not nil, is the captured state of a closure.
func (a *analyzer) function(class, parent string, static bool, decl ast.Vertex, params, stmts []ast.Vertex, outer *State) {
	saved := *a
	a.class, a.parent, a.static = class, parent, static
	a.loops, a.tries = nil, nil
	s := outer
	if s == nil {
		// A body with nothing to find is not walked: without a null it
		// makes itself (Options.OnlyNulls), or when the domain says so.
		skip := a.dom == nil && a.opts.OnlyNulls && !mayFind(decl, a.ix, &a.names)
		if !skip {
			s = a.entry(decl)
			skip = a.dom != nil && s.dom == nil
		}
		if skip {
			a.class, a.parent, a.static = saved.class, saved.parent, saved.static
			a.loops, a.tries = saved.loops, saved.tries
			return
		}
	}
	a.enter()
	if a.dom == nil {
		a.bindParams(params, s)
	}
	a.body(stmts, s)
	a.class, a.parent, a.static = saved.class, saved.parent, saved.static
	a.loops, a.tries = saved.loops, saved.tries
	a.region, a.exits = saved.region, saved.exits
}

// entry returns the state a function body, or a file's top-level code
// when decl is nil, starts in.
func (a *analyzer) entry(decl ast.Vertex) *State {
	s := newState()
	if a.dom != nil {
		s.dom = a.dom.Func(decl)
	}
	return s
}

// bindParams types the parameters: `?T`, `T|null` and `T $x = null` are
// Maybe with the declaration as the reason; other declared types are
// NonNull; untyped parameters are unknown.
func (a *analyzer) bindParams(params []ast.Vertex, s *State) {
	for _, p := range params {
		p, ok := p.(*ast.Parameter)
		if !ok {
			continue
		}
		name := varName(p.Var)
		if name == "" {
			continue
		}
		t := index.ParamType(&a.names, p, a.class, a.parent)
		v := Value{Class: t.Class()}
		switch {
		case p.AmpersandTkn != nil:
			v = unknown // by-reference: the caller may change it at any time
		case t.Nullable:
			v.N = Maybe
			v.Why = Why{kind: whyParam, param: &param{name: name, text: t.Text}}
			a.stamp(&v.Why)
		case t.NonNull:
			v.N = NonNull
		}
		s.kill(name)
		s.set(name, v)
	}
}

// body walks a function body from the entry state.
func (a *analyzer) body(stmts []ast.Vertex, s *State) {
	refs := a.refs
	a.refs = nil
	a.stmts(stmts, s)
	a.refs = refs
}

// grade returns the evidence that v, reaching the current point, is null.
func (a *analyzer) grade(v Value) Evidence {
	level := v.Why.level()
	switch {
	case level == Local && v.N == Null:
		level = Definite
	case level == Local && a.inevitable(v.Why):
		level = Inevitable
	}
	return level
}

// reportDeref reports a dereference of e, whose value is v, once per site.
func (a *analyzer) reportDeref(e ast.Vertex, v Value) {
	pos := e.GetPosition()
	if pos == nil || a.report == nil {
		return
	}
	if a.reported[pos.StartPos] {
		return
	}
	if a.reported == nil {
		a.reported = map[int]bool{}
	}
	a.reported[pos.StartPos] = true
	a.report(Deref{Pos: pos.StartPos, End: pos.EndPos, Subject: subject(e, 0), Why: v.Why, Level: a.grade(v)})
}

// reportArg reports an argument e, whose value v may be null, passed to
// parameter p, of type t, of fn (a method of cl when cl is not nil).
func (a *analyzer) reportArg(e ast.Vertex, v Value, p *index.Param, t *index.Type, fn *index.Func, cl *index.Class) {
	pos := e.GetPosition()
	if pos == nil || a.report == nil || a.silent > 0 || a.reported[-1-pos.StartPos] {
		return
	}
	if a.reported == nil {
		a.reported = map[int]bool{}
	}
	a.reported[-1-pos.StartPos] = true // apart from a dereference at the same offset
	arg := &Arg{Param: p.Name, Type: t.Text, Callee: calleeName(fn, cl), Builtin: fn.Builtin}
	if fn.Builtin {
		arg.Coerced = builtin.Scalar(*t)
	}
	a.report(Deref{Pos: pos.StartPos, End: pos.EndPos, Subject: subject(e, 0), Why: v.Why, Level: a.grade(v), Arg: arg})
}

// sharedKey keys the analysis [Run] shares between checks in check.Pass.Shared.
type sharedKey struct{ opts string }

// Run analyses pass's file once per set of options, with arguments
// reported too, and returns every event; checks that read the same
// analysis (nullderef and nullarg) share it through pass.Shared.
func Run(pass *check.Pass, opts Options) []Deref {
	opts.Args = true
	key := sharedKey{fmt.Sprint(opts)}
	if ds, ok := pass.Shared[key].([]Deref); ok {
		return ds
	}
	var ds []Deref
	File(pass.Root, pass.Index, opts, func(d Deref) { ds = append(ds, d) })
	if pass.Shared != nil {
		pass.Shared[key] = ds
	}
	return ds
}
