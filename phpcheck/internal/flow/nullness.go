package flow

import (
	"maps"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// nulls is nullness as the walker's [Domain]: its facts are *State values
// (state.go), and its transfer functions are the analyzer's own
// (expressions in expr.go, conditions in cond.go, and the narrowing
// people write in boolvar.go, assert.go, phpunit.go and inlinevar.go).
// It makes every choice the walker offers a domain: it joins a try
// block's states, binds parameters, evaluates unreachable code, runs a
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
}

// Func starts a body with nothing known, unless there is nothing to find
// in it: without a null it makes itself (Options.OnlyNulls).
func (n *nulls) Func(decl ast.Vertex) Facts {
	if decl != nil && n.opts.OnlyNulls && !mayFind(decl, n.ix, &n.names) {
		return nil
	}
	return newState()
}

// Bind types the parameters of a function body (see bindParams).
func (n *nulls) Bind(params []ast.Vertex, f Facts) { n.bindParams(params, f.(*State)) }

// Enter applies the inline @var tags before st that name a variable it
// does not assign and keeps the others for Leave, or, for a foreach, for
// the start of each pass.
func (n *nulls) Enter(st ast.Vertex, f Facts) {
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
func (n *nulls) Leave(st ast.Vertex, f Facts) {
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
func (n *nulls) Effect(e ast.Vertex, f Facts) bool {
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
func (n *nulls) Cond(e ast.Vertex, f Facts) (Facts, Facts) {
	t, ff := n.cond(e, f.(*State))
	return liveFacts(t), liveFacts(ff)
}

// liveFacts returns s as facts, nil when no path reaches it.
func liveFacts(s *State) Facts {
	if s.dead {
		return nil
	}
	return s
}

// Write forgets what is known of a foreach key or value, then applies the
// foreach's inline @var tags; or binds a catch's variable.
func (n *nulls) Write(target ast.Vertex, f Facts) {
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
func (n *nulls) Widen(ast.Vertex, Facts) {}

// JoinsTries: a catch block starts from the join of the try block's
// states, so that what a statement in the middle assigns is seen.
func (n *nulls) JoinsTries() bool { return true }

// Unreachable evaluates unreachable code from an empty state, so that
// nothing there is reported from impossible facts, while the closures it
// creates are still walked.
func (n *nulls) Unreachable() Facts { return &State{dead: true} }

// RunsOnce reports whether a foreach's array is known not to be empty.
func (n *nulls) RunsOnce(st *ast.StmtForeach, f Facts) bool {
	return nonEmptyValue(st.Expr) || n.nonEmpty(st.Expr, f.(*State))
}

// Unenumerated grades the nulls of an unenumerated path (see
// unenumerated).
func (n *nulls) Unenumerated(f Facts) { unenumerated(f.(*State)) }

// BeginLoop, Pass and EndLoop keep the reports of a loop's last pass
// (see passBuffer).
func (n *nulls) BeginLoop() { n.buffers = append(n.buffers, n.bufferPasses()) }

func (n *nulls) Pass() { n.buffers[len(n.buffers)-1].pass(n.analyzer) }

func (n *nulls) EndLoop() {
	b := n.buffers[len(n.buffers)-1]
	n.buffers = n.buffers[:len(n.buffers)-1]
	b.flush(n.analyzer)
}

// Clone, Join and Equal make a State the facts of the walk.
func (s *State) Clone() Facts { return s.clone() }

func (s *State) Join(o Facts) Facts { return join(s, o.(*State)) }

func (s *State) Equal(o Facts) bool { return equal(s, o.(*State)) }

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
			a.forget(v, s)
		}
	case *ast.StmtStatic:
		// A static variable keeps its value across calls: its initial
		// value says nothing about later calls, so it is unknown.
		for _, v := range st.Vars {
			if sv, ok := v.(*ast.StmtStaticVar); ok {
				a.eval(sv.Expr, s)
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
