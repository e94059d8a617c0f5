// Package nullness is the nullness domain of the flow engine
// (phpcheck/internal/flow): for each local variable and property path,
// whether it is null, not null, maybe null or unknown, and every
// dereference of a value that may be null, and every such argument passed
// to a parameter that excludes null, is an event. nullderef and nullarg
// read the same events (Run shares one walk of a file between them), so
// the package is theirs, not either check's folder: neither owns the
// other's half.
//
// The engine is flow-sensitive: conditions refine the state on each branch
// (!== null, instanceof, isset, truthiness, is_null, assert, && and ||,
// boolean variables holding a test, @phpstan-assert tags, PHPUnit's
// assertions), branches join, loops run to a fixpoint (at most a few
// passes, since the lattice is shallow), and try/catch joins every state
// the try block may throw from. Types come from the [index.Index] of the
// whole tree, so a variable holding `$repo->find($id)` carries the
// declared `?User`.
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
// The package is split by concern: the domain the walker calls and the
// events (nullness.go), [State] and the lattice (state.go), expressions
// (expr.go, ops.go), conditions (cond.go), paths (path.go), clauses
// relating locals (relate.go), reference aliases (refs.go), guards a call
// forgets (forget.go) and evidence grading (region.go); the narrowing
// people write has its own files:
// stored tests (boolvar.go), assertion tags (assert.go), PHPUnit
// (phpunit.go) and inline @var (inlinevar.go).
package nullness

import (
	"fmt"
	"maps"
	"slices"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/builtin"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
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
	a := &analyzer{ix: ix, opts: opts, report: report}
	flow.Walk(root, ix, func(sc *flow.Scope) flow.Domain {
		a.sc, a.names = sc, sc.Names()
		return &nulls{analyzer: a}
	})
}

// member keys the per-file memories by a class and one of its members
// (without building a string per lookup, as a concatenation would).
type member struct{ class, name string }

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

// analyzer holds nullness's per-file context; the walk's own (where it
// is, the class, the regions) is sc's.
type analyzer struct {
	sc     *flow.Scope
	ix     *index.Index
	opts   Options
	names  *index.Names
	report func(Deref)
	// reported holds the positions already reported: loops are walked more
	// than once and a site is reported once.
	reported map[int]bool

	// inits, initMethods and effects remember the index's summary
	// queries per file.
	inits       map[member]string
	initMethods map[member]bool
	effects     map[member]map[string]bool
	// asserts remembers withAsserts per file.
	asserts map[*index.Func]*index.Func

	// depth bounds the recursion into nested expressions (see maxDepth).
	depth int
	// silent > 0 while evaluating where null is not an error (isset,
	// empty, ??) or only peeking at a value.
	silent int
	// buf is scratch space for path keys.
	buf []byte
	// refs holds the aliases of the body being walked (refs.go), escaped
	// its locals bound by reference to what refs does not follow, outer
	// both of the bodies around it.
	refs    []alias
	escaped []string
	outer   []bodyRefs
	// byRef holds the by-reference parameters Bind met, escaped in the
	// body entered next.
	byRef []string
	// script is set in a file's top-level code, whose variables are
	// globals; next is set from Func until the body is entered.
	script, next bool
}

// maxDepth bounds the nesting of expressions and statements around an
// expression; deeper code is treated as unknown rather than risking the
// stack.
const maxDepth = 2000

// class, parent, static and method say where the walk is: the class whose
// method it walks and its parent, whether the method is static, and its
// name.
func (a *analyzer) class() string {
	c, _ := a.sc.Class()
	return c
}

func (a *analyzer) parent() string {
	_, p := a.sc.Class()
	return p
}

func (a *analyzer) static() bool { return a.sc.Static() }

func (a *analyzer) method() string { return a.sc.Method() }

// nulls is nullness as the walker's [Domain]: its facts are *State values
// (state.go), and its transfer functions are the analyzer's own
// (expressions in expr.go, conditions in cond.go, and the narrowing
// people write in boolvar.go, assert.go, phpunit.go and inlinevar.go).
// It makes every choice the walker offers a domain: it joins a try
// block's states, reads every statement, binds parameters, evaluates unreachable code, runs a
// foreach over a non-empty array at least once, grades an unenumerated
// path, and keeps only a loop's last pass.
type nulls struct {
	*analyzer
	// later holds the inline @var tags that apply after a statement
	// (between Enter and Leave), and those of a foreach, which apply at
	// the start of each pass, under its value variable (see Write).
	later map[ast.Vertex][]docVar
	// buffers holds the report buffers of the loops being walked.
	buffers []*passBuffer
	// finals holds the finally blocks of the try statements being
	// walked (see Enter).
	finals []final
}

// Func starts a body with nothing known, unless there is nothing to find
// in it: without a null it makes itself (Options.OnlyNulls).
func (n *nulls) Func(decl ast.Vertex) flow.Facts {
	n.next = decl == nil
	if decl != nil && n.opts.OnlyNulls && !mayFind(decl, n.ix, n.names) {
		return nil
	}
	return newState()
}

// Bind types the parameters of a function body (see bindParams).
func (n *nulls) Bind(params []ast.Vertex, f flow.Facts) { n.bindParams(params, f.(*State)) }

// Enter applies the inline @var tags before st that name a variable it
// does not assign and keeps the others for Leave, or, for a foreach, for
// the start of each pass.
func (n *nulls) Enter(st ast.Vertex, f flow.Facts) {
	switch st := st.(type) {
	case *ast.StmtForeach:
		if st.AmpersandTkn != nil {
			n.escape(st.Var)
		}
	case *ast.StmtTry:
		if fin, ok := st.Finally.(*ast.StmtFinally); ok && len(fin.Stmts) > 0 {
			n.finals = append(n.finals, final{fin.Stmts[0], st, f.(*State).rel})
		}
	}
	if i := slices.IndexFunc(n.finals, func(x final) bool { return x.first == st }); i >= 0 {
		fin := n.finals[i]
		n.finals = slices.Delete(n.finals, i, i+1)
		finallyRel(f.(*State), fin)
	}
	later := n.inlineVars(st, f.(*State))
	if later == nil {
		return
	}
	var at ast.Vertex
	switch st := st.(type) {
	case *ast.StmtExpression:
		at = st
	case *ast.StmtForeach:
		at = st.Var
	default:
		return
	}
	if n.later == nil {
		n.later = map[ast.Vertex][]docVar{}
	}
	n.later[at] = later
}

// Leave applies the inline @var tags kept for an expression statement.
func (n *nulls) Leave(st ast.Vertex, f flow.Facts) {
	switch st := st.(type) {
	case *ast.StmtExpression:
		if later, ok := n.later[st]; ok {
			delete(n.later, st)
			n.applyVars(later, assigned(st.Expr), f.(*State))
		}
	case *ast.StmtForeach:
		delete(n.later, st.Var)
	}
}

// Effect evaluates an expression, or forgets the variables of an unset,
// global or static statement; the other statements the walker hands a
// domain (labels, goto, constants) say nothing of nullness.
func (n *nulls) Effect(e ast.Vertex, f flow.Facts) bool {
	s := f.(*State)
	switch e := e.(type) {
	case *ast.StmtUnset, *ast.StmtGlobal, *ast.StmtStatic:
		n.forgetVars(e, s)
		return true
	case *ast.StmtNop, *ast.StmtInlineHtml, *ast.StmtLabel, *ast.StmtGoto, *ast.StmtConstList, *ast.StmtConstant,
		*ast.StmtCase, *ast.StmtDefault, *ast.StmtCatch, *ast.StmtFinally, *ast.StmtElse, *ast.StmtElseIf,
		*ast.StmtClassMethod, *ast.StmtClassConstList, *ast.StmtProperty, *ast.StmtPropertyList, *ast.StmtStaticVar,
		*ast.StmtTraitUse, *ast.StmtTraitUseAlias, *ast.StmtTraitUsePrecedence, *ast.StmtUse:
		return true
	}
	return n.eval(e, s).N != never
}

// Cond narrows f on each branch of condition e.
func (n *nulls) Cond(e ast.Vertex, f flow.Facts) (flow.Facts, flow.Facts) {
	t, ff := n.cond(e, f.(*State))
	return liveFacts(t), liveFacts(ff)
}

// liveFacts returns s as facts, nil when no path reaches it.
func liveFacts(s *State) flow.Facts {
	if s.dead {
		return nil
	}
	return s
}

// Write forgets what is known of a foreach key or value, then applies the
// foreach's inline @var tags; or binds a catch's variable.
func (n *nulls) Write(target ast.Vertex, f flow.Facts) {
	s := f.(*State)
	if c, ok := target.(*ast.StmtCatch); ok {
		n.catchVar(c, s)
		return
	}
	n.forget(target, s)
	if later, ok := n.later[target]; ok {
		n.applyVars(later, "", s)
	}
}

// Widen keeps every fact: loops run to a fixpoint, and a try block's
// states are joined (JoinsTries).
func (n *nulls) Widen(ast.Vertex, flow.Facts) {}

// WatchesEveryStatement: an inline @var tag may stand before the body of
// an if or a loop written without braces.
func (n *nulls) WatchesEveryStatement() bool { return true }

// JoinsTries: a catch block starts from the join of the try block's
// states, so that what a statement in the middle assigns is seen.
func (n *nulls) JoinsTries() bool { return true }

// Unreachable evaluates unreachable code from an empty state, so that
// nothing there is reported from impossible facts, while the closures it
// creates are still walked.
func (n *nulls) Unreachable() flow.Facts { return &State{dead: true} }

// RunsOnce reports whether a foreach's array is known not to be empty.
func (n *nulls) RunsOnce(st *ast.StmtForeach, f flow.Facts) bool {
	s := f.(*State)
	return nonEmptyValue(st.Expr) || n.nonEmpty(st.Expr, s) || n.nonEmptyResult(st.Expr, s)
}

// Unenumerated grades the nulls of an unenumerated path (see
// unenumerated).
func (n *nulls) Unenumerated(f flow.Facts) { unenumerated(f.(*State)) }

// BeginLoop, Pass and EndLoop keep the reports of a loop's last pass
// (see passBuffer).
func (n *nulls) BeginLoop() { n.buffers = append(n.buffers, n.bufferPasses()) }

func (n *nulls) Pass() { n.buffers[len(n.buffers)-1].pass(n.analyzer) }

func (n *nulls) EndLoop() {
	b := n.buffers[len(n.buffers)-1]
	n.buffers = n.buffers[:len(n.buffers)-1]
	b.flush(n.analyzer)
}

// EnterBody and LeaveBody keep the references of each body apart.
func (n *nulls) EnterBody() {
	n.outer = append(n.outer, bodyRefs{n.refs, n.escaped, n.script})
	n.refs, n.escaped, n.script, n.next = nil, n.byRef, n.next, false
	n.byRef = nil
}

func (n *nulls) LeaveBody() {
	o := n.outer[len(n.outer)-1]
	n.refs, n.escaped, n.script = o.refs, o.escaped, o.script
	n.outer = n.outer[:len(n.outer)-1]
}

// Clone, Join and Equal make a State the facts of the walk.
func (s *State) Clone() flow.Facts { return s.clone() }

func (s *State) Join(o flow.Facts) flow.Facts { return join(s, o.(*State)) }

func (s *State) Equal(o flow.Facts) bool { return equal(s, o.(*State)) }

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
		t := index.ParamType(a.names, p, a.class(), a.parent())
		v := Value{Class: t.Class()}
		switch {
		case p.AmpersandTkn != nil:
			v = unknown // by-reference: the caller may change it at any time
			a.byRef = append(a.byRef, name)
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

// forgetVars forgets the variables an unset, global or static statement
// names.
func (a *analyzer) forgetVars(st ast.Vertex, s *State) {
	switch st := st.(type) {
	case *ast.StmtUnset:
		for _, v := range st.Vars {
			a.forget(v, s)
			// unset($a[$k]) may empty $a.
			if d, ok := v.(*ast.ExprArrayDimFetch); ok {
				if k, ok := a.nonEmptyKey(d.Var); ok {
					s.del(k)
				}
			}
		}
	case *ast.StmtGlobal:
		for _, v := range st.Vars {
			a.escape(v) // any call may assign it
			a.forget(v, s)
		}
	case *ast.StmtStatic:
		// A static variable keeps its value across calls: its initial
		// value says nothing about later calls, so it is unknown.
		for _, v := range st.Vars {
			if sv, ok := v.(*ast.StmtStaticVar); ok {
				a.eval(sv.Expr, s)
				a.escape(sv.Var) // a recursive call may assign it
				a.forget(sv.Var, s)
			}
		}
	}
}

// passBuffer holds the reports of a loop's current pass. Only the last
// pass's reports are kept: an earlier pass sees the head before the back
// edge joins in what the body assigns, and would report `$e = null;
// foreach ($xs as $x) { if ($seen) { f($e); } $e = $x; $seen = true; }` as
// null on every path.
type passBuffer struct {
	report   func(Deref)
	reported map[int]bool
	got      []Deref
}

// bufferPasses sends the analyzer's reports to a new buffer until flush.
func (a *analyzer) bufferPasses() *passBuffer {
	b := &passBuffer{report: a.report, reported: a.reported}
	if a.report != nil {
		a.report = func(d Deref) { b.got = append(b.got, d) }
	}
	return b
}

// pass starts a pass: the reports and sites reported so far are those
// from before the loop.
func (b *passBuffer) pass(a *analyzer) {
	b.got = b.got[:0]
	a.reported = maps.Clone(b.reported)
}

// flush passes the last pass's reports on.
func (b *passBuffer) flush(a *analyzer) {
	a.report = b.report
	for _, d := range b.got {
		b.report(d)
	}
}
