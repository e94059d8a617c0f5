// Package flow is riskvet's analysis core for PHP: one statement-level
// walker over php-parser's AST that holds paths, joins, loops (run to a
// fixpoint), switch, try/catch/finally, exits, function and class scopes,
// and carries the facts of one check, a [Domain], along them, so that the
// checks agree on what a loop, a switch or a catch means. Nullness
// (phpcheck/internal/nullness, read by nullderef and nullarg) is one
// domain, undefinedindex's key sets another.
//
// The walker owns the paths and the state at each point: whether a path
// reaches it, and the domain's facts there, a value cloned at every
// branch. A domain says what an expression, a condition and a write do to
// its facts, how two paths join and what a loop or a try may change; the
// walker calls it between statements, and for unreachable code only when
// it asks.
// Where domains read a construct differently, the domain chooses through
// an optional interface the walker looks for once: how a try block
// reaches its catch blocks ([TryJoiner]), whether it is told of the
// statements that are not in a list ([StatementWatcher]), how parameters
// are bound
// ([Binder]), whether unreachable code is evaluated
// ([UnreachableWalker]), when a foreach runs at least once
// ([OnceRunner]), the path no branch of a chain took ([Enumerator]), a
// loop's passes ([PassKeeper]) and where a function body starts and ends
// ([BodyWatcher]). [Scope] is the walk seen from a domain:
// the names and class in force, the nested bodies it asks to have walked
// (closures, arrow functions, anonymous classes), and the regions that
// say whether one point follows another on every path (region.go).
//
// The walker is split by concern: the function and class level (flow.go),
// statements (stmt.go), the domain interface and the walker's state
// (domain.go), regions (region.go), and the operands of php-parser's
// operator nodes, which every domain reads alike (ops.go).
package flow

import (
	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// analyzer holds the per-file context of the walk.
type analyzer struct {
	ix    *index.Index
	names index.Names
	// dom is the domain walked (see domain.go), sc the walk as it sees
	// it.
	dom Domain
	sc  Scope
	// joinTries is the domain's choice for a try block (see [TryJoiner]);
	// the others are the optional interfaces it implements, or nil.
	joinTries      bool
	everyStatement bool
	binder         Binder
	unreachable    UnreachableWalker
	onceRunner     OnceRunner
	enumerator     Enumerator
	passKeeper     PassKeeper
	bodyWatcher    BodyWatcher

	// The enclosing class and method.
	class, parent string
	static        bool
	method        string

	// regions holds the parent of each region, region the current one and
	// exits the abrupt exits passed (region.go).
	regions []int32
	region  int32
	exits   int32

	// Control-flow targets of the function being walked.
	loops []*target
	tries []state
	// depth bounds recursion on pathological nesting; gaveUp is set
	// once it is past maxStmtDepth.
	depth  int
	gaveUp bool
}

// target collects the states flowing to a loop's or switch's break and
// continue.
type target struct {
	breaks, continues state
}

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
			a.body(script, a.entry())
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
func (a *analyzer) function(class, parent string, static bool, decl ast.Vertex, params, stmts []ast.Vertex, outer Facts) {
	saved := *a
	a.class, a.parent, a.static = class, parent, static
	a.loops, a.tries = nil, nil
	f := outer
	if f == nil {
		// A body the domain can find nothing in is not walked.
		if f = a.dom.Func(decl); f == nil {
			a.class, a.parent, a.static = saved.class, saved.parent, saved.static
			a.loops, a.tries = saved.loops, saved.tries
			return
		}
	}
	a.enter()
	if a.binder != nil {
		a.binder.Bind(params, f)
	}
	a.body(stmts, state{facts: f})
	a.class, a.parent, a.static = saved.class, saved.parent, saved.static
	a.loops, a.tries = saved.loops, saved.tries
	a.region, a.exits = saved.region, saved.exits
}

// entry returns the state a file's top-level code starts in.
func (a *analyzer) entry() state {
	return state{facts: a.dom.Func(nil)}
}

// body walks a function body from the entry state.
func (a *analyzer) body(stmts []ast.Vertex, s state) {
	if a.bodyWatcher != nil {
		a.bodyWatcher.EnterBody()
		defer a.bodyWatcher.LeaveBody()
	}
	a.stmts(stmts, s)
}
