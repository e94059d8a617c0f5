package undefinedindex

import (
	"fmt"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// domain is the check's flow.Domain: the key facts of one file, which
// phpcheck/internal/flow walks one function body at a time.
type domain struct {
	pass *check.Pass
	sc   *flow.Scope
	// quiet counts enclosing contexts that must not report (the operand
	// of @, the rest of a file nested too deep).
	quiet int
	// depth is the current nesting of expr and cond calls.
	depth int
	// docs holds the file's inline @var tags by the line their comment
	// ends on (see docs.go); later holds the tags of a statement that
	// apply after it, between Enter and Leave.
	docs  map[int][]docVar
	later map[ast.Vertex][]docVar
	// skips: a body that can report nothing is not walked (see Func).
	skips bool
	// reported holds the offsets reported: the walk may look at a loop
	// body more than once.
	reported map[int]bool
	// inTest reports whether an offset is in test code, whose findings
	// are withheld (nil: report everywhere).
	inTest func(pos int) bool
}

// maxDepth bounds the recursion into nested expressions: generated code
// can nest a million levels deep, which would overflow the goroutine
// stack, a crash no recover can catch. Past it the check gives up on the
// rest of the file: nothing deeper is followed, and nothing is reported
// from then on, since a write it did not see could make a later report
// false.
const maxDepth = 20000

// enter counts one more level of nesting and reports whether to descend.
func (w *domain) enter() bool {
	if w.depth >= maxDepth {
		w.quiet = 1 << 30 // for the rest of the file: the paired quiet++ and quiet-- leave it above 0
		return false
	}
	w.depth++
	return true
}

func (w *domain) leave() { w.depth-- }

// reportf reports at n once per offset, withheld in test code unless
// -undefinedindex.tests.
func (w *domain) reportf(n ast.Vertex, format string, args ...any) {
	d := check.Diagnostic{Message: fmt.Sprintf(format, args...)}
	if pos := n.GetPosition(); pos != nil {
		if w.reported[pos.StartPos] {
			return
		}
		if w.reported == nil {
			w.reported = map[int]bool{}
		}
		w.reported[pos.StartPos] = true
		d.Pos, d.End = pos.StartPos, pos.EndPos
	}
	d.Withheld = w.inTest != nil && w.inTest(d.Pos)
	w.pass.Report(d)
}

// class returns the class whose method is walked and its parent.
func (w *domain) class() string {
	c, _ := w.sc.Class()
	return c
}

func (w *domain) parent() string {
	_, p := w.sc.Class()
	return p
}

// Func starts a function body with the shapes its @param tags declare.
func (w *domain) Func(decl ast.Vertex) flow.Facts {
	if decl != nil && w.skips && !bodyMayReport(decl, w.pass.Index, w.callees) {
		return nil // nothing to find: not walked
	}
	switch d := decl.(type) {
	case *ast.StmtFunction:
		return &cow{s: w.params(d, d.Params)}
	case *ast.StmtClassMethod:
		return &cow{s: w.params(d, d.Params)}
	}
	return &cow{s: newState()}
}

// callees returns the full names a call of this name may call.
func (w *domain) callees(name ast.Vertex) []string {
	a, b := w.sc.Names().FuncCandidates(name)
	return []string{a, b}
}

// Enter applies the inline @var tags before st that name a variable it
// does not assign; Leave applies the others.
func (w *domain) Enter(st ast.Vertex, f flow.Facts) {
	if later := w.inlineVars(st, f.(*cow).own()); len(later) > 0 {
		if w.later == nil {
			w.later = map[ast.Vertex][]docVar{}
		}
		w.later[st] = later
	}
}

func (w *domain) Leave(st ast.Vertex, f flow.Facts) {
	if later, ok := w.later[st]; ok {
		delete(w.later, st)
		w.applyVars(later, st, f.(*cow).own())
	}
}

// Effect evaluates an expression met between statements, or a statement
// without paths of its own.
func (w *domain) Effect(n ast.Vertex, f flow.Facts) bool {
	s := f.(*cow).own()
	if !w.stmt(n, s) {
		w.exprStmt(n, s)
	}
	return !s.dead
}

// Cond returns the states where condition e holds and where it does not.
func (w *domain) Cond(e ast.Vertex, f flow.Facts) (flow.Facts, flow.Facts) {
	s := f.(*cow).own()
	fs := w.cond(e, s)
	return live(s.with(fs.t)), live(s.with(fs.f))
}

// live returns s as facts, nil when no path reaches it.
func live(s *state) flow.Facts {
	if s.dead {
		return nil
	}
	return &cow{s: s}
}

// Write records a foreach variable or a catch variable.
func (w *domain) Write(target ast.Vertex, f flow.Facts) {
	if c, ok := target.(*ast.StmtCatch); ok {
		target = c.Var
	}
	w.target(target, nil, f.(*cow).own())
}

// Widen makes the arrays n writes unknown, so that one pass over a loop
// body is sound for every iteration, and a catch block sound wherever the
// try block threw.
func (w *domain) Widen(n ast.Vertex, f flow.Facts) {
	s := f.(*cow).own()
	names, all := written(n)
	if all {
		s.forgetArrays()
	}
	for name := range names {
		s.forgetPath(name)
	}
}

// facts are the guards a condition establishes when it is true and when it
// is false.
type facts struct{ t, f []slot }

// stmt applies n when it is one of the statements without paths of their
// own that the walker hands a domain, and reports whether it is.
func (w *domain) stmt(n ast.Vertex, s *state) bool {
	switch n := n.(type) {
	case *ast.StmtUnset:
		for _, v := range n.Vars {
			w.unset(v, s)
		}
	case *ast.StmtGlobal:
		for _, v := range n.Vars {
			if name, ok := varName(v); ok {
				s.forget(name)
			}
		}
	case *ast.StmtStatic:
		for _, v := range n.Vars {
			if sv, ok := v.(*ast.StmtStaticVar); ok {
				if name, ok := varName(sv.Var); ok {
					s.forget(name)
				}
			}
		}
	case *ast.StmtLabel, *ast.StmtGoto:
		// A jump can reach any label: nothing known before it holds.
		*s = *newState()
	case *ast.StmtConstList:
		// Their values are reads.
		for _, c := range n.Consts {
			if c, ok := c.(*ast.StmtConstant); ok {
				w.expr(c.Expr, s)
			}
		}
	case *ast.StmtNop, *ast.StmtInlineHtml:
	default:
		return false
	}
	return true
}

// exprStmt is an expression used as a statement, where `exit` ends the path
// and `G || die()` establishes G.
func (w *domain) exprStmt(e ast.Vertex, s *state) {
	switch e := e.(type) {
	case *ast.ExprExit:
		w.expr(e.Expr, s)
		s.dead = true
		return
	case *ast.ExprThrow:
		w.expr(e.Expr, s)
		s.dead = true
		return
	case *ast.ExprFunctionCall, *ast.ExprMethodCall, *ast.ExprStaticCall:
		if w.assertCall(e, s) || w.guardCall(e, s) {
			return
		}
		if w.exits(e) {
			w.expr(e, s)
			s.dead = true
			return
		}
	}
	// G || die(): G holds after it; G && die(): G does not.
	if l, r, or, ok := flow.Logical(e); ok && terminates(r) {
		fs := w.cond(l, s)
		if or {
			*s = *s.with(fs.t)
		} else {
			*s = *s.with(fs.f)
		}
		return
	}
	w.expr(e, s)
}

// terminates reports whether evaluating e never completes (exit, die,
// throw).
func terminates(e ast.Vertex) bool {
	switch e := e.(type) {
	case *ast.ExprExit, *ast.ExprThrow:
		return true
	case *ast.ExprBrackets:
		return terminates(e.Expr)
	}
	return false
}
