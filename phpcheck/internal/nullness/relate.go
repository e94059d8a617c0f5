package nullness

import (
	"slices"
	"strings"
	"unicode"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/visitor"
	"github.com/VKCOM/php-parser/pkg/visitor/traverser"
)

// Correlated nullness. A join of two states keeps, for each path, what both
// edges know of it alone; what the edges knew together is lost. After
//
//	if ($a === null && $b === null) { throw new E(); }
//
// one edge has $a non-null and the other $b non-null: the join has both
// maybe null, though one of them is not. A clause keeps that fact: "$a is
// non-null or $b is non-null". When a later branch proves one literal false
// (`if ($a !== null) { ... } else { takes($b); }`), the clause is left with
// one literal, which then holds: $b is non-null on that branch.
//
// Clauses are made at joins: where one edge proves a literal of a local
// variable that the join loses (non-null, or null, while the join holds it
// maybe null) and the other edge another, the join holds their disjunction;
// a clause only one edge holds is widened by the other edge's literals the
// same way (`$a !== null || $b !== null || $c !== null`). A clause that an
// edge entails by a fact of its own survives the join as it is.
//
// Only plain local variables appear in clauses: a property may change
// under any call, a local only by a write, and every write of a variable
// (store, kill, forget) drops the clauses that mention it, so a clause never
// outlives the facts it was made of. Writes the walk does not see (through
// a reference, by include or eval, to a global of a file's script) drop
// them too (analyzer.settle, unrelate). States keep few and short clauses
// (maxClauses, maxLits): more are dropped, which only loses narrowing.
type clause []relLit

// relLit is one literal of a clause: key is non-null, or, with null set,
// key is null.
type relLit struct {
	key  string
	null bool
}

const (
	maxClauses = 8
	maxLits    = 4
	// maxUnits bounds the literals one edge of a join contributes.
	maxUnits = 6
)

// holds reports whether the literal is true of value v.
func (l relLit) holds(v Value) bool {
	if l.null {
		return v.N == Null && !v.Why.loose
	}
	return v.N == NonNull
}

// relKey reports whether key names a plain local variable ("$x", not
// "$this", "$x->p" or "A::$x"), the only paths clauses mention.
func relKey(key string) bool {
	return len(key) > 1 && key[0] == '$' && key != "$this" && !strings.ContainsAny(key, "-:[")
}

// mentions reports whether c has a literal of key.
func (c clause) mentions(key string) bool {
	for _, l := range c {
		if l.key == key {
			return true
		}
	}
	return false
}

// dropRel forgets the clauses mentioning key: it is being written.
func (s *State) dropRel(key string) {
	for i, c := range s.rel {
		if !c.mentions(key) {
			continue
		}
		out := append(make([]clause, 0, len(s.rel)-1), s.rel[:i]...)
		for _, c := range s.rel[i+1:] {
			if !c.mentions(key) {
				out = append(out, c)
			}
		}
		s.rel = out
		return
	}
}

// settle applies to s's clauses the fact that key is null (n == Null) or
// non-null: a clause the fact satisfies goes, a literal it falsifies goes,
// and a clause left with one literal is a fact. A non-null fact is
// recorded in s's value too, a null one only as a clause (a value made null
// would need a reason to report it by); both stay as one-literal clauses,
// so that a later test contradicting them marks the branch dead, as a
// clause left with no literal does (`null === $a xor null === $b`, then
// `$a === null && $b !== null` cannot hold). It is called before the fact
// itself is stored, which drops what still mentions key.
func (s *State) settle(key string, n Nullness) {
	if len(s.rel) == 0 || s.dead || (n != Null && n != NonNull) {
		return
	}
	var out []clause
	var units []relLit
	changed := false
	for _, c := range s.rel {
		i := slices.IndexFunc(c, func(l relLit) bool { return l.key == key })
		if i < 0 {
			out = append(out, c)
			continue
		}
		changed = true
		switch {
		case c[i].null == (n == Null):
			// satisfied
		case len(c) == 1:
			s.markDead()
			return
		case len(c) == 2:
			units = append(units, c[1-i])
		default:
			out = append(out, append(append(make(clause, 0, len(c)-1), c[:i]...), c[i+1:]...))
		}
	}
	if !changed {
		return
	}
	s.rel = out
	for _, u := range units {
		if s.dead {
			return
		}
		s.learn(u)
	}
}

// learn records literal u, derived from a clause, in s.
func (s *State) learn(u relLit) {
	cur, _ := s.lookup(u.key)
	switch {
	case u.null && cur.N == NonNull, !u.null && cur.N == Null && !cur.Why.loose:
		s.markDead()
		return
	case u.null:
		s.settle(u.key, Null)
	default:
		s.settle(u.key, NonNull)
		if cur.N != NonNull {
			// The reason stays: it names the declared type that
			// onlyClass reads.
			s.set(u.key, Value{N: NonNull, Class: cur.Class, Why: cur.Why})
		}
	}
	if !s.dead && len(s.rel) < maxClauses {
		s.rel = append(slices.Clip(s.rel), clause{u})
	}
}

// settle is s.settle for the analyzer's tests, which first drops the
// clauses a write the walk does not see may have falsified: those of an
// escaped local (refs.go), and, in a file's top-level code, where every
// variable is a global that any call may assign, all of them.
func (a *analyzer) settle(s *State, key string, n Nullness) {
	if a.script {
		s.rel = nil
		return
	}
	for _, k := range a.escaped {
		if len(s.rel) == 0 {
			break
		}
		s.dropRel(k)
	}
	s.settle(key, n)
}

// unrelate drops every clause of s: include, require and eval may assign
// any local.
func (a *analyzer) unrelate(s *State) {
	s.rel = nil
}

// final is a finally block being walked to: its first statement, its
// try statement, and the clauses the try block started with.
type final struct {
	first ast.Vertex
	try   *ast.StmtTry
	rel   []clause
}

// finallyRel keeps, of the clauses of s, where fin's finally block starts,
// those that the try block started with and that neither it nor a catch
// block mentions a variable of. The block starts from the states that
// reach it normally (flow's TryJoiner), but it also runs after a return or
// a throw in the middle, where only such a clause is sure to hold.
func finallyRel(s *State, fin final) {
	if len(s.rel) == 0 {
		return
	}
	m := mentioned{names: map[string]bool{}}
	for _, st := range fin.try.Stmts {
		traverser.NewTraverser(&m).Traverse(st)
	}
	for _, c := range fin.try.Catches {
		traverser.NewTraverser(&m).Traverse(c)
	}
	var out []clause
	for _, c := range s.rel {
		if m.all || !slices.ContainsFunc(fin.rel, func(o clause) bool { return slices.Equal(o, c) }) {
			continue
		}
		if !slices.ContainsFunc(c, func(l relLit) bool { return m.names[l.key] }) {
			out = append(out, c)
		}
	}
	s.rel = out
}

// mentioned collects the variables code names; all is set by a variable
// variable ($$name), which may be any.
type mentioned struct {
	visitor.Null
	names map[string]bool
	all   bool
}

func (m *mentioned) ExprVariable(n *ast.ExprVariable) {
	if name := varName(n); name != "" {
		m.names[name] = true
	} else {
		m.all = true
	}
}

// markDead makes s an unreachable point: its clauses contradict each other
// or a test.
func (s *State) markDead() {
	*s = State{dead: true}
}

// narrowLoose narrows e to null on the branch of a loose `== null`, where
// it may as well be false, 0, "" or []: the value is marked loose, and the
// clauses are not settled by it.
func (a *analyzer) narrowLoose(e ast.Vertex, s *State) {
	a.narrowAside(e, s, Null)
	key := varName(unbracket(e))
	if v, ok := s.lookup(key); ok && relKey(key) && v.N == Null {
		v.Why.loose = true
		s.set(key, v)
	}
}

// narrowAside narrows e as narrow does, but settles no clause with it: the
// fact is not one to reason from (a loose null, or the non-null a
// dereference assumes once it is reported, so that a finding on one
// variable never hides one on another). The clauses of the variable at
// the root of e go, since its value changed.
func (a *analyzer) narrowAside(e ast.Vertex, s *State, n Nullness) {
	if len(s.rel) == 0 {
		a.narrow(e, s, n)
		return
	}
	rel := s.rel
	s.rel = nil
	a.narrow(e, s, n)
	if s.dead {
		return
	}
	s.rel = rel
	if root := rootVar(e); root != "" {
		s.dropRel(root)
	}
}

// rootVar returns the variable a path starts from ("$o" of "$o->p->q()").
func rootVar(e ast.Vertex) string {
	for depth := 0; depth < maxKeyDepth; depth++ {
		switch x := e.(type) {
		case *ast.ExprBrackets:
			e = x.Expr
		case *ast.ExprAssign:
			e = x.Var
		case *ast.ExprVariable:
			return varName(x)
		default:
			base, link := linkBase(e)
			if !link {
				return ""
			}
			e = base
		}
	}
	return ""
}

// coalesced applies to s, the state in which the right side of `e ?? ...`
// runs, that e is null there. Only the clauses learn it: the value is not
// narrowed, which would leak a null past the ??.
func (a *analyzer) coalesced(e ast.Vertex, s *State) {
	if key := varName(unbracket(e)); relKey(key) {
		a.settle(s, key, Null)
	}
}

// falsy applies to s, the branch where path e is falsy, what that says of
// null: an object is always truthy, so a falsy variable whose class is
// known is null there. Only the clauses learn it (the value itself keeps
// its reason): SimpleXMLElement, the one falsy object, is left out.
func (a *analyzer) falsy(e ast.Vertex, s *State) {
	if len(s.rel) == 0 || s.dead {
		return
	}
	key := varName(e)
	if !relKey(key) {
		return
	}
	v, _ := s.lookup(key)
	if v.Class == "" || strings.EqualFold(strings.TrimPrefix(v.Class, `\`), "SimpleXMLElement") || !onlyClass(v) {
		return
	}
	a.settle(s, key, Null)
}

// onlyClass reports whether v, which may be null, is otherwise an object
// of its class: the declared type its reason names is that class or null
// (`?User`, `User|null`). A value's class is the first of its type's
// classes, so `User|int|null` or `User|Team|null` may be a falsy 0 or a
// Team; a reason that names no type (a ternary, a default `= null`)
// settles nothing, which only loses narrowing.
func onlyClass(v Value) bool {
	var text string
	switch v.Why.kind {
	case whyParam:
		text = v.Why.param.text
	case whyReturn:
		text = v.Why.fn.Returns.Text
	case whyProp:
		text = v.Why.prop.Type.Text
	}
	text = strings.TrimPrefix(text, "?")
	n := 0
	for _, part := range strings.Split(text, "|") {
		switch strings.ToLower(part) {
		case "null":
		case "", "int", "integer", "float", "double", "string", "bool", "boolean", "false", "true", "array",
			"mixed", "iterable", "callable", "resource", "scalar", "numeric", "object", "list":
			return false
		default:
			if strings.ContainsFunc(part, func(r rune) bool {
				return r != '\\' && r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
			}) {
				return false // an array, a generic, an intersection
			}
			n++
		}
	}
	return n == 1
}

// notInstance applies to f, the branch where `e instanceof class` fails,
// what that says of null: a value whose class is the one tested is null
// there (it is an instance of its class or null). Only the clauses learn it.
func (a *analyzer) notInstance(e ast.Vertex, class string, f *State) {
	if len(f.rel) == 0 || f.dead {
		return
	}
	key := varName(unbracket(e))
	if !relKey(key) {
		return
	}
	if v, _ := f.lookup(key); v.Class != "" && strings.EqualFold(strings.TrimPrefix(v.Class, `\`), strings.TrimPrefix(class, `\`)) && onlyClass(v) {
		a.settle(f, key, Null)
	}
}

// xor splits `l xor r`: it holds where exactly one side does. The right
// side runs on both of the left's branches; the second walk is silent, so
// that what it reports is reported once.
func (a *analyzer) xor(l, r ast.Vertex, s *State) (t, f *State) {
	t1, f1 := a.cond(l, s)
	tt, tf := a.cond(r, t1)
	a.silent++
	ft, ff := a.cond(r, f1)
	a.silent--
	return join(tf, ft), join(tt, ff)
}

// joinRel returns the clauses of r, the join of a and b (see the type's
// doc). It allocates only when an edge holds clauses or both edges prove
// literals the join loses.
func joinRel(a, b, r *State) []clause {
	if len(a.rel) == 0 && len(b.rel) == 0 && len(r.vars) < 2 {
		return nil
	}
	var la, lb [maxUnits]relLit
	na, nb := 0, 0
	for _, e := range r.vars {
		if e.v.N != Maybe || !relKey(e.key) {
			continue
		}
		if va, ok := a.lookup(e.key); ok && na < maxUnits && (va.N == NonNull || va.N == Null && !va.Why.loose) {
			la[na] = relLit{e.key, va.N == Null}
			na++
		}
		if vb, ok := b.lookup(e.key); ok && nb < maxUnits && (vb.N == NonNull || vb.N == Null && !vb.Why.loose) {
			lb[nb] = relLit{e.key, vb.N == Null}
			nb++
		}
	}
	if len(a.rel) == 0 && len(b.rel) == 0 && (na == 0 || nb == 0) {
		return nil
	}
	var out []clause
	add := func(c clause) {
		if len(out) < maxClauses && !slices.ContainsFunc(out, func(o clause) bool { return slices.Equal(o, c) }) {
			out = append(out, c)
		}
	}
	// Clauses both edges hold or entail survive; the others are one
	// edge's disjuncts for the product below.
	var ca, cb []clause
	for _, c := range a.rel {
		if holdsIn(c, b) {
			add(c)
		} else {
			ca = append(ca, c)
		}
	}
	for _, c := range b.rel {
		switch {
		case slices.ContainsFunc(a.rel, func(o clause) bool { return slices.Equal(o, c) }):
		case holdsIn(c, a):
			add(c)
		default:
			cb = append(cb, c)
		}
	}
	for _, l := range la[:na] {
		ca = append(ca, clause{l})
	}
	for _, l := range lb[:nb] {
		cb = append(cb, clause{l})
	}
	for _, x := range ca {
		for _, y := range cb {
			if c, ok := disjoin(x, y); ok {
				add(c)
			}
		}
	}
	return out
}

// holdsIn reports whether s holds c: it has the clause, or a fact that
// makes one of its literals true.
func holdsIn(c clause, s *State) bool {
	if slices.ContainsFunc(s.rel, func(o clause) bool { return slices.Equal(o, c) }) {
		return true
	}
	for _, l := range c {
		if v, ok := s.lookup(l.key); ok && l.holds(v) {
			return true
		}
	}
	return false
}

// disjoin returns the clause x or y, sorted by key, unless it is always
// true (a key both null and non-null) or longer than maxLits.
func disjoin(x, y clause) (clause, bool) {
	c := make(clause, 0, len(x)+len(y))
	c = append(c, x...)
	for _, l := range y {
		i := slices.IndexFunc(c, func(o relLit) bool { return o.key == l.key })
		switch {
		case i < 0:
			c = append(c, l)
		case c[i].null != l.null:
			return nil, false
		}
	}
	if len(c) > maxLits {
		return nil, false
	}
	slices.SortFunc(c, func(p, q relLit) int { return strings.Compare(p.key, q.key) })
	return c, true
}

// sameRel reports whether a and b hold the same clauses (loop fixpoints).
func sameRel(a, b []clause) bool {
	return slices.EqualFunc(a, b, func(x, y clause) bool { return slices.Equal(x, y) })
}
