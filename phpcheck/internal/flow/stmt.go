package flow

import (
	"strconv"

	"github.com/VKCOM/php-parser/pkg/ast"
)

// stmts walks a statement list and returns the state at its end. Inside a
// try block of a [TryJoiner], every state between statements is joined
// into the try's accumulator: each of them may be the state a catch block
// starts from.
func (a *analyzer) stmts(list []ast.Vertex, s state) state {
	for _, st := range list {
		if !s.live() {
			// Unreachable code is still walked, from an empty state, so that
			// nothing there is reported from impossible facts.
			s = state{dead: true, facts: a.deadFacts()}
		}
		s = a.watched(st, s)
		if n := len(a.tries); n > 0 {
			a.tries[n-1].gather(s)
		}
	}
	return s
}

// watched walks one statement from s (which it may consume) and returns
// the state after it, telling the domain before and after.
func (a *analyzer) watched(st ast.Vertex, s state) state {
	if s.live() {
		a.dom.Enter(st, s.facts)
	}
	s = a.paths(st, s)
	if s.live() {
		a.dom.Leave(st, s.facts)
	}
	return s
}

// stmt walks a statement that is not in a list: the body of an if, a
// loop or a declare, a block. A [StatementWatcher] is told of it too.
func (a *analyzer) stmt(st ast.Vertex, s state) state {
	if a.everyStatement {
		return a.watched(st, s)
	}
	return a.paths(st, s)
}

// paths walks the paths of one statement.
func (a *analyzer) paths(st ast.Vertex, s state) state {
	if a.gaveUp || a.depth > maxStmtDepth {
		a.gaveUp = true
		return dead
	}
	a.depth++
	defer func() { a.depth-- }()
	switch st := st.(type) {
	case *ast.StmtExpression:
		if !a.effect(st.Expr, s) || isExit(st.Expr) {
			a.exit()
			return dead // exit, throw, or a call that never returns
		}
		return s
	case *ast.StmtStmtList:
		return a.stmts(st.Stmts, s)
	case *ast.StmtIf:
		return a.ifStmt(st, s)
	case *ast.StmtWhile:
		a.widen(st, s)
		return a.loop(s, func(s state) (state, state) { return a.split(st.Cond, s) }, func(s state) state { return a.stmt(st.Stmt, s) }, nil)
	case *ast.StmtDo:
		return a.doLoop(st, s)
	case *ast.StmtFor:
		return a.forLoop(st, s)
	case *ast.StmtForeach:
		return a.foreach(st, s)
	case *ast.StmtSwitch:
		return a.switchStmt(st, s)
	case *ast.StmtTry:
		return a.tryStmt(st, s)
	case *ast.StmtReturn:
		a.effect(st.Expr, s)
		a.exit()
		return dead
	case *ast.StmtThrow:
		a.effect(st.Expr, s)
		a.exit()
		return dead
	case *ast.StmtBreak:
		if t := a.target(st.Expr); t != nil {
			t.breaks.gather(s)
		}
		a.exit()
		return dead
	case *ast.StmtContinue:
		if t := a.target(st.Expr); t != nil {
			t.continues.gather(s)
		}
		a.exit()
		return dead
	case *ast.StmtEcho:
		for _, e := range st.Exprs {
			a.effect(e, s)
		}
	case *ast.StmtUnset, *ast.StmtGlobal, *ast.StmtStatic:
		a.effect(st, s)
	case *ast.StmtDeclare:
		return a.stmt(st.Stmt, s)
	case *ast.StmtHaltCompiler:
		a.exit()
		return dead
	case *ast.StmtFunction, *ast.StmtClass, *ast.StmtTrait, *ast.StmtEnum, *ast.StmtInterface:
		a.decl(st)
	case *ast.StmtNamespace:
		a.names.EnterNamespace(st)
	case *ast.StmtUseList, *ast.StmtGroupUseList:
		a.names.AddUses(st)
	default:
		// Labels, goto, constants: the domain's business.
		if st != nil {
			a.effect(st, s)
		}
	}
	return s
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

func (a *analyzer) ifStmt(st *ast.StmtIf, s state) state {
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
		out = out.join(a.stmt(ei.Stmt, t2))
		a.leave(b)
		f = f2
	}
	if e, ok := st.Else.(*ast.StmtElse); ok {
		b := a.enter()
		defer a.leave(b)
		return out.join(a.stmt(e.Stmt, f))
	}
	if len(st.ElseIf) > 0 {
		a.unenumerated(f)
	}
	return out.join(f)
}

// maxPasses bounds loop fixpoint iterations. The lattice is shallow (a
// path only moves towards Maybe or Unknown), so two or three passes settle
// real code; the bound only guards against pathological inputs.
const maxPasses = 4

// loop runs a pre-tested loop to a fixpoint. cond splits the state at the
// head into the body's entry and the loop's exit; post runs after the body
// and continue (for's step expressions).
func (a *analyzer) loop(s state, cond func(state) (state, state), body func(state) state, post func(state)) state {
	return a.loopFrom(s, cond, body, post, false)
}

// loopOnce walks a loop whose body runs at least once (a foreach over an
// array known not to be empty): the exit sees the states the body ends
// in, not the state before it.
func (a *analyzer) loopOnce(s state, cond func(state) (state, state), body func(state) state) state {
	return a.loopFrom(s, cond, body, nil, true)
}

func (a *analyzer) loopFrom(s state, cond func(state) (state, state), body func(state) state, post func(state), once bool) state {
	head := s
	var exit state
	passes := a.passes()
	a.beginLoop()
	defer a.endLoop()
	for pass := 0; ; pass++ {
		a.pass()
		t, f := cond(head.clone())
		tg := &target{}
		a.loops = append(a.loops, tg)
		r := a.enter()
		end := body(t)
		a.loops = a.loops[:len(a.loops)-1]
		tg.continues.gather(end)
		back := tg.continues
		if post != nil && back.live() {
			post(back)
		}
		a.leave(r)
		if once {
			f = back // the body ran: no exit from before it
		}
		exit = f.join(tg.breaks)
		next := head.join(back)
		if next.equal(head) {
			break
		}
		if pass+1 >= passes {
			// Out of passes: the exit also sees the back edge, so
			// what the body assigns is not lost after the loop.
			_, f2 := cond(next)
			exit = exit.join(f2)
			break
		}
		head = next
	}
	return exit
}

// beginLoop, pass and endLoop tell a PassKeeper of a loop's passes.
func (a *analyzer) beginLoop() {
	if a.passKeeper != nil {
		a.passKeeper.BeginLoop()
	}
}

func (a *analyzer) pass() {
	if a.passKeeper != nil {
		a.passKeeper.Pass()
	}
}

func (a *analyzer) endLoop() {
	if a.passKeeper != nil {
		a.passKeeper.EndLoop()
	}
}

// unenumerated tells an Enumerator of s, the state on the path that no
// branch of an if-elseif chain without else (or no case of a switch
// without default) took.
func (a *analyzer) unenumerated(s state) {
	if a.enumerator != nil && s.live() {
		a.enumerator.Unenumerated(s.facts)
	}
}

// passes returns the number of fixpoint passes a loop at the current
// nesting may take. Nested loops multiply their passes, so the budget
// shrinks with depth (4, 3, 2, then 1): a bounded, linear-in-practice walk
// that gives up some precision on loop-carried nulls in deeply nested loops.
func (a *analyzer) passes() int {
	return max(1, maxPasses-len(a.loops))
}

func (a *analyzer) doLoop(st *ast.StmtDo, s state) state {
	a.widen(st, s)
	head := s
	var exit state
	passes := a.passes()
	a.beginLoop()
	defer a.endLoop()
	for pass := 0; pass < passes; pass++ {
		a.pass()
		tg := &target{}
		a.loops = append(a.loops, tg)
		r := a.enter()
		end := a.stmt(st.Stmt, head.clone())
		a.loops = a.loops[:len(a.loops)-1]
		tg.continues.gather(end)
		back := tg.continues
		t, f := a.split(st.Cond, back)
		a.leave(r)
		exit = f.join(tg.breaks)
		next := s.join(t)
		if next.equal(head) {
			break
		}
		head = next
	}
	return exit
}

func (a *analyzer) forLoop(st *ast.StmtFor, s state) state {
	for _, e := range st.Init {
		a.effect(e, s)
	}
	a.widen(st, s)
	cond := func(s state) (state, state) {
		if len(st.Cond) == 0 {
			return s, dead // for (;;) leaves only through break
		}
		for _, e := range st.Cond[:len(st.Cond)-1] {
			a.effect(e, s)
		}
		return a.split(st.Cond[len(st.Cond)-1], s)
	}
	post := func(s state) {
		for _, e := range st.Loop {
			a.effect(e, s)
		}
	}
	return a.loop(s, cond, func(s state) state { return a.stmt(st.Stmt, s) }, post)
}

// foreach walks a foreach loop.
func (a *analyzer) foreach(st *ast.StmtForeach, s state) state {
	a.effect(st.Expr, s)
	a.widen(st, s)
	cond := func(s state) (state, state) {
		// The body may run zero times: the exit sees the head state.
		return s, s.clone()
	}
	body := func(s state) state {
		a.write(st.Key, s)
		a.write(st.Var, s)
		return a.stmt(st.Stmt, s)
	}
	if f := a.factsOf(s); a.onceRunner != nil && f != nil && a.onceRunner.RunsOnce(st, f) {
		return a.loopOnce(s, cond, body)
	}
	return a.loop(s, cond, body, nil)
}

// switchStmt walks a switch. In `switch (true)` each case's condition is a
// guard, as in `match (true)`: its body is entered where the condition
// holds (or by falling through), and the later cases and the default are
// tested where it did not. Cases are tested in order, so a default written
// before other cases sees only the negations of the cases above it.
func (a *analyzer) switchStmt(st *ast.StmtSwitch, s state) state {
	b, ok := BoolLiteral(st.Cond)
	onTrue := ok && b
	a.effect(st.Cond, s)
	a.widen(st, s)
	tg := &target{}
	a.loops = append(a.loops, tg)
	fall := dead
	hasDefault := false
	r := a.enter()
	defer a.leave(r)
	for _, c := range st.Cases {
		var body []ast.Vertex
		var entry state
		switch c := c.(type) {
		case *ast.StmtCase:
			if onTrue {
				t, f := a.split(c.Cond, s)
				entry, s = t.join(fall), f
			} else {
				entry = s.join(fall)
				a.effect(c.Cond, entry)
			}
			body = c.Stmts
		case *ast.StmtDefault:
			hasDefault = true
			entry = s.join(fall)
			body = c.Stmts
		}
		fall = a.stmts(body, entry)
	}
	a.loops = a.loops[:len(a.loops)-1]
	// continue inside a switch acts like break in PHP.
	exit := fall.join(tg.breaks).join(tg.continues)
	if !hasDefault {
		a.unenumerated(s)
		exit = exit.join(s)
	}
	return exit
}

// tryStmt walks try/catch/finally conservatively: a catch block starts
// where any statement of the try block may have thrown, so a variable
// assigned in the try is still maybe null after a catch that does not
// assign it. A [TryJoiner] has the join of every state the try block
// passed through; another domain its widening of the state the block
// starts in.
func (a *analyzer) tryStmt(st *ast.StmtTry, s state) state {
	var acc, end state
	if a.joinTries {
		a.tries = append(a.tries, s.clone())
		end = a.stmts(st.Stmts, s)
		acc = a.tries[len(a.tries)-1]
		a.tries = a.tries[:len(a.tries)-1]
		if n := len(a.tries); n > 0 {
			a.tries[n-1].gather(acc)
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
		out = out.join(a.stmts(c.Stmts, cs))
		a.leave(r)
	}
	if f, ok := st.Finally.(*ast.StmtFinally); ok {
		if !out.live() {
			a.stmts(f.Stmts, acc.clone())
			return dead
		}
		if !a.joinTries {
			// The finally block also runs when the try block or a catch
			// throws.
			out = out.join(acc)
		}
		return a.stmts(f.Stmts, out)
	}
	return out
}
