package undefinedindex

import (
	"strconv"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// requestInput are the superglobals filled from the request.
var requestInput = map[string]bool{
	"$_GET": true, "$_POST": true, "$_REQUEST": true, "$_COOKIE": true, "$_FILES": true,
}

// pure are functions known not to take an array argument by reference, so
// passing a known array to them keeps its shape.
var pure = map[string]bool{
	"count": true, "sizeof": true, "is_array": true, "isset": true, "empty": true,
	"array_keys": true, "array_values": true, "array_key_exists": true, "key_exists": true,
	"in_array": true, "implode": true, "join": true, "json_encode": true, "print_r": true,
	"var_dump": true, "var_export": true, "array_merge": true, "array_map": true,
	"array_filter": true, "serialize": true, "http_build_query": true, "array_slice": true,
	"array_search": true, "max": true, "min": true, "array_sum": true, "array_flip": true,
	"array_combine": true, "array_diff": true, "array_intersect": true, "sprintf": true,
	"vsprintf": true, "printf": true, "array_column": true, "array_unique": true,
	"array_reverse": true, "array_key_first": true, "array_key_last": true,
	"explode": true, "preg_split": true, "str_getcsv": true, "parse_url": true, "pathinfo": true,
	"strpos": true, "stripos": true, "strstr": true, "mb_strpos": true, "str_contains": true,
	"trim": true, "strlen": true, "substr": true, "strtolower": true, "strtoupper": true,
}

// byRef are builtins with a by-reference parameter: an array element
// passed to them is written (sscanf(..., $b['hour']) creates the key), not
// read.
var byRef = map[string]bool{
	"preg_match": true, "preg_match_all": true, "preg_replace": true, "preg_replace_callback": true,
	"sscanf": true, "settype": true, "str_replace": true, "str_ireplace": true, "exec": true,
	"array_push": true, "array_pop": true, "array_shift": true, "array_unshift": true,
	"array_splice": true, "array_walk": true, "array_multisort": true, "sort": true, "rsort": true,
	"usort": true, "uasort": true, "uksort": true, "ksort": true, "krsort": true, "asort": true,
	"arsort": true, "natsort": true, "natcasesort": true, "shuffle": true, "end": true,
	"reset": true, "next": true, "prev": true, "each": true, "parse_str": true, "mb_parse_str": true,
	"openssl_sign": true, "openssl_seal": true, "fscanf": true, "getimagesize": true,
	"similar_text": true, "headers_sent": true, "is_callable": true, "stream_select": true,
	"socket_select": true, "dns_get_record": true, "getmxrr": true, "proc_open": true,
}

// forgetAll are functions and constructs that can change any local
// variable of the calling scope.
var forgetAll = map[string]bool{
	"extract": true, "parse_str": true, "get_defined_vars": true,
}

// cond evaluates a condition in s and returns the guards it establishes.
func (w *domain) cond(e ast.Vertex, s *state) facts {
	if !w.enter() {
		return facts{}
	}
	defer w.leave()
	if l, r, or, ok := flow.Logical(e); ok {
		if or {
			return w.or(l, r, s)
		}
		return w.and(l, r, s)
	}
	switch e := e.(type) {
	case *ast.ExprBrackets:
		return w.cond(e.Expr, s)
	case *ast.ExprBooleanNot:
		fs := w.cond(e.Expr, s)
		return facts{t: fs.f, f: fs.t}
	case *ast.ExprIsset:
		var t []slot
		for _, v := range e.Vars {
			t = append(t, w.guarded(v, s)...)
		}
		return facts{t: t}
	case *ast.ExprEmpty:
		if name, ok := varName(e.Expr); ok {
			if call := s.results[name]; call != nil {
				return facts{f: w.callFacts(call, s)}
			}
			return facts{f: w.nonEmpty(e.Expr, 1, s)}
		}
		return facts{f: w.guarded(e.Expr, s)}
	case *ast.ExprCastBool:
		return w.cond(e.Expr, s)
	case *ast.ExprBinaryCoalesce:
		if falsy(e.Right) {
			// `if ($a['k'] ?? false)`: truthy only when the key is set.
			return facts{t: w.guarded(e.Left, s)}
		}
	case *ast.ExprFunctionCall:
		w.expr(e, s)
		return facts{t: w.callFacts(e, s)}
	case *ast.ExprStaticCall:
		w.expr(e, s)
		return facts{t: helperFacts(e)}
	case *ast.ExprVariable:
		w.expr(e, s)
		name, _ := varName(e)
		if call := s.results[name]; call != nil {
			return facts{t: w.callFacts(call, s)}
		}
		if fs := s.flags[name]; fs != nil {
			return *fs
		}
		if sh := s.arrays[name]; sh != nil && sh.rest == restAbsent && len(sh.keys) == 0 {
			return facts{t: []slot{never}}
		}
		return facts{t: w.nonEmpty(e, 1, s)}
	}
	if fs, ok := w.coalesceTest(e, s); ok {
		return fs
	}
	if fs, ok := w.compare(e, s); ok {
		return fs
	}
	if x, truth, ok := boolTest(e); ok {
		// isset($a['k']) === true is isset($a['k']).
		fs := w.cond(x, s)
		if !truth {
			fs = facts{t: fs.f, f: fs.t}
		}
		return fs
	}
	w.expr(e, s)
	if fs, ok := valueFacts(e); ok {
		return fs
	}
	return facts{}
}

// coalesceTest returns the facts of a comparison of `x ?? d` with the
// same constant d: `” !== ($a['k'] ?? ”)`, `($a['k'] ?? null) != null`.
// Where x is not set the coalesce is d, which equals d, so a result other
// than d proves x set. ok is false, and nothing is evaluated, for any
// other condition.
func (w *domain) coalesceTest(e ast.Vertex, s *state) (facts, bool) {
	op, l, r := comparison(e)
	c, ok := unbracket(l).(*ast.ExprBinaryCoalesce)
	lit := r
	if !ok {
		c, ok = unbracket(r).(*ast.ExprBinaryCoalesce)
		lit = l
	}
	if !ok {
		return facts{}, false
	}
	d, lit := unbracket(c.Right), unbracket(lit)
	switch {
	case sameConst(d, lit) && (op == "!==" || op == "!="):
		return facts{t: w.guarded(c.Left, s)}, true
	case sameConst(d, lit) && (op == "===" || op == "=="):
		return facts{f: w.guarded(c.Left, s)}, true
	case literal(d) && literal(lit) && op == "===":
		// `($a['k'] ?? '') === 'x'`: the default is not 'x'.
		return facts{t: w.guarded(c.Left, s)}, true
	case literal(d) && literal(lit) && op == "!==":
		return facts{f: w.guarded(c.Left, s)}, true
	}
	return facts{}, false
}

// literal reports whether e is a constant sameConst compares: a string or
// integer literal, true, false or null.
func literal(e ast.Vertex) bool {
	switch e.(type) {
	case *ast.ScalarString, *ast.ScalarLnumber:
		_, ok := constKey(e)
		return ok
	}
	return isConst(e, "true") || isConst(e, "false") || isConst(e, "null")
}

// sameConst reports whether a and b are the same literal: a string or
// number of one key, or one of true, false and null.
func sameConst(a, b ast.Vertex) bool {
	switch a := a.(type) {
	case *ast.ScalarString, *ast.ScalarLnumber:
		ka, ok1 := constKey(a)
		kb, ok2 := constKey(b)
		return ok1 && ok2 && ka == kb && sameKind(a, b)
	case *ast.ExprConstFetch:
		for _, name := range []string{"true", "false", "null"} {
			if isConst(a, name) {
				return isConst(b, name)
			}
		}
	}
	return false
}

// sameKind reports whether a and b are nodes of one type.
func sameKind(a, b ast.Vertex) bool {
	switch a.(type) {
	case *ast.ScalarString:
		_, ok := b.(*ast.ScalarString)
		return ok
	case *ast.ScalarLnumber:
		_, ok := b.(*ast.ScalarLnumber)
		return ok
	}
	return false
}

// falsy reports whether e is a constant PHP takes for false: false, null,
// 0, ”, '0' or [].
func falsy(e ast.Vertex) bool {
	switch e := unbracket(e).(type) {
	case *ast.ExprConstFetch:
		return isConst(e, "false") || isConst(e, "null")
	case *ast.ScalarString, *ast.ScalarLnumber:
		k, ok := constKey(e)
		return ok && (k == strKey("") || k == intKey(0))
	case *ast.ExprArray:
		return len(e.Items) == 0
	}
	return false
}

// boolTest returns x and whether the condition e holds when x is true, for
// e a strict comparison of x with true or false.
func boolTest(e ast.Vertex) (x ast.Vertex, truth, ok bool) {
	op, l, r := comparison(e)
	if op != "===" && op != "!==" {
		return nil, false, false
	}
	lit, x := r, l
	if _, isConst := l.(*ast.ExprConstFetch); isConst {
		lit, x = l, r
	}
	c, isConst := lit.(*ast.ExprConstFetch)
	if !isConst {
		return nil, false, false
	}
	switch strings.ToLower(strings.TrimPrefix(index.NameString(c.Const), `\`)) {
	case "true":
		truth = true
	case "false":
	default:
		return nil, false, false
	}
	return x, truth == (op == "==="), true
}

// and and or evaluate `l && r` and `l || r`. What the evaluation of r
// establishes (a read reported there, see read) holds where r ran: on
// the true side of &&, the false side of ||.
func (w *domain) and(l, r ast.Vertex, s *state) facts {
	lf := w.cond(l, s)
	rs := s.with(lf.t)
	rf := w.cond(r, rs)
	ran := added(s, rs)
	*s = *merge(s, rs)
	return facts{t: append(append(lf.t, rf.t...), ran...), f: append(intersect(lf.f, rf.f), either(lf.f, rf.f)...)}
}

func (w *domain) or(l, r ast.Vertex, s *state) facts {
	lf := w.cond(l, s)
	rs := s.with(lf.f)
	rf := w.cond(r, rs)
	ran := added(s, rs)
	*s = *merge(s, rs)
	return facts{t: append(intersect(lf.t, rf.t), either(lf.t, rf.t)...), f: append(append(lf.f, rf.f...), ran...)}
}

// added returns the guards of after that before lacks.
func added(before, after *state) []slot {
	var out []slot
	for g := range after.guards {
		if !before.guards[g] {
			out = append(out, g)
		}
	}
	return out
}

func intersect(a, b []slot) []slot {
	var out []slot
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// guarded walks the operand of isset, empty or ?? (whose fetch chain is
// not a read) and returns the slots it proves to exist: every level of
// `$a['k']['j']` that is a variable read at a constant key.
func (w *domain) guarded(e ast.Vertex, s *state) []slot {
	var out []slot
	for {
		switch n := e.(type) {
		case *ast.ExprArrayDimFetch:
			// The fetch chain, outermost first, down to its base.
			var dims []*ast.ExprArrayDimFetch
			var base ast.Vertex = n
			for d, ok := n, true; ok; d, ok = base.(*ast.ExprArrayDimFetch) {
				dims = append(dims, d)
				w.expr(d.Dim, s) // the key expressions are still evaluated
				base = d.Var
			}
			name, ok := baseName(base)
			if !ok {
				e = base
				continue
			}
			// Every level at a constant key, from the base up.
			for i := len(dims) - 1; i >= 0; i-- {
				k, ok := constKey(dims[i].Dim)
				if !ok || len(name) > maxNameLen {
					break
				}
				out = append(out, slot{name, k})
				name = elemName(name, k)
			}
			return out
		case *ast.ExprPropertyFetch:
			w.guarded(n.Var, s)
			w.expr(n.Prop, s)
			return out
		case *ast.ExprNullsafePropertyFetch:
			w.guarded(n.Var, s)
			return out
		case *ast.ExprStaticPropertyFetch, *ast.ExprVariable:
			return out
		default:
			w.expr(e, s)
			return out
		}
	}
}

// expr evaluates e as a read.
func (w *domain) expr(e ast.Vertex, s *state) {
	if !w.enter() {
		return
	}
	defer w.leave()
	switch e := e.(type) {
	case nil:
	case *ast.ExprArrayDimFetch:
		w.fetch(e, s)
	case *ast.ExprAssign:
		w.expr(e.Expr, s)
		w.assign(e.Var, e.Expr, s)
	case *ast.ExprAssignReference:
		// `$x = &$a['k']` creates the key; `$x = &$a` aliases $a.
		if alias, ok := varName(e.Var); ok {
			if name, ok := varName(e.Expr); ok {
				s.bind(alias, name)
				return
			}
		}
		switch r := e.Expr.(type) {
		case *ast.ExprVariable:
			if name, ok := varName(r); ok {
				s.forget(name)
			}
		default:
			w.target(r, nil, s)
		}
		w.target(e.Var, nil, s)
	case *ast.ExprAssignCoalesce:
		w.guarded(e.Var, s)
		w.expr(e.Expr, s)
		w.target(e.Var, nil, s)
	case *ast.ExprAssignBitwiseAnd, *ast.ExprAssignBitwiseOr, *ast.ExprAssignBitwiseXor,
		*ast.ExprAssignConcat, *ast.ExprAssignDiv, *ast.ExprAssignMinus, *ast.ExprAssignMod,
		*ast.ExprAssignMul, *ast.ExprAssignPlus, *ast.ExprAssignPow, *ast.ExprAssignShiftLeft,
		*ast.ExprAssignShiftRight:
		// A compound assignment reads its target first.
		v, x := flow.CompoundOperands(e)
		w.expr(x, s)
		if _, isVar := v.(*ast.ExprVariable); isVar {
			// $a += [...] merges keys into an array of unknown shape.
			w.target(v, nil, s)
			return
		}
		w.expr(v, s)
		w.target(v, nil, s)
	case *ast.ExprIsset:
		for _, v := range e.Vars {
			w.guarded(v, s)
		}
	case *ast.ExprEmpty:
		w.guarded(e.Expr, s)
	case *ast.ExprBinaryCoalesce:
		set := w.guarded(e.Left, s)
		w.expr(e.Right, s)
		if terminates(e.Right) {
			// `$a['k'] ?? throw ...`: past it, the key is set.
			*s = *s.with(set)
		}
	case *ast.ExprErrorSuppress:
		w.quiet++
		w.expr(e.Expr, s)
		w.quiet--
	case *ast.ExprBinaryBooleanAnd, *ast.ExprBinaryBooleanOr, *ast.ExprBinaryLogicalAnd,
		*ast.ExprBinaryLogicalOr, *ast.ExprBooleanNot:
		w.cond(e, s)
	case *ast.ExprTernary:
		fs := w.cond(e.Cond, s)
		t := s.with(fs.t)
		w.expr(e.IfTrue, t)
		f := s.with(fs.f)
		w.expr(e.IfFalse, f)
		*s = *merge(t, f)
	case *ast.ExprMatch:
		w.match(e, s)
	case *ast.ExprFunctionCall:
		name := funcName(e.Function)
		if name == "" {
			w.expr(e.Function, s)
		}
		w.args(e.Args, w.argModes(name, e.Function), s)
		if forgetAll[name] {
			s.forgetArrays()
		}
		w.outputs(e, name, s)
		w.asserts(e, s)
	case *ast.ExprMethodCall:
		w.expr(e.Var, s)
		w.expr(e.Method, s)
		w.args(e.Args, mayRefArgs, s)
	case *ast.ExprNullsafeMethodCall:
		w.expr(e.Var, s)
		w.expr(e.Method, s)
		w.args(e.Args, mayRefArgs, s)
	case *ast.ExprStaticCall:
		w.expr(e.Class, s)
		w.expr(e.Call, s)
		w.args(e.Args, mayRefArgs, s)
	case *ast.ExprNew:
		w.expr(e.Class, s)
		w.args(e.Args, mayRefArgs, s)
	case *ast.ExprClosure:
		byValue := map[string]bool{}
		for _, u := range e.Uses {
			u, ok := u.(*ast.ExprClosureUse)
			if !ok {
				continue
			}
			if name, ok := varName(u.Var); ok {
				if u.AmpersandTkn != nil {
					s.forget(name)
				} else {
					byValue[name] = true
				}
			}
		}
		w.sc.Closure(e, &cow{s: closureState(s, func(name string) bool { return byValue[name] })})
	case *ast.ExprArrowFunction:
		// An arrow function captures by value every variable it uses,
		// except its parameters.
		params := map[string]bool{}
		for _, p := range e.Params {
			if p, ok := p.(*ast.Parameter); ok {
				if name, ok := varName(p.Var); ok {
					params[name] = true
				}
			}
		}
		w.expr(e.Expr, closureState(s, func(name string) bool { return !params[name] }))
	case *ast.ExprInclude, *ast.ExprIncludeOnce, *ast.ExprRequire, *ast.ExprRequireOnce, *ast.ExprEval:
		flow.Operands(e, func(c ast.Vertex) { w.expr(c, s) })
		s.forgetArrays()
	case *ast.ExprVariable:
		if _, ok := e.Name.(*ast.Identifier); !ok {
			// $$name: could name any local.
			w.expr(e.Name, s)
			s.forgetArrays()
		}
	case *ast.StmtClass:
		// An anonymous class's methods.
		w.sc.AnonymousClass(e)
	default:
		flow.Operands(e, func(c ast.Vertex) { w.expr(c, s) })
	}
}

// match evaluates a match expression. An arm's result runs where the
// subject is identical to one of its conditions, and the later arms where
// it is identical to none: `match (true) { isset($a['k']) => $a['k'] }`,
// `match ($a['k'] ?? ”) { 'x' => $a['k'] }`. Under `match (true)` and
// `match (false)` a failed arm proves the condition false only when it is
// a test whose result is a bool: `1 === true` fails too.
func (w *domain) match(e *ast.ExprMatch, s *state) {
	w.expr(e.Expr, s)
	boolean := isConst(e.Expr, "true") || isConst(e.Expr, "false")
	out := s.clone()
	out.dead = true // no arm matched: UnhandledMatchError
	for _, a := range e.Arms {
		a, ok := a.(*ast.MatchArm)
		if !ok {
			continue
		}
		var t, f []slot
		exact := true
		for i, c := range a.Exprs {
			w.expr(c, s)
			// The facts of the comparison PHP makes, taken quietly: its
			// operands were evaluated (and reported) above.
			w.quiet++
			fs := w.cond(&ast.ExprBinaryIdentical{Left: e.Expr, Right: c}, s)
			w.quiet--
			if i == 0 {
				t = fs.t
			} else {
				t = intersect(t, fs.t)
			}
			f = append(f, fs.f...)
			exact = exact && (!boolean || isTest(unbracket(c)))
		}
		b := s.with(t)
		w.expr(a.ReturnExpr, b)
		out = merge(out, b)
		if exact {
			*s = *s.with(f)
		}
	}
	*s = *out
}

// closureState returns the state in which the body of a closure created in
// s starts. The body runs later, in the same request: guards on request
// input still hold. A variable it captures by value (captured reports
// which) is a copy made at creation, with the shape and guarded keys it
// had then; its other locals are its own.
func closureState(s *state, captured func(name string) bool) *state {
	inner := newState()
	for g := range s.guards {
		if superglobal(g.name) || captured(rootName(g.name)) {
			inner.guards[g] = true
		}
	}
	for name, sh := range s.arrays {
		if captured(name) {
			inner.arrays[name] = sh
		}
	}
	return inner
}

// argMode says how a call treats one argument: pure when it cannot be
// taken by reference (a known array passed there keeps its shape), mayRef
// when it may (an element passed there counts as written), known when the
// check knows the parameter (a builtin from the tables, a user function
// from the index).
type argMode func(i int) (pure, mayRef, known bool)

// mayRefArgs is the mode of every argument of a method, static method or
// constructor, whose parameters the check does not look up.
func mayRefArgs(int) (bool, bool, bool) { return false, true, false }

// argModes returns the argument mode of a call of the named function: a
// builtin from the tables above, or a user function whose parameters the
// index knows.
func (w *domain) argModes(name string, fn ast.Vertex) argMode {
	if pure[name] || byRef[name] {
		return func(int) (bool, bool, bool) { return pure[name], byRef[name], true }
	}
	if f := w.function(fn); f != nil && name != "" {
		return func(i int) (bool, bool, bool) {
			if len(f.Params) == 0 {
				return true, false, true
			}
			p := f.Params[min(i, len(f.Params)-1)]
			return !p.ByRef, p.ByRef, true
		}
	}
	return func(int) (bool, bool, bool) { return false, false, false }
}

// args evaluates call arguments. A bare variable passed to a function that
// might take it by reference loses its known shape. An element of a local
// array passed where it may be by reference (a builtin known to take one,
// or any method, static method or constructor, whose parameters the check
// does not look up) counts as a write, not a read: missing some reads of
// absent keys is better than reporting sscanf($s, "%d", $a['n']).
// Request input is still read: nobody passes $_GET['x'] by reference.
// A variable with a declared shape keeps it when passed to a call whose
// parameters the check does not know: the declaration says what it holds,
// and code rarely changes such an array through a reference.
func (w *domain) args(args []ast.Vertex, mode argMode, s *state) {
	for i, a := range args {
		pure, mayRef, known := mode(i)
		x := argExpr(a)
		if v, ok := x.(*ast.ExprVariable); ok && !pure {
			if name, ok := varName(v); ok {
				if sh := s.arrays[name]; known || sh == nil || !strings.HasPrefix(sh.from, "the @") {
					s.forget(name)
				}
				continue
			}
		}
		if d, ok := x.(*ast.ExprArrayDimFetch); ok && mayRef {
			if name, ok := w.elemPath(d.Var); ok && !superglobal(rootName(name)) {
				w.target(d, nil, s)
				continue
			}
		}
		w.expr(x, s)
	}
}

// assign records an assignment of value to e.
func (w *domain) assign(e, value ast.Vertex, s *state) {
	switch e.(type) {
	case *ast.ExprList, *ast.ExprArray:
		// Destructuring reads the value's keys.
		name, sh := "", (*shape)(nil)
		if n, ok := baseName(value); ok {
			name, sh = n, w.varShape(n, s)
		} else if sh = w.valueShape(value, s); sh != nil {
			name = callText(value)
		}
		w.destructure(e, name, sh, s)
		return
	}
	w.target(e, w.valueShape(value, s), s)
	// Remember the call whose result a variable holds, for a later test
	// of the variable (`$ok = preg_match(...); if (!$ok) return;`), and
	// the characters a string built with literal text surely contains
	// (`$option = "$option:$option"` holds a ':').
	if name, ok := varName(e); ok {
		for _, c := range literalText(value) {
			s.guards[slot{name, containsKey(string(c))}] = true
		}
		if call, ok := unbracket(value).(*ast.ExprFunctionCall); ok && provesKeys(funcName(call.Function)) {
			if s.results == nil {
				s.results = map[string]*ast.ExprFunctionCall{}
			}
			s.results[name] = call
		}
		if isTest(unbracket(value)) {
			// A flag: `$ok = $ns != '0' && count($p) === 2;` then
			// `if ($ok) $p[1]`. Its facts are taken from a copy, quietly:
			// the value was evaluated (and reported) above.
			w.quiet++
			fs := w.cond(value, s.clone())
			w.quiet--
			if len(fs.t) > 0 || len(fs.f) > 0 {
				if s.flags == nil {
					s.flags = map[string]*facts{}
				}
				s.flags[name] = &fs
			}
		}
	}
}

// isTest reports whether e is a test whose facts a flag variable can
// hold: a negation, a conjunction or disjunction, isset, empty or a
// comparison.
func isTest(e ast.Vertex) bool {
	switch e.(type) {
	case *ast.ExprBooleanNot, *ast.ExprBinaryBooleanAnd, *ast.ExprBinaryBooleanOr,
		*ast.ExprBinaryLogicalAnd, *ast.ExprBinaryLogicalOr, *ast.ExprIsset, *ast.ExprEmpty:
		return true
	}
	op, _, _ := comparison(e)
	return op != ""
}

// maxLiteralChars bounds the characters of literal text recorded per
// assignment.
const maxLiteralChars = 16

// literalText returns the distinct characters of the literal text in a
// string value: a plain or interpolated string, or a concatenation.
func literalText(e ast.Vertex) []rune {
	var parts []string
	var walk func(e ast.Vertex, depth int)
	walk = func(e ast.Vertex, depth int) {
		if depth > 8 {
			return
		}
		switch e := e.(type) {
		case *ast.ScalarString:
			if k, ok := constKey(e); ok {
				parts = append(parts, k.text())
			}
		case *ast.ScalarEncapsed:
			for _, p := range e.Parts {
				if p, ok := p.(*ast.ScalarEncapsedStringPart); ok && !strings.ContainsAny(string(p.Value), `\`) {
					parts = append(parts, string(p.Value))
				}
			}
		case *ast.ExprBinaryConcat:
			walk(e.Left, depth+1)
			walk(e.Right, depth+1)
		}
	}
	walk(e, 0)
	var out []rune
	seen := map[rune]bool{}
	for _, p := range parts {
		for _, c := range p {
			if !seen[c] && len(out) < maxLiteralChars {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// unbracket returns e without enclosing parentheses and (bool) casts,
// which keep a result's truth.
func unbracket(e ast.Vertex) ast.Vertex {
	for {
		switch b := e.(type) {
		case *ast.ExprBrackets:
			e = b.Expr
		case *ast.ExprCastBool:
			e = b.Expr
		default:
			return e
		}
	}
}

// unescape decodes the common escapes of a double-quoted string (\n, \r,
// \t, \\, \", \$); ok is false for any other.
func unescape(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '\\', '"', '$':
			b.WriteByte(s[i])
		default:
			return "", false
		}
	}
	return b.String(), true
}

// target records a write to e of a value of shape value (nil when
// unknown).
func (w *domain) target(e ast.Vertex, value *shape, s *state) {
	switch e := e.(type) {
	case nil:
	case *ast.ExprVariable:
		name, ok := varName(e)
		if !ok {
			w.expr(e.Name, s)
			s.forgetArrays()
			return
		}
		s.forget(name)
		if value != nil {
			s.arrays[name] = value
		}
	case *ast.ExprArrayDimFetch:
		// Find the variable and the keys down to the written element:
		// `$a['k']['j'] = v` creates $a['k'] if it is missing.
		var dims []*ast.ExprArrayDimFetch
		for d := e; ; {
			dims = append(dims, d)
			inner, ok := d.Var.(*ast.ExprArrayDimFetch)
			if !ok {
				break
			}
			d = inner
		}
		for _, d := range dims {
			w.expr(d.Dim, s)
		}
		first := dims[len(dims)-1]
		name, ok := baseName(first.Var)
		if !ok {
			// $obj->a['k'] = v, f()['k'] = v: evaluate the base.
			w.expr(first.Var, s)
			return
		}
		k, ok := constKey(first.Dim)
		if !ok {
			if !strings.HasPrefix(name, "$this->") {
				delete(s.arrays, name) // unknown key, or $a[] = v
			}
			return
		}
		// Every level down to the written one now exists.
		path := name
		for i := len(dims) - 1; i >= 0; i-- {
			k, ok := constKey(dims[i].Dim)
			if !ok || len(path) > maxNameLen {
				break
			}
			if i == 0 {
				s.forgetGuards(elemName(path, k))
			}
			for _, p := range s.aliases(path) {
				s.guards[slot{p, k}] = true
			}
			path = elemName(path, k)
		}
		if sh, ok := s.arrays[name]; ok {
			sh = sh.clone()
			sh.set(k, afterWrite(sh, k, dims, value))
			s.arrays[name] = sh
		}
	case *ast.ExprList:
		w.destructure(e, "", nil, s)
	case *ast.ExprArray:
		w.destructure(e, "", nil, s)
	case *ast.ExprPropertyFetch:
		w.expr(e, s)
		if name, ok := baseName(e); ok {
			s.forgetGuards(name)
			// The value written is known where its shape is: its keys
			// hold until the property is written again, although the
			// property's declaration may mark them optional.
			s.proveKeys(name, value, 0)
		}
	default:
		// Static properties: evaluate their parts.
		w.expr(e, s)
	}
}

// destructure records a list() or [...] assignment from name, an array of
// shape sh: each item reads its key, positional items keys 0, 1, ...
func (w *domain) destructure(e ast.Vertex, name string, sh *shape, s *state) {
	var items []ast.Vertex
	switch e := e.(type) {
	case *ast.ExprList:
		items = e.Items
	case *ast.ExprArray:
		items = e.Items
	}
	for i, it := range items {
		it, ok := it.(*ast.ExprArrayItem)
		if !ok || it.Val == nil {
			continue
		}
		k, ok := intKey(int64(i)), true
		if it.Key != nil {
			w.expr(it.Key, s)
			k, ok = constKey(it.Key)
		}
		en, sub := "", (*shape)(nil)
		if ok && name != "" {
			en, sub = w.read(it, name, sh, k, s)
		}
		switch v := it.Val.(type) {
		case *ast.ExprList, *ast.ExprArray:
			w.destructure(v, en, sub, s)
		default:
			w.target(v, sub, s)
		}
	}
}

func (w *domain) unset(v ast.Vertex, s *state) {
	switch v := v.(type) {
	case *ast.ExprVariable:
		if name, ok := varName(v); ok {
			s.unbind(name) // the other name keeps the array
			s.forget(name)
		}
	case *ast.ExprArrayDimFetch:
		name, ok := baseName(v.Var)
		if !ok {
			w.guarded(v, s)
			if path, ok := w.elemPath(v.Var); ok {
				if k, ok := constKey(v.Dim); ok {
					s.dropGuard(path, k)
					s.forgetGuards(elemName(path, k))
				}
			}
			return
		}
		w.expr(v.Dim, s)
		k, ok := constKey(v.Dim)
		if !ok {
			s.forget(name)
			return
		}
		s.dropGuard(name, k)
		s.forgetGuards(elemName(name, k))
		if sh, ok := s.arrays[name]; ok {
			sh = sh.clone()
			delete(sh.keys, k)
			if sh.rest == restUnknown || sh.rest == restMaybeInts && k.intAtLeast(sh.restFrom) {
				sh.keys[k] = elem{maybe: true}
			}
			s.arrays[name] = sh
		}
	default:
		w.expr(v, s)
	}
}

// elemPath returns the name an element is known by in guards, "$a['k']",
// when e is a variable or $this property read at constant keys.
func (w *domain) elemPath(e ast.Vertex) (string, bool) {
	if !w.enter() {
		return "", false
	}
	defer w.leave()
	if name, ok := baseName(e); ok {
		return name, true
	}
	d, ok := e.(*ast.ExprArrayDimFetch)
	if !ok {
		return "", false
	}
	k, ok := constKey(d.Dim)
	if !ok {
		return "", false
	}
	base, ok := w.elemPath(d.Var)
	if !ok || len(base) > maxNameLen {
		return "", false
	}
	return elemName(base, k), true
}

// afterWrite returns the shape of sh[k] after a write through dims (the
// element written first, the first level last): the value's shape for a
// write at k itself, the element's shape with one more key for a write one
// level down, unknown deeper.
func afterWrite(sh *shape, k key, dims []*ast.ExprArrayDimFetch, value *shape) *shape {
	switch len(dims) {
	case 1:
		return value
	case 2:
		_, sub := sh.get(k)
		if k2, ok := constKey(dims[0].Dim); ok && sub != nil {
			sub = sub.clone()
			sub.set(k2, value)
			return sub
		}
	}
	return nil
}

// superglobal reports whether a name is a superglobal whose guards hold in
// closures too.
func superglobal(name string) bool {
	return requestInput[name] || name == "$_SERVER"
}

// rootName returns the variable a guard's name starts with: "$a" for
// "$a['k']".
func rootName(name string) string {
	if i := strings.IndexAny(name, "[-"); i > 0 {
		return name[:i]
	}
	return name
}

func (k key) int() (int64, bool) {
	v, ok := strings.CutPrefix(string(k), "i:")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	return n, err == nil
}

func (k key) intAtLeast(n int64) bool {
	v, ok := k.int()
	return ok && v >= n
}

// constKey returns the key a constant expression gives: a string or
// integer literal, a float (truncated, as PHP does), true, false and null
// (keys 1, 0 and the empty string), a negated number, and a concatenation
// of these.
func constKey(e ast.Vertex) (key, bool) {
	switch e := e.(type) {
	case *ast.ScalarString:
		v := e.Value
		if len(v) < 2 {
			return "", false
		}
		q, body := v[0], string(v[1:len(v)-1])
		switch q {
		case '\'':
			body = strings.ReplaceAll(strings.ReplaceAll(body, `\\`, "\x00"), `\'`, `'`)
			return strKey(strings.ReplaceAll(body, "\x00", `\`)), true
		case '"':
			if strings.Contains(body, "$") {
				return "", false
			}
			if strings.Contains(body, `\`) {
				var ok bool
				if body, ok = unescape(body); !ok {
					return "", false
				}
			}
			return strKey(body), true
		}
	case *ast.ScalarLnumber:
		n, err := strconv.ParseInt(strings.ReplaceAll(string(e.Value), "_", ""), 0, 64)
		if err == nil {
			return intKey(n), true
		}
	case *ast.ScalarDnumber:
		f, err := strconv.ParseFloat(strings.ReplaceAll(string(e.Value), "_", ""), 64)
		if err == nil && f > -1e15 && f < 1e15 {
			return intKey(int64(f)), true
		}
	case *ast.ExprUnaryMinus:
		if k, ok := constKey(e.Expr); ok {
			if n, ok := k.int(); ok {
				if _, isNum := e.Expr.(*ast.ScalarString); !isNum {
					return intKey(-n), true
				}
			}
		}
	case *ast.ExprConstFetch:
		switch strings.ToLower(index.NameString(e.Const)) {
		case "true", `\true`:
			return intKey(1), true
		case "false", `\false`:
			return intKey(0), true
		case "null", `\null`:
			return strKey(""), true
		}
	case *ast.ExprBinaryConcat:
		l, ok1 := constKey(e.Left)
		r, ok2 := constKey(e.Right)
		if ok1 && ok2 {
			return strKey(l.text() + r.text()), true
		}
	case *ast.ExprBinaryPlus:
		return intOp(e.Left, e.Right, func(a, b int64) int64 { return a + b })
	case *ast.ExprBinaryMinus:
		return intOp(e.Left, e.Right, func(a, b int64) int64 { return a - b })
	case *ast.ExprBinaryMul:
		return intOp(e.Left, e.Right, func(a, b int64) int64 { return a * b })
	case *ast.ExprBrackets:
		return constKey(e.Expr)
	}
	return "", false
}

// intOp folds an operation on two integer literals (small ones: the
// result must not overflow).
func intOp(l, r ast.Vertex, op func(a, b int64) int64) (key, bool) {
	a, ok1 := constKey(l)
	b, ok2 := constKey(r)
	x, ok3 := a.int()
	y, ok4 := b.int()
	_, lit1 := l.(*ast.ScalarString)
	_, lit2 := r.(*ast.ScalarString)
	if !ok1 || !ok2 || !ok3 || !ok4 || lit1 || lit2 || x > 1<<30 || x < -1<<30 || y > 1<<30 || y < -1<<30 {
		return "", false
	}
	return intKey(op(x, y)), true
}

// text returns a key as the string PHP would concatenate.
func (k key) text() string {
	return string(k[2:])
}

// varName returns "$name" for a plain variable.
func varName(e ast.Vertex) (string, bool) {
	v, ok := e.(*ast.ExprVariable)
	if !ok {
		return "", false
	}
	id, ok := v.Name.(*ast.Identifier)
	if !ok {
		return "", false
	}
	return string(id.Value), true
}

// funcName returns the lowercased, unqualified name of a called function,
// or "" for a dynamic call.
func funcName(e ast.Vertex) string {
	var parts []ast.Vertex
	switch n := e.(type) {
	case *ast.Name:
		parts = n.Parts
	case *ast.NameFullyQualified:
		parts = n.Parts
	default:
		return ""
	}
	if len(parts) == 0 {
		return ""
	}
	if p, ok := parts[len(parts)-1].(*ast.NamePart); ok {
		return strings.ToLower(string(p.Value))
	}
	return ""
}

func argExpr(a ast.Vertex) ast.Vertex {
	if a, ok := a.(*ast.Argument); ok {
		return a.Expr
	}
	return a
}
