package flow

import (
	"maps"
	"strconv"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// stmts walks a statement list and returns the state at its end. Inside a
// try block, every state between statements is joined into the try's
// accumulator: each of them may be the state a catch block starts from.
func (a *analyzer) stmts(list []ast.Vertex, s *State) *State {
	for _, st := range list {
		if s.dead {
			// Unreachable code is still walked, from an empty state, so that
			// nothing there is reported from impossible facts.
			s = newState()
			s.dead = true
		}
		if a.dom != nil && !s.dead {
			a.dom.Enter(st, s.facts())
		}
		s = a.stmt(st, s)
		if a.dom != nil && !s.dead {
			a.dom.Leave(st, s.facts())
		}
		if n := len(a.tries); n > 0 {
			into(&a.tries[n-1], s)
		}
	}
	return s
}

// stmt walks one statement from s (which it may consume) and returns the
// state after it.
func (a *analyzer) stmt(st ast.Vertex, s *State) *State {
	if a.gaveUp || a.depth > maxStmtDepth {
		a.gaveUp = true
		return deadState()
	}
	a.depth++
	defer func() { a.depth-- }()
	var later []docVar
	if a.dom == nil {
		later = a.inlineVars(st, s)
	}
	switch st := st.(type) {
	case *ast.StmtExpression:
		if v := a.effect(st.Expr, s); v.N == never || isExit(st.Expr) {
			a.exit()
			return deadState() // exit, throw, or a call that never returns
		}
		if later != nil {
			a.applyVars(later, assigned(st.Expr), s)
		}
		return s
	case *ast.StmtStmtList:
		return a.stmts(st.Stmts, s)
	case *ast.StmtIf:
		return a.ifStmt(st, s)
	case *ast.StmtWhile:
		a.widen(st, s)
		return a.loop(s, func(s *State) (*State, *State) { return a.split(st.Cond, s) }, func(s *State) *State { return a.stmt(st.Stmt, s) }, nil)
	case *ast.StmtDo:
		return a.doLoop(st, s)
	case *ast.StmtFor:
		return a.forLoop(st, s)
	case *ast.StmtForeach:
		return a.foreach(st, s, later)
	case *ast.StmtSwitch:
		return a.switchStmt(st, s)
	case *ast.StmtTry:
		return a.tryStmt(st, s)
	case *ast.StmtReturn:
		a.effect(st.Expr, s)
		a.exit()
		return deadState()
	case *ast.StmtThrow:
		a.effect(st.Expr, s)
		a.exit()
		return deadState()
	case *ast.StmtBreak:
		if t := a.target(st.Expr); t != nil {
			into(&t.breaks, s)
		}
		a.exit()
		return deadState()
	case *ast.StmtContinue:
		if t := a.target(st.Expr); t != nil {
			into(&t.continues, s)
		}
		a.exit()
		return deadState()
	case *ast.StmtEcho:
		for _, e := range st.Exprs {
			a.effect(e, s)
		}
	case *ast.StmtUnset, *ast.StmtGlobal, *ast.StmtStatic:
		if a.dom != nil {
			a.effect(st, s)
			break
		}
		a.forgetVars(st, s)
	case *ast.StmtDeclare:
		return a.stmt(st.Stmt, s)
	case *ast.StmtHaltCompiler:
		a.exit()
		return deadState()
	case *ast.StmtFunction, *ast.StmtClass, *ast.StmtTrait, *ast.StmtEnum, *ast.StmtInterface:
		a.decl(st)
	case *ast.StmtNamespace:
		a.names.EnterNamespace(st)
	case *ast.StmtUseList, *ast.StmtGroupUseList:
		a.names.AddUses(st)
	default:
		// Labels, goto, constants: nothing of nullness.
		if a.dom != nil && st != nil {
			a.effect(st, s)
		}
	}
	return s
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

// isExit reports whether an expression statement ends the function: exit,
// die, or a throw expression.
func isExit(e ast.Vertex) bool {
	switch e := e.(type) {
	case *ast.ExprExit, *ast.ExprThrow:
		return true
	case *ast.ExprErrorSuppress:
		return isExit(e.Expr)
	}
	return false
}

// target returns the loop or switch that a break or continue with the given
// level leaves, or nil.
func (a *analyzer) target(level ast.Vertex) *target {
	n := 1
	if l, ok := level.(*ast.ScalarLnumber); ok {
		if v, err := strconv.Atoi(string(l.Value)); err == nil && v > 0 {
			n = v
		}
	}
	if n > len(a.loops) {
		return nil
	}
	return a.loops[len(a.loops)-n]
}

func (a *analyzer) ifStmt(st *ast.StmtIf, s *State) *State {
	t, f := a.split(st.Cond, s)
	r := a.enter()
	out := a.stmt(st.Stmt, t)
	a.leave(r)
	// Each elseif's condition runs only when those above it failed: it
	// and the branches after it are conditional too.
	r = a.enter()
	defer a.leave(r)
	for _, ei := range st.ElseIf {
		ei, ok := ei.(*ast.StmtElseIf)
		if !ok {
			continue
		}
		t2, f2 := a.split(ei.Cond, f)
		b := a.enter()
		out = join(out, a.stmt(ei.Stmt, t2))
		a.leave(b)
		f = f2
	}
	if e, ok := st.Else.(*ast.StmtElse); ok {
		b := a.enter()
		defer a.leave(b)
		return join(out, a.stmt(e.Stmt, f))
	}
	if len(st.ElseIf) > 0 {
		unenumerated(f)
	}
	return join(out, f)
}

// maxPasses bounds loop fixpoint iterations. The lattice is shallow (a
// path only moves towards Maybe or Unknown), so two or three passes settle
// real code; the bound only guards against pathological inputs.
const maxPasses = 4

// loop runs a pre-tested loop to a fixpoint. cond splits the state at the
// head into the body's entry and the loop's exit; post runs after the body
// and continue (for's step expressions).
func (a *analyzer) loop(s *State, cond func(*State) (*State, *State), body func(*State) *State, post func(*State)) *State {
	return a.loopFrom(s, cond, body, post, false)
}

// loopOnce walks a loop whose body runs at least once (a foreach over an
// array known not to be empty): the exit sees the states the body ends
// in, not the state before it.
func (a *analyzer) loopOnce(s *State, cond func(*State) (*State, *State), body func(*State) *State) *State {
	return a.loopFrom(s, cond, body, nil, true)
}

func (a *analyzer) loopFrom(s *State, cond func(*State) (*State, *State), body func(*State) *State, post func(*State), once bool) *State {
	head := s
	var exit *State
	passes := a.passes()
	buf := a.bufferPasses()
	defer buf.flush(a)
	for pass := 0; ; pass++ {
		buf.pass(a)
		t, f := cond(head.clone())
		tg := &target{}
		a.loops = append(a.loops, tg)
		r := a.enter()
		end := body(t)
		a.loops = a.loops[:len(a.loops)-1]
		into(&tg.continues, end)
		back := tg.continues
		if back == nil {
			back = deadState()
		}
		if post != nil && !back.dead {
			post(back)
		}
		a.leave(r)
		if once {
			f = back // the body ran: no exit from before it
		}
		exit = join(f, tg.breaks)
		next := join(head, back)
		if equal(next, head) {
			break
		}
		if pass+1 >= passes {
			// Out of passes: the exit also sees the back edge, so
			// what the body assigns is not lost after the loop.
			_, f2 := cond(next)
			exit = join(exit, f2)
			break
		}
		head = next
	}
	return exit
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

// passes returns the number of fixpoint passes a loop at the current
// nesting may take. Nested loops multiply their passes, so the budget
// shrinks with depth (4, 3, 2, then 1): a bounded, linear-in-practice walk
// that gives up some precision on loop-carried nulls in deeply nested loops.
func (a *analyzer) passes() int {
	return max(1, maxPasses-len(a.loops))
}

func (a *analyzer) doLoop(st *ast.StmtDo, s *State) *State {
	a.widen(st, s)
	head := s
	var exit *State
	passes := a.passes()
	buf := a.bufferPasses()
	defer buf.flush(a)
	for pass := 0; pass < passes; pass++ {
		buf.pass(a)
		tg := &target{}
		a.loops = append(a.loops, tg)
		r := a.enter()
		end := a.stmt(st.Stmt, head.clone())
		a.loops = a.loops[:len(a.loops)-1]
		into(&tg.continues, end)
		back := tg.continues
		if back == nil {
			back = deadState()
		}
		t, f := a.split(st.Cond, back)
		a.leave(r)
		exit = join(f, tg.breaks)
		next := join(s, t)
		if equal(next, head) {
			break
		}
		head = next
	}
	return exit
}

func (a *analyzer) forLoop(st *ast.StmtFor, s *State) *State {
	for _, e := range st.Init {
		a.effect(e, s)
	}
	a.widen(st, s)
	cond := func(s *State) (*State, *State) {
		if len(st.Cond) == 0 {
			return s, deadState() // for (;;) leaves only through break
		}
		for _, e := range st.Cond[:len(st.Cond)-1] {
			a.effect(e, s)
		}
		return a.split(st.Cond[len(st.Cond)-1], s)
	}
	post := func(s *State) {
		for _, e := range st.Loop {
			a.effect(e, s)
		}
	}
	return a.loop(s, cond, func(s *State) *State { return a.stmt(st.Stmt, s) }, post)
}

// foreach walks a foreach loop; vars are the inline @var tags written
// before it for its loop variables, which hold at the start of each pass.
func (a *analyzer) foreach(st *ast.StmtForeach, s *State, vars []docVar) *State {
	a.effect(st.Expr, s)
	a.widen(st, s)
	cond := func(s *State) (*State, *State) {
		// The body may run zero times: the exit sees the head state.
		return s, s.clone()
	}
	body := func(s *State) *State {
		a.write(st.Key, s)
		a.write(st.Var, s)
		a.applyVars(vars, "", s)
		return a.stmt(st.Stmt, s)
	}
	if a.dom == nil && (nonEmptyValue(st.Expr) || a.nonEmpty(st.Expr, s)) {
		return a.loopOnce(s, cond, body)
	}
	return a.loop(s, cond, body, nil)
}

// switchStmt walks a switch. In `switch (true)` each case's condition is a
// guard, as in `match (true)`: its body is entered where the condition
// holds (or by falling through), and the later cases and the default are
// tested where it did not. Cases are tested in order, so a default written
// before other cases sees only the negations of the cases above it.
func (a *analyzer) switchStmt(st *ast.StmtSwitch, s *State) *State {
	onTrue := isTrue(st.Cond)
	a.effect(st.Cond, s)
	a.widen(st, s)
	tg := &target{}
	a.loops = append(a.loops, tg)
	fall := deadState()
	hasDefault := false
	r := a.enter()
	defer a.leave(r)
	for _, c := range st.Cases {
		var body []ast.Vertex
		var entry *State
		switch c := c.(type) {
		case *ast.StmtCase:
			if onTrue {
				t, f := a.split(c.Cond, s)
				entry, s = join(t, fall), f
			} else {
				entry = join(s, fall)
				a.effect(c.Cond, entry)
			}
			body = c.Stmts
		case *ast.StmtDefault:
			hasDefault = true
			entry = join(s, fall)
			body = c.Stmts
		}
		fall = a.stmts(body, entry)
	}
	a.loops = a.loops[:len(a.loops)-1]
	// continue inside a switch acts like break in PHP.
	exit := join(join(fall, tg.breaks), tg.continues)
	if !hasDefault {
		unenumerated(s)
		exit = join(exit, s)
	}
	return exit
}

// tryStmt walks try/catch/finally conservatively: a catch block starts
// where any statement of the try block may have thrown, so a variable
// assigned in the try is still maybe null after a catch that does not
// assign it. A [TryJoiner] has the join of every state the try block
// passed through; another domain its widening of the state the block
// starts in.
func (a *analyzer) tryStmt(st *ast.StmtTry, s *State) *State {
	var acc, end *State
	if a.joinTries {
		a.tries = append(a.tries, s.clone())
		end = a.stmts(st.Stmts, s)
		acc = a.tries[len(a.tries)-1]
		a.tries = a.tries[:len(a.tries)-1]
		if n := len(a.tries); n > 0 {
			into(&a.tries[n-1], acc)
		}
	} else {
		acc = s.clone()
		a.widen(st, acc)
		end = a.stmts(st.Stmts, s)
	}
	out := end
	for _, c := range st.Catches {
		c, ok := c.(*ast.StmtCatch)
		if !ok {
			continue
		}
		cs := acc.clone()
		r := a.enter()
		a.write(c, cs)
		out = join(out, a.stmts(c.Stmts, cs))
		a.leave(r)
	}
	if f, ok := st.Finally.(*ast.StmtFinally); ok {
		if out.dead {
			a.stmts(f.Stmts, acc.clone())
			return deadState()
		}
		if !a.joinTries {
			// The finally block also runs when the try block or a catch
			// throws.
			out = join(out, acc)
		}
		return a.stmts(f.Stmts, out)
	}
	return out
}
