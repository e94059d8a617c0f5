package index

import (
	"slices"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"
)

// Summary is what a function's body does, as far as the null checks need
// it, collected from the body in the index pass so that callers in other
// files can use it without the body.
type Summary struct {
	// Body reports whether there is a body (false for abstract and
	// interface methods).
	Body bool
	// NullAt is the line of a return that yields null as written: the null
	// literal, a ternary, match or ?? with a null branch, a `?->` result, a
	// local assigned null or a nullable parameter; 0 when there is none,
	// -1 when PHP's own body returns null (an enum's tryFrom).
	NullAt int
	// Sets are the properties of $this that every normal path (one that
	// reaches the end of the body) assigns a value that is not null as
	// written, sorted.
	Sets []string
	// MayNull are the properties of $this that the body may assign null
	// (see NullAt for what may be null) or unset, sorted.
	MayNull []string
	// Calls are the methods of $this that every normal path calls, sorted:
	// "init" for $this->init(), self::init() and static::init(),
	// "parent::__construct" for parent::__construct().
	Calls []string
	// NullAfterCall are the properties of $this that may be assigned null
	// after one of Calls, sorted: what the callee sets does not survive.
	NullAfterCall []string
	// ReturnsProp is the property a body's final `return $this->p;`
	// returns when the body does not set it on every path before (a lazy
	// getter that always loads it does): the result is as null as p.
	ReturnsProp string
	// Getter is the property a getter returns: a body that is just
	// `return $this->p;`.
	Getter string
	// NullTest is the property a body that is just a null test of it
	// tests: `return $this->p !== null;`, `isset($this->p)`,
	// `(bool) $this->p`, `!is_null($this->p)`. NullTestNeg reports the
	// negated test (`=== null`, `is_null`): true when p is null.
	NullTest    string
	NullTestNeg bool
	// Before reports a method marked #[Before] or @before, which PHPUnit
	// runs before every test.
	Before bool
}

// summarize collects the summary of a body with the given parameters.
func summarize(params []ast.Vertex, body []ast.Vertex, hasBody bool) Summary {
	sm := Summary{Body: hasBody}
	if !hasBody {
		return sm
	}
	sc := summaryCollector{nullVars: map[string]bool{}, nullAfterCall: map[string]bool{}}
	for _, p := range params {
		if p, ok := p.(*ast.Parameter); ok && p.AmpersandTkn == nil && p.VariadicTkn == nil {
			if _, nullable := p.Type.(*ast.Nullable); nullable || isNullUnion(p.Type) || p.DefaultValue != nil && IsNull(p.DefaultValue) {
				sc.nullVars[varName(p.Var)] = true
			}
		}
	}
	// Locals first: a return or assignment may precede the `$x = null`
	// that makes $x nullable in a loop. Then the must-assign analysis,
	// which knows the assignments a null test guards, then the rest.
	// One walk finds the assignments and unsets; both passes go over
	// them in the walk's order.
	tr := traverser.NewTraverser(&sc)
	for _, s := range body {
		tr.Traverse(s)
	}
	for _, w := range sc.writes {
		if a, ok := w.(*ast.ExprAssign); ok {
			if name := varName(a.Var); name != "" && sc.mayBeNull(a.Expr, 0) {
				sc.nullVars[name] = true
			}
		}
	}
	// A final return is the normal end of the body, not an early exit.
	run := body
	if n := len(run); n > 0 {
		if _, ok := run[n-1].(*ast.StmtReturn); ok {
			run = run[:n-1]
		}
	}
	if m := sc.must(run, mustState{}, 0); !m.dead {
		sm.Sets = sortedKeys(m.sets)
		sm.Calls = sortedKeys(m.calls)
		sm.NullAfterCall = sortedKeys(sc.nullAfterCall)
		if len(run) < len(body) {
			if p := thisProp(body[len(body)-1].(*ast.StmtReturn).Expr); p != "" && !m.sets[p] {
				sm.ReturnsProp = p
			}
		}
	}
	for _, w := range sc.writes {
		switch w := w.(type) {
		case *ast.ExprAssign:
			if p := thisProp(w.Var); p != "" && sc.mayBeNull(w.Expr, 0) && !sc.guarded[w] {
				sc.addMayNull(p)
			}
		case *ast.StmtUnset:
			for _, v := range w.Vars {
				if p := thisProp(v); p != "" {
					sc.addMayNull(p)
				}
			}
		}
	}
	sm.NullAt = nullReturn(body, 0, func(e ast.Vertex) bool { return sc.mayBeNull(e, 0) })
	sm.MayNull = sortedKeys(sc.mayNull)
	if len(body) == 1 {
		if r, ok := body[0].(*ast.StmtReturn); ok {
			sm.Getter = thisProp(r.Expr)
			if k, neg := nullTest(r.Expr, false, false, 0); strings.HasPrefix(k, "->") {
				sm.NullTest, sm.NullTestNeg = k[2:], neg
			}
		}
	}
	return sm
}

func isNullUnion(t ast.Vertex) bool {
	u, ok := t.(*ast.Union)
	if !ok {
		return false
	}
	for _, x := range u.Types {
		if strings.EqualFold(NameString(x), "null") {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// thisProp returns p for `$this->p` (or `$this?->p`), else "".
func thisProp(e ast.Vertex) string {
	var recv, prop ast.Vertex
	switch e := e.(type) {
	case *ast.ExprPropertyFetch:
		recv, prop = e.Var, e.Prop
	case *ast.ExprBrackets:
		return thisProp(e.Expr)
	default:
		return ""
	}
	if varName(recv) != "$this" {
		return ""
	}
	if id, ok := prop.(*ast.Identifier); ok {
		return string(id.Value)
	}
	return ""
}

// nullTest recognises a null test of $this->p or of a local variable:
// `!== null` and `!= null` (either side), `=== null`, `isset`, `(bool)`,
// `is_null`, `empty`, their negations and, when bare is set, plain
// truthiness. It returns the tested operand's key ("->p" for $this->p,
// "$x" for a local) and neg, true when the test holds where the operand is
// null (or may be: empty). A true non-neg test proves the operand non-null.
func nullTest(e ast.Vertex, neg, bare bool, depth int) (string, bool) {
	if depth > 8 {
		return "", false
	}
	compare := func(l, r ast.Vertex, isNot bool) (string, bool) {
		x := l
		if IsNull(l) {
			x = r
		} else if !IsNull(r) {
			return "", false
		}
		if k := testKey(x); k != "" {
			return k, neg == isNot
		}
		return "", false
	}
	switch e := e.(type) {
	case *ast.ExprBrackets:
		return nullTest(e.Expr, neg, bare, depth+1)
	case *ast.ExprBooleanNot:
		return nullTest(e.Expr, !neg, bare, depth+1)
	case *ast.ExprBinaryNotIdentical:
		return compare(e.Left, e.Right, true)
	case *ast.ExprBinaryNotEqual:
		return compare(e.Left, e.Right, true)
	case *ast.ExprBinaryIdentical:
		return compare(e.Left, e.Right, false)
	case *ast.ExprBinaryEqual:
		return compare(e.Left, e.Right, false)
	case *ast.ExprIsset:
		if len(e.Vars) == 1 {
			if k := testKey(e.Vars[0]); k != "" {
				return k, neg
			}
		}
	case *ast.ExprEmpty:
		if k := testKey(e.Expr); k != "" {
			return k, !neg
		}
	case *ast.ExprCastBool:
		if k := testKey(e.Expr); k != "" {
			return k, neg
		}
	case *ast.ExprFunctionCall:
		if strings.EqualFold(NameString(e.Function), "is_null") && len(e.Args) == 1 {
			if a, ok := e.Args[0].(*ast.Argument); ok {
				if k := testKey(a.Expr); k != "" {
					return k, !neg
				}
			}
		}
	case *ast.ExprVariable, *ast.ExprPropertyFetch:
		if bare {
			if k := testKey(e); k != "" {
				return k, neg
			}
		}
	}
	return "", false
}

// testKey returns the key nullTest uses for an operand: "->p" for
// $this->p, "$x" for a local variable, else "".
func testKey(e ast.Vertex) string {
	if p := thisProp(e); p != "" {
		return "->" + p
	}
	if name := varName(e); name != "" && name != "$this" {
		return name
	}
	return ""
}

// summaryCollector walks a body for its assignments and unsets, which
// summarize goes over twice for what may be null: locals assigned null,
// then null property assignments.
type summaryCollector struct {
	visitor.Null
	writes   []ast.Vertex // *ast.ExprAssign and *ast.StmtUnset, in the walk's order
	nullVars map[string]bool
	mayNull  map[string]bool
	// guarded holds the assignments of a local that a null test proved
	// non-null on every path to them (see mustState.vars).
	guarded map[*ast.ExprAssign]bool
	// nullAfterCall holds the properties that may be assigned null after
	// a call of $this's methods on some path.
	nullAfterCall map[string]bool
}

func (sc *summaryCollector) ExprAssign(n *ast.ExprAssign) { sc.writes = append(sc.writes, n) }

func (sc *summaryCollector) StmtUnset(n *ast.StmtUnset) { sc.writes = append(sc.writes, n) }

func (sc *summaryCollector) addMayNull(p string) {
	if sc.mayNull == nil {
		sc.mayNull = map[string]bool{}
	}
	sc.mayNull[p] = true
}

// mayBeNull reports whether an expression may be null as written: the
// null literal, a `?->` result, a local assigned null or a nullable
// parameter, or a ternary, match or ?? with such a branch.
func (sc *summaryCollector) mayBeNull(e ast.Vertex, depth int) bool {
	if depth > 16 {
		return false
	}
	switch e := e.(type) {
	case *ast.ExprConstFetch:
		return IsNull(e)
	case *ast.ExprNullsafePropertyFetch, *ast.ExprNullsafeMethodCall:
		return true
	case *ast.ExprVariable:
		return sc.nullVars[varName(e)]
	case *ast.ExprBrackets:
		return sc.mayBeNull(e.Expr, depth+1)
	case *ast.ExprAssign:
		return sc.mayBeNull(e.Expr, depth+1)
	case *ast.ExprTernary:
		if e.IfTrue != nil && sc.mayBeNull(e.IfTrue, depth+1) {
			return true
		}
		return sc.mayBeNull(e.IfFalse, depth+1)
	case *ast.ExprBinaryCoalesce:
		return sc.mayBeNull(e.Right, depth+1)
	case *ast.ExprMatch:
		for _, arm := range e.Arms {
			if arm, ok := arm.(*ast.MatchArm); ok && sc.mayBeNull(arm.ReturnExpr, depth+1) {
				return true
			}
		}
	}
	return false
}

// mustState is the must-assign analysis's state at one point: the
// properties of $this assigned non-null (or tested non-null), the methods
// of $this called, and the locals tested non-null, on every path reaching
// it. dead marks a point no normal path reaches (after return, throw,
// exit); it is the identity of meet.
type mustState struct {
	dead  bool
	sets  map[string]bool
	calls map[string]bool
	vars  map[string]bool
}

// known returns m with the operand of a null test (see nullTest) known
// non-null.
func (m mustState) known(key string) mustState {
	if p, ok := strings.CutPrefix(key, "->"); ok {
		m.sets = copyWith(m.sets, p, true)
	} else {
		m.vars = copyWith(m.vars, key, true)
	}
	return m
}

// copyWith returns a copy of set with key added (on) or removed.
func copyWith(set map[string]bool, key string, on bool) map[string]bool {
	n := make(map[string]bool, len(set)+1)
	for k := range set {
		n[k] = true
	}
	if on {
		n[key] = true
	} else {
		delete(n, key)
	}
	return n
}

// meet joins two paths: what both did.
func meet(a, b mustState) mustState {
	if a.dead {
		return b
	}
	if b.dead {
		return a
	}
	return mustState{sets: intersect(a.sets, b.sets), calls: intersect(a.calls, b.calls), vars: intersect(a.vars, b.vars)}
}

func intersect(a, b map[string]bool) map[string]bool {
	var out map[string]bool
	for k := range a {
		if b[k] {
			if out == nil {
				out = map[string]bool{}
			}
			out[k] = true
		}
	}
	return out
}

// must runs the must-assign analysis over a statement list from m.
func (sc *summaryCollector) must(list []ast.Vertex, m mustState, depth int) mustState {
	for _, s := range list {
		if m.dead {
			return m
		}
		m = sc.mustStmt(s, m, depth)
	}
	return m
}

func (sc *summaryCollector) mustStmt(s ast.Vertex, m mustState, depth int) mustState {
	if depth > maxNest {
		return mustState{dead: m.dead}
	}
	switch s := s.(type) {
	case *ast.StmtExpression:
		return sc.mustExpr(s.Expr, m, 0)
	case *ast.StmtStmtList:
		return sc.must(s.Stmts, m, depth+1)
	case *ast.StmtReturn, *ast.StmtThrow:
		// A path that leaves early does not count against the rest: the
		// caller sees the state of the paths that reach the end.
		return mustState{dead: true}
	case *ast.StmtIf:
		// A null test in the condition proves its operand non-null on
		// one side: `if ($this->p === null) { $this->p = new P(); }` sets
		// p on both paths, `if ($x === null) throw ...;` proves $x after.
		t, f := m, m
		if len(s.ElseIf) == 0 {
			if k, neg := nullTest(s.Cond, false, true, 0); k != "" {
				if neg {
					f = f.known(k)
				} else {
					t = t.known(k)
				}
			}
		}
		out := sc.mustStmt(s.Stmt, t, depth+1)
		for _, e := range s.ElseIf {
			if e, ok := e.(*ast.StmtElseIf); ok {
				out = meet(out, sc.mustStmt(e.Stmt, m, depth+1))
			}
		}
		if e, ok := s.Else.(*ast.StmtElse); ok {
			return meet(out, sc.mustStmt(e.Stmt, f, depth+1))
		}
		return meet(out, f)
	case *ast.StmtSwitch:
		return sc.mustSwitch(s, m, depth)
	case *ast.StmtTry:
		// The try body counts as run to its end; a catch that does not
		// exit is a path of its own from the state before the try.
		out := sc.must(s.Stmts, m, depth+1)
		for _, c := range s.Catches {
			if c, ok := c.(*ast.StmtCatch); ok {
				out = meet(out, sc.must(c.Stmts, m, depth+1))
			}
		}
		if f, ok := s.Finally.(*ast.StmtFinally); ok && !out.dead {
			out = sc.must(f.Stmts, out, depth+1)
		}
		return out
	case *ast.StmtDo:
		// A do-while body runs at least once; a break may leave it
		// early, so only a body without break counts.
		if !hasBreak(s.Stmt, 0) {
			if out := sc.mustStmt(s.Stmt, m, depth+1); !out.dead {
				return out
			}
		}
	}
	// Anything else (a loop, unset) sets nothing for sure, but may null
	// what was set before.
	return sc.killNulls(s, m)
}

// killNulls returns m without the properties that s may assign null or
// unset.
func (sc *summaryCollector) killNulls(s ast.Vertex, m mustState) mustState {
	if len(m.sets) == 0 {
		return m
	}
	k := nullKiller{sc: sc, m: m}
	traverser.NewTraverser(&k).Traverse(s)
	return k.m
}

// nullKiller is killNulls's visitor.
type nullKiller struct {
	visitor.Null
	sc *summaryCollector
	m  mustState
}

func (k *nullKiller) ExprAssign(n *ast.ExprAssign) {
	if p := thisProp(n.Var); p != "" && k.m.sets[p] && k.sc.mayBeNull(n.Expr, 0) {
		k.m.sets = copyWith(k.m.sets, p, false)
	}
}

func (k *nullKiller) StmtUnset(n *ast.StmtUnset) {
	for _, v := range n.Vars {
		if p := thisProp(v); p != "" && k.m.sets[p] {
			k.m.sets = copyWith(k.m.sets, p, false)
		}
	}
}

// mustSwitch: with a default, every case that ends (by break or by falling
// off the switch) is a path; a case without statements falls through and
// is not a path of its own. Without a default the switch may run nothing.
func (sc *summaryCollector) mustSwitch(s *ast.StmtSwitch, m mustState, depth int) mustState {
	hasDefault := false
	out := mustState{dead: true}
	for _, c := range s.Cases {
		var body []ast.Vertex
		switch c := c.(type) {
		case *ast.StmtCase:
			body = c.Stmts
		case *ast.StmtDefault:
			hasDefault = true
			body = c.Stmts
		}
		if len(body) == 0 {
			continue
		}
		if n := len(body); n > 0 {
			if _, ok := body[n-1].(*ast.StmtBreak); ok {
				body = body[:n-1]
			}
		}
		if hasBreak(&ast.StmtStmtList{Stmts: body}, 0) {
			out = meet(out, m)
			continue
		}
		out = meet(out, sc.must(body, m, depth+1))
	}
	if !hasDefault {
		return meet(out, m)
	}
	return out
}

// hasBreak reports whether a statement contains a break or continue
// outside nested loops and switches.
func hasBreak(s ast.Vertex, depth int) bool {
	if depth > maxNest {
		return true
	}
	switch s := s.(type) {
	case *ast.StmtBreak, *ast.StmtContinue:
		return true
	case *ast.StmtStmtList:
		return slices.ContainsFunc(s.Stmts, func(x ast.Vertex) bool { return hasBreak(x, depth+1) })
	case *ast.StmtIf:
		if hasBreak(s.Stmt, depth+1) {
			return true
		}
		for _, e := range s.ElseIf {
			if e, ok := e.(*ast.StmtElseIf); ok && hasBreak(e.Stmt, depth+1) {
				return true
			}
		}
		if e, ok := s.Else.(*ast.StmtElse); ok {
			return hasBreak(e.Stmt, depth+1)
		}
	case *ast.StmtTry:
		if slices.ContainsFunc(s.Stmts, func(x ast.Vertex) bool { return hasBreak(x, depth+1) }) {
			return true
		}
		for _, c := range s.Catches {
			if c, ok := c.(*ast.StmtCatch); ok && slices.ContainsFunc(c.Stmts, func(x ast.Vertex) bool { return hasBreak(x, depth+1) }) {
				return true
			}
		}
	}
	return false
}

// mustExpr applies an expression statement: assignments to $this's
// properties (chained ones too), calls of $this's methods, and exits.
func (sc *summaryCollector) mustExpr(e ast.Vertex, m mustState, depth int) mustState {
	if depth > 16 {
		return m
	}
	switch e := e.(type) {
	case *ast.ExprAssign:
		m = sc.mustExpr(e.Expr, m, depth+1)
		if p := thisProp(e.Var); p != "" {
			nonNull := !sc.mayBeNull(e.Expr, 0)
			if !nonNull && m.vars[varName(e.Expr)] {
				nonNull = true
				if sc.guarded == nil {
					sc.guarded = map[*ast.ExprAssign]bool{}
				}
				sc.guarded[e] = true
			}
			if !nonNull && len(m.calls) > 0 {
				sc.nullAfterCall[p] = true
			}
			m.sets = copyWith(m.sets, p, nonNull)
			return m
		}
		if name := varName(e.Var); name != "" {
			// A reassigned local loses what a test proved of it.
			m.vars = copyWith(m.vars, name, false)
		}
	case *ast.ExprAssignCoalesce:
		// $this->p ??= x leaves p non-null when x is.
		if p := thisProp(e.Var); p != "" && !sc.mayBeNull(e.Expr, 0) {
			m.sets = copyWith(m.sets, p, true)
			return m
		}
	case *ast.ExprMethodCall:
		if varName(e.Var) == "$this" && !FirstClass(e) {
			if id, ok := e.Method.(*ast.Identifier); ok {
				m.calls = copyWith(m.calls, string(id.Value), true)
				return m
			}
		}
	case *ast.ExprStaticCall:
		id, ok := e.Call.(*ast.Identifier)
		if !ok || FirstClass(e) {
			break
		}
		switch strings.ToLower(NameString(e.Class)) {
		case "self", "static":
			m.calls = copyWith(m.calls, string(id.Value), true)
			return m
		case "parent":
			m.calls = copyWith(m.calls, "parent::"+string(id.Value), true)
			return m
		}
	case *ast.ExprExit, *ast.ExprThrow:
		return mustState{dead: true}
	case *ast.ExprErrorSuppress:
		return sc.mustExpr(e.Expr, m, depth+1)
	}
	return m
}

// isBefore reports whether a method's attributes or doc comment mark it as
// one PHPUnit runs before every test: #[Before] or @before.
func isBefore(attrs []ast.Vertex, doc string) bool {
	for _, g := range attrs {
		g, ok := g.(*ast.AttributeGroup)
		if !ok {
			continue
		}
		for _, at := range g.Attrs {
			if at, ok := at.(*ast.Attribute); ok {
				if strings.EqualFold(lastName(NameString(at.Name)), "Before") {
					return true
				}
			}
		}
	}
	for i := strings.Index(doc, "@before"); i >= 0; {
		end := i + len("@before")
		if end == len(doc) || !isWordByte(doc[end]) {
			return true
		}
		j := strings.Index(doc[end:], "@before")
		if j < 0 {
			break
		}
		i = end + j
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// beforeMethods returns the methods a class's PHPBench BeforeMethods
// attribute or doc tag names: #[BeforeMethods('init')],
// #[BeforeMethods(['a', 'b'])], @BeforeMethods({"init"}).
func beforeMethods(attrs []ast.Vertex, doc string) []string {
	var out []string
	for _, g := range attrs {
		g, ok := g.(*ast.AttributeGroup)
		if !ok {
			continue
		}
		for _, at := range g.Attrs {
			at, ok := at.(*ast.Attribute)
			if !ok || !strings.EqualFold(lastName(NameString(at.Name)), "BeforeMethods") {
				continue
			}
			for _, arg := range at.Args {
				if arg, ok := arg.(*ast.Argument); ok {
					out = appendStringLits(out, arg.Expr, 0)
				}
			}
		}
	}
	if i := strings.Index(doc, "@BeforeMethods("); i >= 0 {
		rest := doc[i+len("@BeforeMethods("):]
		if end := strings.IndexByte(rest, ')'); end >= 0 {
			out = append(out, strings.FieldsFunc(rest[:end], func(r rune) bool { return strings.ContainsRune("{}\"', \t\n*", r) })...)
		}
	}
	return out
}

// appendStringLits appends the string literals of e: a string, or an
// array of them.
func appendStringLits(out []string, e ast.Vertex, depth int) []string {
	switch e := e.(type) {
	case *ast.ScalarString:
		v := string(e.Value)
		if len(v) >= 2 && (v[0] == '\'' || v[0] == '"') {
			v = v[1 : len(v)-1]
		}
		return append(out, v)
	case *ast.ExprArray:
		if depth > 0 {
			return out
		}
		for _, it := range e.Items {
			if it, ok := it.(*ast.ExprArrayItem); ok {
				out = appendStringLits(out, it.Val, depth+1)
			}
		}
	}
	return out
}

// lastName returns a name's last segment.
func lastName(name string) string {
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		return name[i+1:]
	}
	return name
}
