package undefinedindex

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// fetch evaluates e, a read of an array element, checks the read, and
// returns the name the element is known by ("$a['k']"; "" when it has
// none) and the shape of its value.
func (w *domain) fetch(e *ast.ExprArrayDimFetch, s *state) (string, *shape) {
	if !w.enter() {
		return "", nil
	}
	defer w.leave()
	var name string
	var sh *shape
	if inner, ok := e.Var.(*ast.ExprArrayDimFetch); ok {
		name, sh = w.fetch(inner, s)
	} else if n, ok := baseName(e.Var); ok {
		name, sh = n, w.varShape(n, s)
	} else {
		w.expr(e.Var, s)
		if sh = w.valueShape(e.Var, s); sh != nil {
			name = callText(e.Var)
		}
	}
	w.expr(e.Dim, s)
	k, ok := constKey(e.Dim)
	if !ok || name == "" || len(name) > maxNameLen {
		return "", nil
	}
	return w.read(e, name, sh, k, s)
}

// maxNameLen bounds the names of elements followed ("$a['k']['j']"):
// generated code can read an element a thousand levels down, and the
// names would grow with the square of the depth.
const maxNameLen = 256

// read checks a read of name[k], where name has shape sh (nil when
// unknown), and returns the element's name and shape.
func (w *domain) read(n ast.Vertex, name string, sh *shape, k key, s *state) (string, *shape) {
	en := elemName(name, k)
	st, sub := sh.get(k)
	if s.dead || s.has(name, k) || w.quiet > 0 || sh != nil && sh.dense && denseGuard(s, name, k) {
		return en, sub
	}
	request := requestInput[name] || name == "$_SERVER" && serverRequest(k)
	if (request || st == absent || st == maybe) && strings.HasPrefix(name, "$") {
		// Reported once per path: a later read of the key is resolved by
		// the fix of this one (see doc.go). Not for a call's result,
		// named "explode(...)": the next such call is another value.
		s.guards[slot{name, k}] = true
	}
	switch {
	case request:
		w.reportf(n, "%s[%s] is read without a check that the key exists", name, k)
		return en, nil
	case st == absent:
		if sh.from == "" {
			w.reportf(n, "%s[%s] is not a key of %s (%s)", name, k, name, keyList(sh.keySet()))
		} else {
			w.reportf(n, "%s[%s] is not a key of %s (%s, from %s)", name, k, name, keyList(sh.keySet()), sh.from)
		}
	case st == maybe:
		why := sh.why
		if why == "" {
			why = "the key is optional"
		}
		w.reportf(n, "%s[%s] may be undefined: %s", name, k, why)
	}
	return en, sub
}

// denseGuard reports whether a guard proves an integer key of name
// greater than k.
func denseGuard(s *state, name string, k key) bool {
	n, ok := k.int()
	if !ok {
		return false
	}
	for g := range s.guards {
		if g.name == name && g.key.intAtLeast(n+1) {
			return true
		}
	}
	return false
}

// baseName returns the name of a variable ("$a") or of a property of $this
// ("$this->items"), whose elements the check follows.
func baseName(e ast.Vertex) (string, bool) {
	if name, ok := varName(e); ok {
		return name, true
	}
	if p, ok := e.(*ast.ExprPropertyFetch); ok {
		if v, ok := varName(p.Var); ok && v == "$this" {
			if id, ok := p.Prop.(*ast.Identifier); ok {
				return "$this->" + string(id.Value), true
			}
		}
	}
	return "", false
}

// varShape returns the shape of a variable or $this property.
func (w *domain) varShape(name string, s *state) *shape {
	if prop, ok := strings.CutPrefix(name, "$this->"); ok {
		return w.propShape(w.class(), prop)
	}
	return s.arrays[name]
}

// callText names a call for messages: "explode(...)".
func callText(e ast.Vertex) string {
	switch e := e.(type) {
	case *ast.ExprFunctionCall:
		if name := index.NameString(e.Function); name != "" {
			return name + "(...)"
		}
	case *ast.ExprMethodCall:
		if id, ok := e.Method.(*ast.Identifier); ok {
			return "->" + string(id.Value) + "(...)"
		}
	case *ast.ExprStaticCall:
		if id, ok := e.Call.(*ast.Identifier); ok {
			return index.NameString(e.Class) + "::" + string(id.Value) + "(...)"
		}
	case *ast.ExprBrackets:
		return callText(e.Expr)
	}
	return "the array"
}

// valueShape returns the shape of the array e evaluates to, when known.
// It reports nothing: e has been evaluated already.
func (w *domain) valueShape(e ast.Vertex, s *state) *shape {
	if !w.enter() {
		return nil
	}
	defer w.leave()
	switch e := e.(type) {
	case *ast.ExprArray:
		return w.literalShape(e, s)
	case *ast.ExprBrackets:
		return w.valueShape(e.Expr, s)
	case *ast.ExprArrayDimFetch:
		var sh *shape
		if name, ok := baseName(e.Var); ok {
			sh = w.varShape(name, s)
		} else {
			sh = w.valueShape(e.Var, s)
		}
		if k, ok := constKey(e.Dim); ok {
			if st, sub := sh.get(k); st == has || st == maybe {
				return sub
			}
		}
	case *ast.ExprBinaryPlus:
		return plus(w.valueShape(e.Left, s), w.valueShape(e.Right, s))
	case *ast.ExprFunctionCall:
		return w.callShape(e, s)
	case *ast.ExprMethodCall:
		if v, ok := varName(e.Var); ok && v == "$this" {
			return w.methodShape(w.class(), e.Method, e)
		}
	case *ast.ExprStaticCall:
		class := w.sc.Names().Class(e.Class)
		switch class {
		case "self", "static":
			class = w.class()
		case "parent":
			class = w.parent()
		}
		return w.methodShape(class, e.Call, e)
	default:
		if name, ok := baseName(e); ok {
			return w.varShape(name, s)
		}
	}
	return nil
}

// literalShape returns the shape of an array literal: its keys exist, and
// no other does unless a key is not constant or an element is spread.
func (w *domain) literalShape(a *ast.ExprArray, s *state) *shape {
	sh := &shape{keys: make(map[key]elem, len(a.Items))}
	var next int64
	negative := false // an implicit key after a negative one differs in PHP 8.3
	for _, it := range a.Items {
		it, ok := it.(*ast.ExprArrayItem)
		if !ok || it.Val == nil {
			continue // a trailing comma or an empty list slot
		}
		if it.EllipsisTkn != nil {
			sh.rest = restUnknown
			continue
		}
		var k key
		if it.Key == nil {
			if negative {
				sh.rest = restUnknown
				continue
			}
			k = intKey(next)
			next++
		} else {
			k, ok = constKey(it.Key)
			if !ok {
				sh.rest = restUnknown
				continue
			}
			if n, ok := k.int(); ok {
				if n >= next {
					next = n + 1
				}
				negative = negative || n < 0 && next == 0
			}
		}
		var sub *shape
		if it.AmpersandTkn == nil {
			sub = w.valueShape(it.Val, s)
		}
		sh.keys[k] = elem{sub: sub}
	}
	return sh
}

// plus returns the shape of $a + $b: the keys of $a, and those of $b that
// $a lacks.
func plus(a, b *shape) *shape {
	if a == nil && b == nil {
		return nil
	}
	if a == nil {
		a = &shape{rest: restUnknown}
	}
	if b == nil {
		b = &shape{rest: restUnknown}
	}
	m := &shape{keys: make(map[key]elem, len(a.keys)+len(b.keys)), from: a.from, why: a.why}
	m.rest, m.restFrom = weaker(a, b)
	add := func(k key) {
		sa, suba := a.get(k)
		sb, subb := b.get(k)
		switch {
		case sa == has:
			m.keys[k] = elem{sub: suba}
		case sb == has:
			m.keys[k] = elem{sub: subb}
		case sa == unknown || sb == unknown || sa == absent && sb == absent:
		default:
			m.keys[k] = elem{maybe: true}
		}
	}
	for k := range a.keys {
		add(k)
	}
	for k := range b.keys {
		add(k)
	}
	return m
}

// callShape returns the shape of a function call's result: a builtin
// from the table, array_pad, or a function whose @return the index holds.
func (w *domain) callShape(e *ast.ExprFunctionCall, s *state) *shape {
	name := funcName(e.Function)
	if b, ok := builtins[name]; ok && b.out == 0 {
		if len(e.Args) > b.maxArgs || b.limit > 0 && len(e.Args) >= b.limit && !positiveInt(argExpr(e.Args[b.limit-1])) {
			return nil
		}
		if b.strict && !strict || b.builtURL && len(e.Args) > 0 && built(argExpr(e.Args[0])) {
			return nil
		}
		sh := label(parseType(b.result, nil), fmt.Sprintf("%s() at line %d", name, line(e)), "", b.why)
		if name == "explode" && len(e.Args) >= 2 && sh != nil && w.contains(argExpr(e.Args[1]), argExpr(e.Args[0]), s) {
			// The subject was checked to contain the delimiter.
			sh.keys[intKey(1)] = elem{}
			sh.restFrom = 2
		}
		return sh
	}
	if name == "array_pad" && len(e.Args) == 3 {
		if k, ok := constKey(argExpr(e.Args[1])); ok {
			if n, ok := k.int(); ok && n > 0 && n <= 64 {
				pad := &shape{keys: map[key]elem{}, rest: restUnknown}
				for i := range n {
					pad.keys[intKey(i)] = elem{}
				}
				return plus(pad, w.valueShape(argExpr(e.Args[0]), s))
			}
		}
		return nil
	}
	fn := w.function(e.Function)
	if fn == nil || fn.ArrayDoc == "" {
		return nil
	}
	short := index.NameString(e.Function)
	return label(parseType(fn.ArrayDoc, w.aliases("")), "the @return of "+short+"()", short+"() at "+loc(fn.File, fn.Line), "")
}

// methodShape returns the shape a method's @return declares.
func (w *domain) methodShape(class string, method ast.Vertex, call ast.Vertex) *shape {
	id, ok := method.(*ast.Identifier)
	if !ok || class == "" || w.pass.Index == nil {
		return nil
	}
	fn, decl := w.pass.Index.Method(class, string(id.Value))
	if fn == nil || fn.ArrayDoc == "" {
		return nil
	}
	name := decl.Short() + "::" + fn.Name + "()"
	return label(parseType(fn.ArrayDoc, w.aliases(decl.Name)), "the @return of "+name, name+" at "+loc(decl.File, fn.Line), "")
}

// propShape returns the shape a property's @var (or the class's @property
// tag) declares, looking in the class, its traits and its parents.
func (w *domain) propShape(class, prop string) *shape {
	ix := w.pass.Index
	for depth := 0; class != "" && depth < 16; depth++ {
		c := ix.Class(class)
		if c == nil {
			return nil
		}
		for _, cl := range append([]string{class}, c.Traits...) {
			cc := c
			if cl != class {
				if cc = ix.Class(cl); cc == nil {
					continue
				}
			}
			for _, ds := range cc.Shapes {
				if ds.Name == "$"+prop {
					return label(parseType(ds.Type, w.aliases(cc.Name)), "the @var of $this->"+prop,
						cc.Short()+"::$"+prop+" at "+loc(cc.File, ds.Line), "")
				}
			}
		}
		class = c.Parent
	}
	return nil
}

// aliases returns the resolver of the type aliases in scope in a class:
// its own and those it imports.
func (w *domain) aliases(class string) func(string) (string, bool) {
	if class == "" || w.pass.Index == nil {
		return nil
	}
	return func(name string) (string, bool) {
		return w.alias(class, name, 0)
	}
}

func (w *domain) alias(class, name string, depth int) (string, bool) {
	c := w.pass.Index.Class(class)
	if c == nil || depth > 4 {
		return "", false
	}
	for _, ds := range c.Shapes {
		if ds.Name != name {
			continue
		}
		if ds.From != "" {
			return w.alias(ds.From, ds.Orig, depth+1)
		}
		return ds.Type, true
	}
	return "", false
}

// function returns the user function a call names, from the index.
func (w *domain) function(name ast.Vertex) *index.Func {
	if w.pass.Index == nil {
		return nil
	}
	a, b := w.sc.Names().FuncCandidates(name)
	if fn := w.pass.Index.Function(a); fn != nil {
		return fn
	}
	if b != "" {
		return w.pass.Index.Function(b)
	}
	return nil
}

// label sets where a shape comes from on it and its nested shapes, which
// are new (parseType made them). A maybe key is explained by why, or, for
// a declared shape, as optional in decl.
func label(sh *shape, from, decl, why string) *shape {
	if sh == nil {
		return nil
	}
	sh.from = from
	if why != "" {
		sh.why = from + " " + why
	} else {
		sh.why = "the key is optional in " + from
		if decl != "" {
			sh.why += " (" + decl + ")"
		}
	}
	for k, e := range sh.keys {
		if e.sub != nil {
			e.sub = label(e.sub, from, decl, why)
			sh.keys[k] = e
		}
	}
	return sh
}

// loc formats a declaration's place for messages.
func loc(file string, line int) string {
	if file == "" {
		return "line " + strconv.Itoa(line)
	}
	return file + ":" + strconv.Itoa(line)
}

// line returns the line a node starts on.
func line(n ast.Vertex) int {
	if p := n.GetPosition(); p != nil {
		return p.StartLine
	}
	return 0
}

// built reports whether e is a call or a constant, whose value the
// application builds rather than receives.
func built(e ast.Vertex) bool {
	switch unbracket(e).(type) {
	case *ast.ExprFunctionCall, *ast.ExprMethodCall, *ast.ExprStaticCall, *ast.ExprNullsafeMethodCall,
		*ast.ExprConstFetch, *ast.ExprClassConstFetch:
		return true
	}
	return false
}

// positiveInt reports whether e is a positive integer literal.
func positiveInt(e ast.Vertex) bool {
	k, ok := constKey(e)
	if !ok {
		return false
	}
	n, ok := k.int()
	return ok && n > 0
}
