package undefinedindex

import (
	"fmt"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// maxCountKeys bounds the keys a count() comparison proves.
const maxCountKeys = 64

// callFacts returns the keys a call proves to exist when it returns a
// truthy value: array_key_exists('k', $a), in_array('k', array_keys($a)),
// count($a) (a list's key 0), and the groups of a preg_match that matched.
func (w *domain) callFacts(e *ast.ExprFunctionCall, s *state) []slot {
	name := funcName(e.Function)
	switch name {
	case "array_key_exists", "key_exists":
		if len(e.Args) == 2 {
			k, ok1 := constKey(argExpr(e.Args[0]))
			v, ok2 := w.elemPath(argExpr(e.Args[1]))
			if ok1 && ok2 {
				return []slot{{v, k}}
			}
		}
	case "in_array":
		if len(e.Args) >= 2 {
			keys, ok := argExpr(e.Args[1]).(*ast.ExprFunctionCall)
			if !ok || funcName(keys.Function) != "array_keys" || len(keys.Args) != 1 {
				return nil
			}
			k, ok1 := constKey(argExpr(e.Args[0]))
			v, ok2 := w.elemPath(argExpr(keys.Args[0]))
			if ok1 && ok2 {
				return []slot{{v, k}}
			}
		}
	case "count", "sizeof":
		if len(e.Args) == 1 {
			return w.nonEmpty(argExpr(e.Args[0]), 1, s)
		}
	case "preg_match", "preg_match_all":
		return pregFacts(e, name)
	default:
		if searches[name] != "" {
			// strpos is falsy at position 0 too: truthy still means found.
			return containsFacts(e, name)
		}
	}
	return nil
}

// searches are the builtins that find a needle in a string: once one is
// truthy (or, for the position functions, not false), explode on the
// string at that needle returns two pieces at least. "blind" marks the
// case-insensitive ones, which prove nothing of a needle with letters.
var searches = map[string]string{
	"str_contains": "exact", "strpos": "exact", "strstr": "exact", "strrpos": "exact",
	"mb_strpos": "exact", "mb_strstr": "exact", "mb_strrpos": "exact",
	"stripos": "blind", "stristr": "blind", "mb_stripos": "blind", "mb_stristr": "blind",
}

// helperFacts returns the guard of a framework's static contains helper,
// `Str::contains($haystack, ':')` (Laravel's, and the ones projects copy
// from it), truthy when the needle is found. It is trusted by its name: a
// static method called contains that meant something else would hide
// findings after it, never add one.
func helperFacts(e *ast.ExprStaticCall) []slot {
	id, ok := e.Call.(*ast.Identifier)
	if !ok || !strings.EqualFold(string(id.Value), "contains") || len(e.Args) < 2 {
		return nil
	}
	mode := "exact"
	if len(e.Args) > 2 {
		mode = "blind" // Laravel's third argument ignores case
	}
	return needleFacts(argExpr(e.Args[0]), argExpr(e.Args[1]), mode)
}

// nonEmpty returns the keys 0 to n-1 of v when v is a list that has at
// least n elements. It proves nothing of an array known not to be a list:
// a non-empty ['x' => 1] has no key 0.
func (w *domain) nonEmpty(v ast.Vertex, n int64, s *state) []slot {
	name, ok := w.elemPath(v)
	if !ok || n <= 0 {
		return nil
	}
	if sh, known := s.arrays[name]; known && sh.rest != restMaybeInts {
		if st, _ := sh.get(intKey(0)); st == absent {
			return nil
		}
	}
	out := make([]slot, 0, min(n, maxCountKeys))
	for i := range min(n, maxCountKeys) {
		out = append(out, slot{name, intKey(i)})
	}
	return out
}

// compare returns the facts of a comparison of count() or preg_match()
// with an integer: count($a) >= 2 proves keys 0 and 1 of a list,
// preg_match(...) === 1 the groups of a match. ok is false, and nothing is
// evaluated, for any other condition.
func (w *domain) compare(e ast.Vertex, s *state) (facts, bool) {
	op, l, r := comparison(e)
	if op == "" {
		return facts{}, false
	}
	call := w.resultOf(l, s)
	lit := r
	if call == nil {
		if call = w.resultOf(r, s); call == nil {
			return facts{}, false
		}
		lit, op = l, flip[op]
	}
	name := funcName(call.Function)
	if isFalse(lit) && searches[name] != "" {
		w.expr(l, s)
		w.expr(r, s)
		switch op {
		case "!==", "!=":
			return facts{t: containsFacts(call, name)}, true
		case "===", "==":
			return facts{f: containsFacts(call, name)}, true
		}
		return facts{}, true
	}
	if isFalse(lit) && (name == "preg_match" || name == "preg_match_all") {
		// false is preg_match's error, not a count: `=== false` says
		// nothing of a match.
		w.expr(l, s)
		w.expr(r, s)
		return facts{}, true
	}
	k, ok := constKey(lit)
	if !ok {
		return facts{}, false
	}
	n, ok := k.int()
	if !ok || (name != "count" && name != "sizeof" && name != "preg_match" && name != "preg_match_all" && name != "substr_count") {
		return facts{}, false
	}
	w.expr(l, s)
	w.expr(r, s)
	// least is the least result on the true and the false branch (-1: no
	// bound).
	var tLeast, fLeast int64 = -1, -1
	switch op {
	case ">":
		tLeast = n + 1
	case ">=", "==", "===":
		tLeast = n
		if n == 0 {
			// The results are counts: not 0 is 1 at least. (preg_match's
			// false, an error, is taken not to happen, as by `!== 0`.)
			fLeast = 1
		}
	case "<":
		fLeast = n
	case "<=":
		fLeast = n + 1
	case "!=", "!==":
		fLeast = n
		if n == 0 {
			tLeast = 1
		}
	}
	// A count of separators or of matches proves keys once it is 1 or more.
	var counted func(*ast.ExprFunctionCall, string) []slot
	switch name {
	case "substr_count":
		counted = containsFacts
	case "preg_match", "preg_match_all":
		counted = pregFacts
	}
	if counted != nil {
		var fs facts
		if tLeast >= 1 {
			fs.t = counted(call, name)
		}
		if fLeast >= 1 {
			fs.f = counted(call, name)
		}
		return fs, true
	}
	if len(call.Args) != 1 {
		return facts{}, true
	}
	v := argExpr(call.Args[0])
	return facts{t: w.nonEmpty(v, tLeast, s), f: w.nonEmpty(v, fLeast, s)}, true
}

// resultOf returns the call e is, or whose result the variable e holds.
func (w *domain) resultOf(e ast.Vertex, s *state) *ast.ExprFunctionCall {
	e = unbracket(e)
	if c, ok := e.(*ast.ExprFunctionCall); ok {
		return c
	}
	if name, ok := varName(e); ok {
		return s.results[name]
	}
	return nil
}

// isFalse reports whether e is the constant false.
func isFalse(e ast.Vertex) bool { return isConst(e, "false") }

// isConst reports whether e is the constant named name (true, false,
// null), in any case.
func isConst(e ast.Vertex, name string) bool {
	c, ok := e.(*ast.ExprConstFetch)
	return ok && strings.EqualFold(strings.TrimPrefix(index.NameString(c.Const), `\`), name)
}

// flip turns a comparison around: 1 < count($a) is count($a) > 1.
var flip = map[string]string{">": "<", "<": ">", ">=": "<=", "<=": ">=", "==": "==", "===": "===", "!=": "!=", "!==": "!=="}

// comparison returns the operator and operands of a comparison.
func comparison(e ast.Vertex) (op string, l, r ast.Vertex) {
	switch e := e.(type) {
	case *ast.ExprBinaryGreater:
		return ">", e.Left, e.Right
	case *ast.ExprBinaryGreaterOrEqual:
		return ">=", e.Left, e.Right
	case *ast.ExprBinarySmaller:
		return "<", e.Left, e.Right
	case *ast.ExprBinarySmallerOrEqual:
		return "<=", e.Left, e.Right
	case *ast.ExprBinaryEqual:
		return "==", e.Left, e.Right
	case *ast.ExprBinaryIdentical:
		return "===", e.Left, e.Right
	case *ast.ExprBinaryNotEqual:
		return "!=", e.Left, e.Right
	case *ast.ExprBinaryNotIdentical:
		return "!==", e.Left, e.Right
	}
	return "", nil, nil
}

// pregCall returns what the check follows of a preg_match or
// preg_match_all call: the groups of its constant pattern, the variable
// receiving the matches, and its flags.
func pregCall(e *ast.ExprFunctionCall) (p pattern, out string, flags map[string]bool, ok bool) {
	if len(e.Args) < 3 {
		return pattern{}, "", nil, false
	}
	k, ok := constKey(argExpr(e.Args[0]))
	if !ok {
		return pattern{}, "", nil, false
	}
	if p, ok = parsePattern(k.text()); !ok {
		return pattern{}, "", nil, false
	}
	if out, ok = varName(argExpr(e.Args[2])); !ok {
		return pattern{}, "", nil, false
	}
	flags = map[string]bool{}
	if len(e.Args) >= 4 && !constNames(argExpr(e.Args[3]), flags) {
		return pattern{}, "", nil, false
	}
	return p, out, flags, true
}

// constNames adds the constants of an expression like A | B to names, and
// reports whether it is one.
func constNames(e ast.Vertex, names map[string]bool) bool {
	switch e := e.(type) {
	case *ast.ExprConstFetch:
		names[strings.TrimPrefix(index.NameString(e.Const), `\`)] = true
		return true
	case *ast.ExprBinaryBitwiseOr:
		return constNames(e.Left, names) && constNames(e.Right, names)
	case *ast.ScalarLnumber:
		return string(e.Value) == "0"
	}
	return false
}

// pregFacts returns the keys that a preg_match or preg_match_all call
// that matched has set.
func pregFacts(e *ast.ExprFunctionCall, name string) []slot {
	p, out, flags, ok := pregCall(e)
	if !ok {
		return nil
	}
	var slots []slot
	if name == "preg_match_all" {
		if flags["PREG_SET_ORDER"] {
			return []slot{{out, intKey(0)}}
		}
		for g := 0; g <= p.groups; g++ {
			slots = append(slots, slot{elemName(out, intKey(int64(g))), intKey(0)})
			if n, ok := p.names[g]; ok {
				slots = append(slots, slot{elemName(out, strKey(n)), intKey(0)})
			}
		}
		return slots
	}
	sure := p.sure
	if flags["PREG_UNMATCHED_AS_NULL"] {
		sure = p.groups
	}
	if subject, ok := subjectName(argExpr(e.Args[1])); ok {
		slots = append(slots, slot{subject, matchedKey(out)})
	}
	for g := 0; g <= sure; g++ {
		slots = append(slots, slot{out, intKey(int64(g))})
		if n, ok := p.names[g]; ok {
			slots = append(slots, slot{out, strKey(n)})
		}
	}
	return slots
}

// outputs records the arrays a builtin writes through a by-reference
// parameter: parse_str's fields, preg_match's groups.
func (w *domain) outputs(e *ast.ExprFunctionCall, name string, s *state) {
	b, ok := builtins[name]
	if !ok || b.out == 0 || len(e.Args) < b.out || len(e.Args) > b.maxArgs || b.strict && !strict {
		return
	}
	from := fmt.Sprintf("%s() at line %d", name, line(e))
	switch name {
	case "preg_match", "preg_match_all":
		p, out, flags, ok := pregCall(e)
		if !ok {
			return
		}
		sh := &shape{keys: map[key]elem{}}
		for g := 0; g <= p.groups; g++ {
			var el elem
			if name == "preg_match_all" {
				el.sub = &shape{rest: restMaybeInts, from: from, why: from + " " + b.why}
			} else {
				el.maybe = true
			}
			sh.keys[intKey(int64(g))] = el
			if n, ok := p.names[g]; ok {
				sh.keys[strKey(n)] = el
			}
		}
		if name == "preg_match_all" && flags["PREG_SET_ORDER"] {
			sh = &shape{rest: restMaybeInts}
		}
		sh.from, sh.why = from, from+" "+b.why
		sh.dense = name == "preg_match"
		s.arrays[out] = sh
		if name == "preg_match" {
			// A non-empty $m means the pattern matched.
			if s.results == nil {
				s.results = map[string]*ast.ExprFunctionCall{}
			}
			s.results[out] = e
		}
	default:
		out, ok := varName(argExpr(e.Args[b.out-1]))
		if !ok {
			return
		}
		if sh := label(parseType(b.result, nil), from, "", b.why); sh != nil {
			s.arrays[out] = sh
		} else {
			s.arrays[out] = &shape{rest: restMaybe, from: from, why: from + " " + b.why}
		}
	}
}

// provesKeys reports whether a function's result, kept in a variable and
// tested later, proves keys (see callFacts and compare).
func provesKeys(name string) bool {
	switch name {
	case "preg_match", "preg_match_all", "count", "sizeof", "substr_count":
		return true
	}
	return searches[name] != ""
}

// containsKey is the pseudo-key of a guard saying that a variable holds a
// string containing sep: explode on it returns two pieces at least. The
// "c:" prefix keeps it apart from real keys.
func containsKey(sep string) key { return key("c:" + sep) }

// matchedKey is the pseudo-key of a guard saying that a variable holds
// the subject of a preg_match that matched into out: $out[0], the text
// the match found, is in it. The "m:" prefix keeps it apart from real
// keys.
func matchedKey(out string) key { return key("m:" + out) }

// contains reports whether subject is a variable (or getter call, see
// subjectName) that holds sep: a constant string it was checked to
// contain, or the whole match ($m[0]) of a preg_match on it. It also
// knows microtime()'s 'msec sec'.
func (w *domain) contains(subject, sep ast.Vertex, s *state) bool {
	if c, ok := subject.(*ast.ExprFunctionCall); ok && funcName(c.Function) == "microtime" && len(c.Args) == 0 {
		k, ok := constKey(sep)
		return ok && k.text() == " "
	}
	name, ok := subjectName(subject)
	if !ok {
		return false
	}
	if k, ok := constKey(sep); ok {
		return s.guards[slot{name, containsKey(k.text())}]
	}
	if d, ok := sep.(*ast.ExprArrayDimFetch); ok {
		m, ok1 := varName(d.Var)
		k, ok2 := constKey(d.Dim)
		return ok1 && ok2 && k == intKey(0) && s.guards[slot{name, matchedKey(m)}]
	}
	return false
}

// containsFacts returns the guard that a search (one of searches, or
// substr_count) for a constant needle in a variable found it:
// str_contains($s, ':'), strpos($s, ':') !== false.
func containsFacts(call *ast.ExprFunctionCall, name string) []slot {
	if len(call.Args) < 2 {
		return nil
	}
	return needleFacts(argExpr(call.Args[0]), argExpr(call.Args[1]), searches[name])
}

// needleFacts returns the guard that the constant needle is in subject;
// mode "blind" (a case-insensitive search) proves it only of a needle
// without letters.
func needleFacts(subject, needle ast.Vertex, mode string) []slot {
	name, ok1 := subjectName(subject)
	k, ok2 := constKey(needle)
	if !ok1 || !ok2 || k.text() == "" {
		return nil
	}
	if t := k.text(); mode == "blind" && strings.ToLower(t) != strings.ToUpper(t) {
		return nil
	}
	return []slot{{name, containsKey(k.text())}}
}

// subjectName names the string a search looked in: a variable, or a call
// of a method without arguments on a variable ("$r->after()"), taken to
// be a getter that returns the same string when called again. A getter
// that does not would hide a finding after the test, never add one.
func subjectName(e ast.Vertex) (string, bool) {
	if name, ok := varName(e); ok {
		return name, true
	}
	if c, ok := e.(*ast.ExprMethodCall); ok && len(c.Args) == 0 {
		v, ok1 := varName(c.Var)
		id, ok2 := c.Method.(*ast.Identifier)
		if ok1 && ok2 {
			return v + "->" + string(id.Value) + "()", true
		}
	}
	return "", false
}

// guardCall applies a call of a function or method whose body returns
// only when its first argument is falsy (MediaWiki's
// dieContinueUsageIf($cond), Laravel's abort_if) or truthy (abort_unless),
// as the index shows it: after the call, the argument's facts hold. It
// reports whether e was such a call, and evaluates it then.
func (w *domain) guardCall(e ast.Vertex, s *state) bool {
	var args []ast.Vertex
	g := index.GuardNone
	switch e := e.(type) {
	case *ast.ExprFunctionCall:
		args = e.Args
		if g = index.GuardName(funcName(e.Function)); g == index.GuardNone {
			if fn := w.function(e.Function); fn != nil {
				g = fn.Guard
			}
		}
	case *ast.ExprMethodCall:
		args = e.Args
		if v, ok := varName(e.Var); ok && v == "$this" {
			g = w.methodGuard(w.class(), e.Method)
		}
	case *ast.ExprStaticCall:
		args = e.Args
		switch class := w.sc.Names().Class(e.Class); class {
		case "self", "static":
			g = w.methodGuard(w.class(), e.Call)
		case "parent":
			g = w.methodGuard(w.parent(), e.Call)
		}
	}
	if g == index.GuardNone || len(args) == 0 {
		return false
	}
	// The argument's facts, from a copy: the call itself is evaluated
	// (and reported) once, below.
	w.quiet++
	fs := w.cond(argExpr(args[0]), s.clone())
	w.quiet--
	w.expr(e, s)
	if g == index.GuardIf {
		*s = *s.with(fs.f)
	} else {
		*s = *s.with(fs.t)
	}
	return true
}

// asserts applies the @phpstan-assert and @psalm-assert tags of a called
// user function that always hold: an argument asserted to have an array
// shape has its keys after the call (and may have others), and one
// asserted to have any other type becomes unknown.
func (w *domain) asserts(e *ast.ExprFunctionCall, s *state) {
	fn := w.function(e.Function)
	if fn == nil || len(fn.Asserts) == 0 {
		return
	}
	for _, a := range fn.Asserts {
		if a.When != index.AssertAlways || a.Negated {
			continue
		}
		for i, p := range fn.Params {
			if p.Name != a.Target || i >= len(e.Args) {
				continue
			}
			name, ok := varName(argExpr(e.Args[i]))
			if !ok {
				continue
			}
			prev := s.arrays[name]
			s.forget(name)
			sh := label(parseType(a.Type.Text, nil), "the assertion of "+index.NameString(e.Function)+"()", "", "")
			if sh == nil {
				continue
			}
			// The value has the asserted keys on top of what it had: an
			// assertion narrows, it does not say other keys are absent.
			sh.rest = restUnknown
			if prev != nil {
				for k, el := range prev.keys {
					if _, ok := sh.keys[k]; !ok && !el.maybe && !el.unsure {
						sh.keys[k] = el
					}
				}
			}
			s.arrays[name] = sh
		}
	}
}

// methodGuard returns the guard a method of class shows.
func (w *domain) methodGuard(class string, method ast.Vertex) index.Guard {
	if fn := w.method(class, method); fn != nil {
		return fn.Guard
	}
	return index.GuardNone
}

// assertions are the assertion methods trusted by name, with the test
// they make: PHPUnit's (called on $this, self, static or a class) and,
// called statically only, webmozart/assert's. Past one, its condition
// holds: `$this->assertSame(1, preg_match(..., $m))` proves the groups.
// An unrelated method of such a name that returns on failure would hide
// findings after it, never add one.
var assertions = map[string]string{
	"assertsame": "===", "assertequals": "==", "asserttrue": "true", "assertfalse": "false",
}

var staticAssertions = map[string]string{
	"same": "===", "eq": "==", "true": "true", "false": "false",
}

// assertCall applies a call of one of the assertions to s, and reports
// whether e was one; it evaluates the call then.
func (w *domain) assertCall(e ast.Vertex, s *state) bool {
	var method ast.Vertex
	var args []ast.Vertex
	var test string
	switch e := e.(type) {
	case *ast.ExprMethodCall:
		if v, ok := varName(e.Var); !ok || v != "$this" {
			return false
		}
		method, args = e.Method, e.Args
	case *ast.ExprStaticCall:
		method, args = e.Call, e.Args
	default:
		return false
	}
	id, ok := method.(*ast.Identifier)
	if !ok {
		return false
	}
	name := strings.ToLower(string(id.Value))
	if test = assertions[name]; test == "" {
		if _, static := e.(*ast.ExprStaticCall); static {
			test = staticAssertions[name]
		}
	}
	var cond ast.Vertex
	used := 1
	switch {
	case test == "":
		return false
	case test == "===" && len(args) >= 2:
		cond, used = &ast.ExprBinaryIdentical{Left: argExpr(args[0]), Right: argExpr(args[1])}, 2
	case test == "==" && len(args) >= 2:
		cond, used = &ast.ExprBinaryEqual{Left: argExpr(args[0]), Right: argExpr(args[1])}, 2
	case (test == "true" || test == "false") && len(args) >= 1:
		cond = argExpr(args[0])
	default:
		return false
	}
	fs := w.cond(cond, s)
	for _, a := range args[used:] {
		w.expr(argExpr(a), s)
	}
	if test == "false" {
		*s = *s.with(fs.f)
	} else {
		*s = *s.with(fs.t)
	}
	return true
}
