package nullness

import (
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// eval evaluates an expression in s, updating s with its effects
// (assignments, guards inside && and ||) and reporting dereferences of values
// that may be null. The value of a nullsafe chain includes the null its
// `?->` may yield.
func (a *analyzer) eval(e ast.Vertex, s *State) Value {
	v, short := a.evalChain(e, s)
	if short.kind != whyNone {
		v = joinValue(v, Value{N: Null, Why: short})
	}
	return v
}

// quiet evaluates e where PHP does not fail on null (isset, empty, the left
// of ??): effects apply, nothing is reported.
func (a *analyzer) quiet(e ast.Vertex, s *State) Value {
	a.silent++
	v := a.eval(e, s)
	a.silent--
	return v
}

// evalChain evaluates e and returns, apart from its value, a non-empty
// reason when a `?->` earlier in e's chain may short-circuit the whole chain
// to null. Links after a `?->` are only checked against their own receiver:
// `$f?->bar()->baz()` is safe when bar() returns non-null.
func (a *analyzer) evalChain(e ast.Vertex, s *State) (Value, Why) {
	if e == nil || a.depth+a.sc.Depth() > maxDepth {
		return unknown, Why{}
	}
	a.depth++
	defer func() { a.depth-- }()
	switch e := e.(type) {
	case *ast.ExprVariable:
		return a.variable(e, s), Why{}
	case *ast.ExprMethodCall:
		recv, short := a.evalChain(e.Var, s)
		a.deref(e.Var, recv, s)
		if index.FirstClass(e) {
			// $o->m(...) makes a Closure of the method, calling nothing.
			if _, named := e.Method.(*ast.Identifier); !named {
				a.eval(e.Method, s)
			}
			return closure, short
		}
		v := a.methodCall(e, recv, e.Method, e.Args, s)
		a.invalidate(e.Var, s)
		a.forgetNulled(e.Var, recv.Class, e.Method, s)
		a.applyEffects(e.Var, recv.Class, e.Method, s)
		return v, short
	case *ast.ExprNullsafeMethodCall:
		recv, short := a.evalChain(e.Var, s)
		var v Value
		if recv.N.mayBeNull() && len(e.Args) > 0 {
			// PHP evaluates the arguments only when the receiver is not
			// null: they run in a state that knows it, and their effects
			// join the short-circuit edge that skipped them.
			call := s.clone()
			a.narrow(e.Var, call, NonNull)
			rg := a.sc.Enter()
			v = a.methodCall(e, recv.nonNull(), e.Method, e.Args, call)
			a.sc.Leave(rg)
			s.replace(join(s, call))
		} else {
			v = a.methodCall(e, recv, e.Method, e.Args, s)
		}
		if recv.N != NonNull && short.kind == whyNone {
			short = a.here(whyNullsafe, line(e))
		}
		return v, short
	case *ast.ExprPropertyFetch:
		recv, short := a.evalChain(e.Var, s)
		a.deref(e.Var, recv, s)
		return a.property(e, recv, e.Prop, s), short
	case *ast.ExprNullsafePropertyFetch:
		recv, short := a.evalChain(e.Var, s)
		v := a.property(e, recv, e.Prop, s)
		if recv.N != NonNull && short.kind == whyNone {
			short = a.here(whyNullsafe, line(e))
		}
		return v, short
	case *ast.ExprArrayDimFetch:
		// Reading an offset of null yields null with a warning, not an
		// error: not a dereference.
		_, short := a.evalChain(e.Var, s)
		a.eval(e.Dim, s)
		return unknown, short
	case *ast.ExprErrorSuppress:
		return a.evalChain(e.Expr, s)
	}
	return a.expr(e, s), Why{}
}

// expr evaluates the expressions that are not chain links.
func (a *analyzer) expr(e ast.Vertex, s *State) Value {
	switch e := e.(type) {
	case *ast.ExprConstFetch:
		if index.IsNull(e) {
			return Value{N: Null, Why: a.here(whyNullLiteral, line(e))}
		}
		if n, ok := e.Const.(*ast.Name); ok && len(n.Parts) == 1 {
			if p, ok := n.Parts[0].(*ast.NamePart); ok && (strings.EqualFold(string(p.Value), "true") || strings.EqualFold(string(p.Value), "false")) {
				return Value{N: NonNull}
			}
		}
		return unknown
	case *ast.ScalarString, *ast.ScalarLnumber, *ast.ScalarDnumber, *ast.ScalarMagicConstant:
		return Value{N: NonNull}
	case *ast.ScalarEncapsed:
		for _, p := range e.Parts {
			a.eval(p, s)
		}
		return Value{N: NonNull}
	case *ast.ScalarHeredoc:
		for _, p := range e.Parts {
			a.eval(p, s)
		}
		return Value{N: NonNull}
	case *ast.ScalarEncapsedStringVar:
		a.eval(e.Dim, s)
		return unknown
	case *ast.ScalarEncapsedStringBrackets:
		a.eval(e.Var, s)
		return unknown
	case *ast.ExprBrackets:
		return a.eval(e.Expr, s)
	case *ast.ExprAssign:
		return a.assign(e.Var, e.Expr, s)
	case *ast.ExprAssignReference:
		a.eval(e.Expr, s)
		a.forget(e.Var, s)
		a.forget(e.Expr, s)
		a.bindRef(e.Var, e.Expr)
		return unknown
	case *ast.ExprAssignCoalesce:
		return a.assignCoalesce(e, s)
	case *ast.ExprAssignConcat, *ast.ExprAssignPlus, *ast.ExprAssignMinus, *ast.ExprAssignMul,
		*ast.ExprAssignDiv, *ast.ExprAssignMod, *ast.ExprAssignPow, *ast.ExprAssignBitwiseAnd,
		*ast.ExprAssignBitwiseOr, *ast.ExprAssignBitwiseXor, *ast.ExprAssignShiftLeft, *ast.ExprAssignShiftRight:
		lhs, rhs := flow.CompoundOperands(e)
		a.eval(rhs, s)
		a.lvalue(lhs, s)
		a.setPath(lhs, Value{N: NonNull}, s)
		return Value{N: NonNull}
	case *ast.ExprPreInc:
		return a.incDec(e.Var, s)
	case *ast.ExprPreDec:
		return a.incDec(e.Var, s)
	case *ast.ExprPostInc:
		return a.incDec(e.Var, s)
	case *ast.ExprPostDec:
		return a.incDec(e.Var, s)
	case *ast.ExprBinaryBooleanAnd, *ast.ExprBinaryBooleanOr, *ast.ExprBinaryLogicalAnd, *ast.ExprBinaryLogicalOr,
		*ast.ExprBooleanNot, *ast.ExprInstanceOf, *ast.ExprIsset, *ast.ExprEmpty:
		t, f := a.cond(e, s)
		s.replace(join(t, f))
		return Value{N: NonNull}
	case *ast.ExprBinaryCoalesce:
		// Nothing is learned about the left path: it is not narrowed to
		// null for the right side, which would leak a null past the ??.
		left := a.quiet(e.Left, s)
		r := s.clone()
		a.coalesced(e.Left, r)
		rg := a.sc.Enter()
		right := a.eval(e.Right, r)
		a.sc.Leave(rg)
		if right.Why.kind == whyNullLiteral {
			// `$a['k'] ?? null` is how code reads a key it believes set
			// without a warning when it is not: the null arises only
			// when that belief fails, a condition the code does not
			// show, so it is never inevitable (judged on real code: a
			// required argument read back from a parsed call).
			right.Why.kind = whyCoalesce
			right.Why.at = right.Why.at.Unfollowed()
		}
		s.replace(join(s, r))
		if right.N == NonNull || right.N == never {
			return Value{N: NonNull, Class: firstClass(left.Class, right.Class)}
		}
		return joinValue(left.nonNull(), right)
	case *ast.ExprTernary:
		return a.ternary(e, s)
	case *ast.ExprMatch:
		return a.match(e, s)
	case *ast.ExprNew:
		class := ""
		switch c := e.Class.(type) {
		case *ast.StmtClass: // anonymous class: its methods are analysed here
			a.sc.AnonymousClass(c)
		case *ast.Name, *ast.NameFullyQualified, *ast.NameRelative, *ast.Identifier:
			class = a.className(c)
		default:
			a.eval(c, s)
		}
		var ctor *index.Func
		var ctorClass *index.Class
		if class != "" {
			ctor, ctorClass = a.ix.Method(class, "__construct")
			ctor, ctorClass = a.orBuiltin(ctor, ctorClass, class, "__construct")
		}
		a.args(e.Args, ctor, ctorClass, s)
		return Value{N: NonNull, Class: class}
	case *ast.ExprClone:
		v := a.eval(e.Expr, s)
		return Value{N: NonNull, Class: v.Class}
	case *ast.ExprFunctionCall:
		if index.FirstClass(e) {
			switch e.Function.(type) {
			case *ast.Name, *ast.NameFullyQualified, *ast.NameRelative:
			default:
				a.eval(e.Function, s)
			}
			return closure
		}
		return a.functionCall(e, s)
	case *ast.ExprStaticCall:
		if index.FirstClass(e) {
			a.classRef(e.Class, s)
			if _, named := e.Call.(*ast.Identifier); !named {
				a.eval(e.Call, s)
			}
			return closure
		}
		return a.staticCall(e, s)
	case *ast.ExprStaticPropertyFetch:
		return a.staticProperty(e, s)
	case *ast.ExprClassConstFetch:
		class := a.classRef(e.Class, s)
		if name, ok := a.ix.Enum(class); ok {
			return Value{N: NonNull, Class: name}
		}
		return unknown
	case *ast.ExprClosure:
		a.closure(e, s)
		return closure
	case *ast.ExprArrowFunction:
		a.arrow(e, s)
		return closure
	case *ast.ExprThrow:
		a.eval(e.Expr, s)
		return Value{N: never}
	case *ast.ExprExit:
		a.eval(e.Expr, s)
		return Value{N: never}
	case *ast.ExprArray:
		a.items(e.Items, s)
		return Value{N: NonNull}
	case *ast.ExprList:
		a.items(e.Items, s)
		return Value{N: NonNull}
	case *ast.ExprArrayItem:
		if e.AmpersandTkn != nil {
			a.escape(e.Val) // [&$x]
		}
		a.eval(e.Key, s)
		return a.eval(e.Val, s)
	case *ast.ExprInclude, *ast.ExprIncludeOnce, *ast.ExprRequire, *ast.ExprRequireOnce, *ast.ExprEval:
		a.children(e, s)
		a.unrelate(s)
		return unknown
	case *ast.ExprCastUnset:
		a.eval(e.Expr, s)
		return unknown
	case *ast.ExprCastArray, *ast.ExprCastBool, *ast.ExprCastDouble, *ast.ExprCastInt, *ast.ExprCastObject, *ast.ExprCastString:
		a.eval(flow.CastOperand(e), s)
		return Value{N: NonNull}
	case *ast.ExprYield:
		a.eval(e.Key, s)
		a.eval(e.Val, s)
		return unknown
	default:
		a.children(e, s)
		if isValueOperator(e) {
			return Value{N: NonNull}
		}
		return unknown
	}
}

// firstClass returns the first non-empty class.
func firstClass(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (a *analyzer) items(items []ast.Vertex, s *State) {
	for _, it := range items {
		a.eval(it, s)
	}
}

// variable returns the tracked value of a variable; $this is never null in
// a non-static method.
func (a *analyzer) variable(e *ast.ExprVariable, s *State) Value {
	id, ok := e.Name.(*ast.Identifier)
	if !ok {
		a.eval(e.Name, s) // $$name
		return unknown
	}
	if string(id.Value) == "$this" {
		if a.class() != "" && !a.static() {
			return Value{N: NonNull, Class: a.class()}
		}
		return unknown
	}
	v, _ := s.get(id.Value)
	return v
}

// deref checks a receiver about to be dereferenced (->method(), ->prop). A
// value that may be null is reported once, then taken as non-null: PHP
// would have thrown, so later uses are not reported again.
func (a *analyzer) deref(recv ast.Vertex, v Value, s *State) {
	if !v.N.mayBeNull() || a.silent > 0 {
		return
	}
	a.reportDeref(recv, v)
	a.narrowAside(recv, s, NonNull)
}

// methodCall evaluates the arguments of a method call and returns its
// result: a tracked zero-argument call ("$a->get()" after a guard), else the
// declared return type of the method found through the receiver's class.
func (a *analyzer) methodCall(e ast.Vertex, recv Value, name ast.Vertex, args []ast.Vertex, s *State) Value {
	var m *index.Func
	var cl *index.Class
	id, named := name.(*ast.Identifier)
	if named && recv.Class != "" {
		m, cl = a.ix.Method(recv.Class, string(id.Value))
	} else if !named {
		a.eval(name, s)
	}
	if named && a.phpunitAssert(id, m, cl, args, s) {
		return unknown
	}
	callee, calleeCl := a.orBuiltin(m, cl, recv.Class, index.NameString(name))
	a.args(args, callee, calleeCl, s)
	if am := a.withAsserts(m, cl); am != nil {
		a.applyAsserts(am, receiver(e), args, line(e), s, nil)
	}
	if len(args) == 0 && named {
		if v, ok := a.tracked(e, s); ok {
			return v
		}
		if v, ok := a.getter(e, m, s); ok {
			return v
		}
	}
	return a.result(m, cl, recv.Class)
}

// invalidate forgets the null facts about the properties of a method call's
// receiver: the method may assign them (`$this->p = null; $this->init();
// $this->p->run();`). Non-null facts are kept, as PHPStan does by default:
// a method that nulls a property it was just checked for is rare, and
// dropping guards after every call would bury real findings in noise.
func (a *analyzer) invalidate(recv ast.Vertex, s *State) {
	if len(s.vars) == 0 || a.silent > 0 {
		return
	}
	var ok bool
	a.buf, ok = a.appendKey(a.buf[:0], recv, 0)
	if ok {
		a.invalidatePrefix(string(a.buf), s)
	}
}

func (a *analyzer) invalidatePrefix(prefix string, s *State) {
	s.dropNullTests(prefix)
	for i := range s.vars {
		e := &s.vars[i]
		if e.v.N.mayBeNull() && isBelow(e.key, prefix) {
			// Stored as Unknown, not deleted: a deleted path would fall
			// back to its declared (nullable) type.
			s.own()
			s.vars[i].v = Value{N: Unknown, Class: e.v.Class}
		}
	}
}

// result turns a callee's declared return type into a value.
func (a *analyzer) result(m *index.Func, cl *index.Class, recvClass string) Value {
	if m == nil {
		return unknown
	}
	if m.NoReturn {
		return Value{N: never}
	}
	t := &m.Returns
	class := t.Class()
	if class != "" && cl != nil && recvClass != "" && strings.EqualFold(class, cl.Name) && strings.Contains(strings.ToLower(t.Text), "static") {
		class = recvClass // `static` is the receiver's class
	}
	if a.opts.neverNull(a.ix, m, cl, recvClass) {
		return Value{N: NonNull, Class: class}
	}
	switch {
	case t.Nullable:
		v := Value{N: Maybe, Class: class, Why: Why{kind: whyReturn, fn: m, class: cl}}
		a.returnLevel(&v.Why, m, recvClass)
		return v
	case t.NonNull:
		return Value{N: NonNull, Class: class}
	}
	return Value{Class: class}
}

// property returns the value of a property read: a tracked path, else the
// property's declared type.
func (a *analyzer) property(e ast.Vertex, recv Value, name ast.Vertex, s *State) Value {
	id, ok := name.(*ast.Identifier)
	if !ok {
		a.eval(name, s)
		return unknown
	}
	if v, ok := a.tracked(e, s); ok {
		return v
	}
	if recv.Class == "" {
		return unknown
	}
	p, cl := a.ix.Property(recv.Class, string(id.Value))
	if p == nil {
		return unknown
	}
	var obj ast.Vertex
	switch e := e.(type) {
	case *ast.ExprPropertyFetch:
		obj = e.Var
	case *ast.ExprNullsafePropertyFetch:
		obj = e.Var
	}
	return a.propValue(p, cl, recv.Class, varName(obj) == "$this")
}

func propValue(p *index.Prop, cl *index.Class) Value {
	if p == nil {
		return unknown
	}
	class := p.Type.Class()
	switch {
	case p.Type.Nullable:
		return Value{N: Maybe, Class: class, Why: Why{kind: whyProp, prop: p, class: cl}}
	case p.Type.NonNull:
		return Value{N: NonNull, Class: class}
	}
	return Value{Class: class}
}

// tracked returns the value recorded for e's path, if any.
func (a *analyzer) tracked(e ast.Vertex, s *State) (Value, bool) {
	if len(s.vars) == 0 {
		return unknown, false
	}
	var ok bool
	a.buf, ok = a.appendKey(a.buf[:0], e, 0)
	if !ok {
		return unknown, false
	}
	return s.get(a.buf)
}

func (a *analyzer) staticCall(e *ast.ExprStaticCall, s *State) Value {
	class := a.classRef(e.Class, s)
	var m *index.Func
	var cl *index.Class
	id, named := e.Call.(*ast.Identifier)
	if named && class != "" {
		m, cl = a.ix.Method(class, string(id.Value))
	} else if !named {
		a.eval(e.Call, s)
	}
	if named && a.phpunitAssert(id, m, cl, e.Args, s) {
		return unknown
	}
	callee, calleeCl := a.orBuiltin(m, cl, class, index.NameString(e.Call))
	a.args(e.Args, callee, calleeCl, s)
	if am := a.withAsserts(m, cl); am != nil {
		var recv ast.Vertex
		if isSelfName(e.Class) && a.class() != "" && !a.static() {
			recv = thisVar
		}
		a.applyAsserts(am, recv, e.Args, line(e), s, nil)
	}
	if len(e.Args) == 0 && named {
		if v, ok := a.tracked(e, s); ok {
			return v
		}
	}
	recv := class
	if isSelfName(e.Class) && a.class() != "" {
		recv = a.class()
		a.invalidatePrefix("$this", s)
		a.invalidatePrefix(a.class(), s) // self::$cache: self::load() may assign it
		if !a.static() {
			a.applyEffects(thisVar, class, e.Call, s)
		}
	}
	return a.result(m, cl, recv)
}

func isSelfName(v ast.Vertex) bool {
	n, ok := v.(*ast.Name)
	if !ok || len(n.Parts) != 1 {
		return false
	}
	s := strings.ToLower(index.NameString(n))
	return s == "self" || s == "static" || s == "parent"
}

func (a *analyzer) staticProperty(e *ast.ExprStaticPropertyFetch, s *State) Value {
	class := a.classRef(e.Class, s)
	if v, ok := a.tracked(e, s); ok {
		return v
	}
	name := varName(e.Prop)
	if class == "" || name == "" {
		return unknown
	}
	p, cl := a.ix.Property(class, name[1:])
	return propValue(p, cl)
}

// classRef resolves the class part of a static access (Foo::, self::,
// static::, parent::, $obj::) to a fully-qualified name, or "".
func (a *analyzer) classRef(v ast.Vertex, s *State) string {
	switch v := v.(type) {
	case *ast.Name, *ast.NameFullyQualified, *ast.NameRelative, *ast.Identifier:
		return a.className(v)
	}
	return a.eval(v, s).Class
}

// className resolves a class name, including self, static and parent.
func (a *analyzer) className(v ast.Vertex) string {
	c := a.names.Class(v)
	switch c {
	case "self", "static":
		return a.class()
	case "parent":
		return a.parent()
	}
	return c
}

func (a *analyzer) functionCall(e *ast.ExprFunctionCall, s *State) Value {
	var fn, builtinFn *index.Func
	isAssert := false
	guard := index.GuardNone
	switch name := e.Function.(type) {
	case *ast.Name, *ast.NameFullyQualified, *ast.NameRelative:
		full, global := a.names.FuncCandidates(name)
		fn = a.ix.Function(full)
		if fn == nil && global != "" {
			fn = a.ix.Function(global)
		}
		if fn == nil {
			builtinFn = builtinFunc(full, global)
		}
		isAssert = fn == nil && strings.EqualFold(lastSegment(full), "assert")
		if g := index.GuardName(full); g != index.GuardNone && (fn == nil || fn.Guard == g) {
			guard = g
		}
	default:
		a.eval(name, s)
	}
	if guard != index.GuardNone && len(e.Args) > 0 {
		// abort_unless($x !== null, 404) returns only where its
		// condition holds (abort_if: where it does not), like assert().
		if arg, ok := e.Args[0].(*ast.Argument); ok && arg.Name == nil && arg.VariadicTkn == nil {
			t, f := a.cond(arg.Expr, s)
			if guard == index.GuardIf {
				t = f
			}
			s.replace(t)
			a.args(e.Args[1:], nil, nil, s)
			if fn == nil {
				return unknown
			}
			return a.result(fn, nil, "")
		}
	}
	if isAssert && len(e.Args) > 0 {
		// assert($x !== null) refines like an if that throws otherwise.
		if arg, ok := e.Args[0].(*ast.Argument); ok {
			t, _ := a.cond(arg.Expr, s)
			s.replace(t)
			a.args(e.Args[1:], nil, nil, s)
			return Value{N: NonNull}
		}
	}
	if fn == nil {
		a.args(e.Args, builtinFn, nil, s)
		if builtinFn != nil && strings.EqualFold(builtinFn.Name, "extract") {
			s.forgetLocals() // it may assign any variable
		}
		return unknown
	}
	a.args(e.Args, fn, nil, s)
	if len(fn.Asserts) > 0 {
		a.applyAsserts(fn, nil, e.Args, line(e), s, nil)
	}
	return a.result(fn, nil, "")
}

func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '\\'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// args evaluates call arguments. A variable passed where the callee takes a
// reference (or to a callee the index does not know, which might) may be
// assigned by the call, so a null fact about it is dropped. A path passed
// to a parameter declared with a class or interface type without null is
// non-null after the call: had it been null, PHP would have thrown a
// TypeError entering the callee.
func (a *analyzer) args(args []ast.Vertex, fn *index.Func, cl *index.Class, s *State) {
	for i, arg := range args {
		arg, ok := arg.(*ast.Argument)
		if !ok {
			continue
		}
		v := a.eval(arg.Expr, s)
		p := paramFor(fn, i, arg)
		if p != nil && !p.ByRef {
			t := paramType(p)
			if a.opts.Args && v.N.mayBeNull() && t.NonNull && t.Source == index.Declared && !s.dead {
				a.reportArg(arg.Expr, v, p, t, fn, cl)
			}
			if t.NonNull && t.Class() != "" {
				if v.N.mayBeNull() {
					a.narrowAside(arg.Expr, s, NonNull) // one finding never hides another
				} else {
					a.narrow(arg.Expr, s, NonNull)
				}
				continue
			}
		}
		if !v.N.mayBeNull() {
			continue
		}
		byRef := fn == nil
		if fn != nil && i < len(fn.Params) {
			byRef = fn.Params[i].ByRef
		} else if p != nil {
			byRef = p.ByRef // a variadic one
		}
		if byRef {
			if _, isVar := arg.Expr.(*ast.ExprVariable); isVar {
				a.forget(arg.Expr, s)
			}
		}
	}
}

// paramFor returns the parameter of fn that receives the i-th argument of
// a call, by name for a named argument, the variadic parameter for an
// argument past the others, or nil (also for a spread).
func paramFor(fn *index.Func, i int, arg *ast.Argument) *index.Param {
	if fn == nil || arg.VariadicTkn != nil {
		return nil
	}
	if arg.Name != nil {
		name := "$" + index.NameString(arg.Name)
		for j := range fn.Params {
			if fn.Params[j].Name == name {
				return &fn.Params[j]
			}
		}
		return nil
	}
	if i < len(fn.Params) {
		return &fn.Params[i]
	}
	if n := len(fn.Params); n > 0 && fn.Params[n-1].Variadic {
		return &fn.Params[n-1]
	}
	return nil
}

// assign evaluates `lhs = rhs` and records the value of lhs's path.
func (a *analyzer) assign(lhs, rhs ast.Vertex, s *State) Value {
	v := a.eval(rhs, s)
	switch l := lhs.(type) {
	case *ast.ExprList:
		a.destructure(l.Items, s)
		return v
	case *ast.ExprArray:
		a.destructure(l.Items, s)
		return v
	case *ast.ExprArrayDimFetch:
		// $a[] = x makes $a an array.
		a.lvalue(l, s)
		return v
	}
	a.lvalue(lhs, s)
	a.setPath(lhs, v, s)
	a.rememberTest(lhs, rhs, s)
	if nonEmptyValue(rhs) {
		a.markNonEmpty(lhs, s)
	}
	return v
}

// lvalue evaluates the parts of an assignment target that are read: the
// receiver of a property write (writing a property of null is an error),
// the base and key of an array write.
func (a *analyzer) lvalue(lhs ast.Vertex, s *State) {
	switch l := lhs.(type) {
	case *ast.ExprPropertyFetch:
		recv, _ := a.evalChain(l.Var, s)
		a.deref(l.Var, recv, s)
	case *ast.ExprStaticPropertyFetch:
		a.classRef(l.Class, s)
	case *ast.ExprArrayDimFetch:
		a.eval(l.Dim, s)
		base := l.Var
		for {
			d, ok := base.(*ast.ExprArrayDimFetch)
			if !ok {
				break
			}
			a.eval(d.Dim, s)
			base = d.Var
		}
		if _, ok := base.(*ast.ExprVariable); ok {
			a.forget(base, s)
		} else {
			a.lvalue(base, s)
		}
	case *ast.ExprVariable:
		if _, ok := l.Name.(*ast.Identifier); !ok {
			a.eval(l.Name, s)
		}
	}
}

// destructure forgets every variable a list() or [...] assignment writes.
func (a *analyzer) destructure(items []ast.Vertex, s *State) {
	for _, it := range items {
		it, ok := it.(*ast.ExprArrayItem)
		if !ok {
			continue
		}
		if it.AmpersandTkn != nil {
			a.escape(it.Val) // [&$x] = $xs
		}
		a.eval(it.Key, s)
		switch v := it.Val.(type) {
		case *ast.ExprList:
			a.destructure(v.Items, s)
		case *ast.ExprArray:
			a.destructure(v.Items, s)
		default:
			a.lvalue(v, s)
			a.forget(v, s)
		}
	}
}

// assignCoalesce: after `$x ??= rhs`, $x is non-null when rhs is.
func (a *analyzer) assignCoalesce(e *ast.ExprAssignCoalesce, s *State) Value {
	left := a.quiet(e.Var, s)
	right := a.eval(e.Expr, s)
	var v Value
	switch {
	case right.N == NonNull || right.N == never:
		v = Value{N: NonNull, Class: firstClass(left.Class, right.Class)}
	case left.N == NonNull:
		v = left
	default:
		v = joinValue(left.nonNull(), right)
	}
	a.setPath(e.Var, v, s)
	return v
}

func (a *analyzer) incDec(v ast.Vertex, s *State) Value {
	a.lvalue(v, s)
	if dv, ok := v.(*ast.ExprVariable); ok {
		if _, named := dv.Name.(*ast.Identifier); !named {
			// $$name++ may change any variable but makes none null
			// (++ turns null into 1), so no null goes unseen; what
			// is known of the others is kept.
			return unknown
		}
	}
	a.forget(v, s)
	return unknown
}

// catchVar binds a catch's variable to the exception it catches: not
// null, of the first type it names.
func (a *analyzer) catchVar(c *ast.StmtCatch, s *State) {
	name := varName(c.Var)
	if name == "" {
		return
	}
	class := ""
	if len(c.Types) > 0 {
		class = a.names.Class(c.Types[0])
	}
	s.kill(name)
	s.set(name, Value{N: NonNull, Class: class})
}

// forget drops what is known of a path (unset, global, by-reference).
func (a *analyzer) forget(e ast.Vertex, s *State) {
	a.setPath(e, unknown, s)
}

// setPath records v as the value of e's path, killing the paths below it.
func (a *analyzer) setPath(e ast.Vertex, v Value, s *State) {
	if e == nil {
		return
	}
	var ok bool
	a.buf, ok = a.appendKey(a.buf[:0], e, 0)
	if !ok {
		switch l := e.(type) {
		case *ast.ExprList:
			a.destructure(l.Items, s)
		case *ast.ExprArray:
			a.destructure(l.Items, s)
		case *ast.ExprVariable:
			if _, named := l.Name.(*ast.Identifier); !named {
				s.forgetLocals() // $$name may be any variable
			}
		}
		return
	}
	if len(s.vars) == 0 && v.N == Unknown && v.Class == "" {
		return
	}
	key := string(a.buf)
	s.kill(key)
	s.set(key, v)
	if len(a.refs) > 0 {
		a.writeRef(key, s)
	}
}

func (a *analyzer) ternary(e *ast.ExprTernary, s *State) Value {
	if e.IfTrue == nil {
		// $x ?: $y: $x when truthy (so non-null), else $y.
		// The condition is evaluated once, as a value, then split.
		left := a.eval(e.Cond, s)
		t, f := s, s.clone()
		a.narrow(e.Cond, t, NonNull)
		rg := a.sc.Enter()
		right := a.eval(e.IfFalse, f)
		a.sc.Leave(rg)
		s.replace(join(t, f))
		return joinValue(left.nonNull(), relabel(right, whyTernary))
	}
	t, f := a.cond(e.Cond, s)
	rg := a.sc.Enter()
	vt := a.eval(e.IfTrue, t)
	a.sc.Leave(rg)
	rg = a.sc.Enter()
	vf := a.eval(e.IfFalse, f)
	a.sc.Leave(rg)
	s.replace(join(t, f))
	return joinValue(relabel(vt, whyTernary), relabel(vf, whyTernary))
}

// relabel names a null literal by the construct that yields it.
func relabel(v Value, k whyKind) Value {
	if v.Why.kind == whyNullLiteral {
		v.Why.kind = k
	}
	return v
}

// match joins the values and states of its arms. In `match (true)` each
// arm's conditions are guards: the arm runs where one of them holds, the
// next arms where none did.
func (a *analyzer) match(e *ast.ExprMatch, s *State) Value {
	onTrue := isTrue(e.Expr)
	a.eval(e.Expr, s)
	var out *State
	var v Value
	first := true
	rg := a.sc.Enter()
	defer a.sc.Leave(rg)
	for _, arm := range e.Arms {
		arm, ok := arm.(*ast.MatchArm)
		if !ok {
			continue
		}
		var as *State
		if onTrue && len(arm.Exprs) > 0 {
			for _, c := range arm.Exprs {
				t, f := a.cond(c, s)
				into(&as, t)
				s.replace(f)
			}
			if as == nil {
				as = deadState()
			}
		} else {
			for _, c := range arm.Exprs {
				a.eval(c, s)
			}
			as = s.clone()
		}
		av := relabel(a.eval(arm.ReturnExpr, as), whyMatchArm)
		into(&out, as)
		if first {
			v, first = av, false
		} else {
			v = joinValue(v, av)
		}
	}
	if out != nil {
		s.replace(out)
	}
	return v
}

// closure analyses a closure body in its own scope: variables bound with
// use are copied (by value) from the enclosing state; by-reference ones are
// unknown inside and forgotten outside, since the closure may change them.
func (a *analyzer) closure(e *ast.ExprClosure, s *State) {
	inner := newState()
	for _, u := range e.Uses {
		u, ok := u.(*ast.ExprClosureUse)
		if !ok {
			continue
		}
		name := varName(u.Var)
		if name == "" {
			continue
		}
		if u.AmpersandTkn != nil {
			a.escape(u.Var)
			a.forget(u.Var, s)
			continue
		}
		if v, ok := s.lookup(name); ok {
			inner.set(name, v)
		}
	}
	if !a.static() && e.StaticTkn == nil {
		// $this is bound, not copied, but a closure is most often run
		// right away (array_map, usort): it keeps the guards on $this's
		// properties, trading a rare missed bug for no false alarm there.
		for _, e := range s.vars {
			if e.v.N == NonNull && strings.HasPrefix(e.key, "$this->") {
				inner.set(e.key, e.v)
			}
		}
	}
	a.sc.Closure(e, inner)
}

// arrow analyses an arrow function: it captures the whole enclosing scope
// by value at creation.
func (a *analyzer) arrow(e *ast.ExprArrowFunction, s *State) {
	a.sc.Arrow(e, s.clone())
}

// isTrue reports whether v is the literal true.
func isTrue(v ast.Vertex) bool {
	b, ok := flow.BoolLiteral(v)
	return ok && b
}
