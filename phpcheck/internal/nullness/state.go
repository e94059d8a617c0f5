package nullness

import (
	"fmt"
	"slices"
	"strings"

	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// Nullness is what the engine knows about whether a value is null.
type Nullness uint8

// The lattice: Unknown is the top for reporting purposes (never reported),
// Maybe and Null are reported, NonNull is proven.
const (
	// Unknown: no information; never reported.
	Unknown Nullness = iota
	// NonNull: proven not null on every path.
	NonNull
	// Maybe: null on some path the engine can name.
	Maybe
	// Null: null on every path.
	Null
)

// mayBeNull reports whether n is a reportable state.
func (n Nullness) mayBeNull() bool { return n == Maybe || n == Null }

// whyKind says where a null came from.
type whyKind uint8

const (
	whyNone whyKind = iota
	whyNullLiteral
	whyMatchArm
	whyTernary
	whyParam
	whyReturn
	whyProp
	whyNullsafe
	whyIsNull
	whyInlineVar
	whyCoalesce
)

// Why is the reason a value may be null. It holds pointers into the index
// and the line of a literal, and is only formatted when a finding is
// reported, so that evaluating an expression allocates nothing.
type Why struct {
	kind  whyKind
	line  int32
	param *param
	class *index.Class
	fn    *index.Func
	prop  *index.Prop
	// init names the method that initialises a property (see
	// index.Initializer): only its declared type says it may be null.
	init string
	// declared marks a reason that only a declared or documented type
	// gives (see [Declared]).
	declared bool
	// checked is the line of a comparison with null in the function being
	// analysed that the value passed without an exit: the code itself
	// expects null there, whatever first said so (see [Local]).
	checked int32
	// loose marks a null that a loose `== null` proved: the value may as
	// well be false, 0, "" or [], so clauses (relate.go) do not read it as
	// null.
	loose bool
	// at says where a null the function itself made arose (see
	// region.go); nowhere for nulls from elsewhere.
	at flow.Point
}

// level returns the evidence a reason gives.
func (w Why) level() Evidence {
	switch {
	case w.checked != 0:
		return Local
	case w.declared:
		return Declared
	}
	switch w.kind {
	case whyReturn, whyProp, whyNone:
		return Shown
	}
	return Local
}

// surer reports whether reason a is better evidence than b, so that a join
// explains a finding by the surest of its incoming nulls.
func surer(a, b Why) bool { return a.level() < b.level() }

// calleeName names a function ("render()") or, with cl, a method
// ("Page::render()") as messages quote it.
func calleeName(fn *index.Func, cl *index.Class) string {
	if cl != nil {
		return cl.Short() + "::" + fn.Name + "()"
	}
	if i := strings.LastIndexByte(fn.Name, '\\'); i >= 0 {
		return fn.Name[i+1:] + "()"
	}
	return fn.Name + "()"
}

// param names a parameter declared nullable.
type param struct {
	name string
	text string // the type as written
}

// String formats the reason as it appears in parentheses in a message.
func (w Why) String() string {
	s := w.origin()
	if w.checked != 0 && w.kind != whyIsNull {
		s += fmt.Sprintf(", checked null at line %d", w.checked)
	}
	return s
}

// origin says where the null comes from.
func (w Why) origin() string {
	switch w.kind {
	case whyNullLiteral:
		return fmt.Sprintf("assigned null at line %d", w.line)
	case whyMatchArm:
		return fmt.Sprintf("match arm yields null at line %d", w.line)
	case whyTernary:
		return fmt.Sprintf("ternary yields null at line %d", w.line)
	case whyParam:
		if strings.HasPrefix(w.param.text, "=") {
			return fmt.Sprintf("parameter %s defaults to null", w.param.name)
		}
		return fmt.Sprintf("parameter %s is %s", w.param.name, w.param.text)
	case whyReturn:
		callee := calleeName(w.fn, w.class)
		if at := w.fn.Summary.NullAt; at > 0 {
			file := w.fn.File
			if w.class != nil {
				file = w.class.File
			}
			return fmt.Sprintf("%s returns null at %s:%d", callee, file, at)
		}
		switch w.fn.Returns.Source {
		case index.ReturnsNull:
			return callee + " returns null on some path"
		case index.Doc:
			return callee + " returns " + w.fn.Returns.Text + " per @return"
		}
		return callee + " returns " + w.fn.Returns.Text
	case whyProp:
		s := fmt.Sprintf("property %s::$%s is %s", w.class.Short(), w.prop.Name, w.prop.Type.Text)
		if w.prop.Type.Source == index.Doc {
			s += " per @var"
		}
		if w.init != "" {
			s += ", set by " + w.init + "()"
		}
		return s
	case whyNullsafe:
		return fmt.Sprintf("?-> yields null at line %d", w.line)
	case whyIsNull:
		return fmt.Sprintf("checked null at line %d", w.line)
	case whyInlineVar:
		return fmt.Sprintf("@var at line %d includes null", w.line)
	case whyCoalesce:
		return fmt.Sprintf("?? yields null at line %d", w.line)
	}
	return "null on some path"
}

// Value is the abstract value of an expression or a tracked path.
type Value struct {
	N Nullness
	// Class is the fully-qualified class of the value when known; it lets
	// the engine follow method calls and property reads into the index.
	Class string
	// Why explains Maybe and Null.
	Why Why
}

var unknown = Value{}

// closure is the value of a closure, an arrow function or a first-class
// callable (`f(...)`): a Closure.
var closure = Value{N: NonNull, Class: "Closure"}

// nonNull returns v proven not null.
func (v Value) nonNull() Value {
	return Value{N: NonNull, Class: v.Class}
}

// joinValue merges the values of a path on two incoming edges.
func joinValue(a, b Value) Value {
	if a.N == never {
		return b
	}
	if b.N == never {
		return a
	}
	if a.N == b.N && a.Class == b.Class {
		r := a
		if b.N.mayBeNull() && surer(b.Why, a.Why) {
			r = b
		}
		r.Why.loose = a.Why.loose || b.Why.loose
		return r
	}
	var r Value
	switch {
	case a.N == b.N:
		r.N = a.N
	case a.N == Null && b.N == Null:
		r.N = Null
	case a.N.mayBeNull() || b.N.mayBeNull():
		r.N = Maybe
	case a.N == NonNull && b.N == NonNull:
		r.N = NonNull
	default:
		r.N = Unknown
	}
	switch {
	case a.Class == b.Class:
		r.Class = a.Class
	case a.Class == "" && a.N == Null:
		r.Class = b.Class
	case b.Class == "" && b.N == Null:
		r.Class = a.Class
	}
	// The reason shown is the first one, unless the other is surer: the
	// surest null anywhere grades the join.
	switch {
	case a.N.mayBeNull() && (!b.N.mayBeNull() || !surer(b.Why, a.Why)):
		r.Why = a.Why
	case b.N.mayBeNull():
		r.Why = b.Why
	}
	return r
}

// State is nullness's facts (see nullness.go): it maps tracked paths ("$x", "$this->avatar", "$repo->find()",
// "App\Foo::$instance") to values at one program point. A path absent from
// the state is Unknown: untracked values cost nothing.
//
// The paths are a slice sorted by key, shared copy-on-write between clones:
// states are small (a function tracks a handful of paths), branches clone
// them all the time, and most clones are never written.
type State struct {
	// dead marks an unreachable point (after return, throw, exit, break).
	dead bool
	// shared reports whether vars may be shared with another state, so
	// that it must be copied before a write.
	shared bool
	vars   []entry
	// tests holds what boolean variables know of the null tests assigned
	// to them (see boolvar.go); never written in place, so shared freely.
	tests []*test
	// rel holds clauses relating the nullness of locals (see relate.go);
	// never written in place, so shared freely.
	rel []clause
}

type entry struct {
	key string
	v   Value
}

func newState() *State { return &State{} }

func deadState() *State { return &State{dead: true} }

func (s *State) clone() *State {
	s.shared = true
	return &State{dead: s.dead, shared: true, vars: s.vars, tests: s.tests, rel: s.rel}
}

// replace makes s hold o's facts (expressions mutate the state in place).
func (s *State) replace(o *State) {
	o.shared = true
	s.dead, s.shared, s.vars, s.tests, s.rel = o.dead, true, o.vars, o.tests, o.rel
}

// own makes s's vars private before a write.
func (s *State) own() {
	if s.shared {
		s.vars = append(make([]entry, 0, len(s.vars)+2), s.vars...)
		s.shared = false
	}
}

// find returns the index of key in s.vars, or where it would be inserted.
func (s *State) find(key string) (int, bool) {
	lo, hi := 0, len(s.vars)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.vars[m].key < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(s.vars) && s.vars[lo].key == key
}

// get returns the value of a path (Unknown when untracked).
func (s *State) get(key []byte) (Value, bool) {
	lo, hi := 0, len(s.vars)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.vars[m].key < string(key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(s.vars) && s.vars[lo].key == string(key) {
		return s.vars[lo].v, true
	}
	return unknown, false
}

// lookup is get for a string key.
func (s *State) lookup(key string) (Value, bool) {
	if i, ok := s.find(key); ok {
		return s.vars[i].v, true
	}
	return unknown, false
}

// set records the value of a path; unknown classless values are dropped to
// keep states small.
func (s *State) set(key string, v Value) {
	if v.N == Unknown && v.Class == "" {
		s.del(key)
		return
	}
	s.store(key, v)
}

// store records v even when it is unknown: a path forgotten on purpose
// must not fall back to its declared type.
func (s *State) store(key string, v Value) {
	if len(s.rel) > 0 {
		s.dropRel(key)
	}
	i, ok := s.find(key)
	s.own()
	if ok {
		s.vars[i].v = v
		return
	}
	s.vars = append(s.vars, entry{})
	copy(s.vars[i+1:], s.vars[i:])
	s.vars[i] = entry{key, v}
}

func (s *State) del(key string) {
	if len(s.rel) > 0 {
		s.dropRel(key)
	}
	if i, ok := s.find(key); ok {
		s.own()
		s.vars = append(s.vars[:i], s.vars[i+1:]...)
	}
}

// forgetLocals forgets every local variable and the paths below it, but
// not $this's: a write to a variable variable ($$name) or extract() may
// assign any of them. Each becomes unknown, not its declared type.
func (s *State) forgetLocals() {
	var locals []string
	for _, e := range s.vars {
		root := e.key
		if i := strings.IndexAny(root, "-:"); i >= 0 {
			root = root[:i] // "$o" of "$o->p"
		}
		if strings.HasPrefix(root, "$") && root != "$this" && !slices.Contains(locals, root) {
			locals = append(locals, root)
		}
	}
	for _, k := range locals {
		s.kill(k)
		s.store(k, unknown)
	}
}

// isBelow reports whether k is a path strictly below key ("$x->a" and
// "$x->get()" are below "$x"; "$xy" is not).
func isBelow(k, key string) bool {
	return len(k) > len(key)+2 && k[:len(key)] == key && (k[len(key):len(key)+2] == "->" || k[len(key):len(key)+2] == "::")
}

// kill forgets key and every path below it: assigning a variable
// invalidates what was known of it.
func (s *State) kill(key string) {
	s.dropTests(key)
	if len(s.rel) > 0 {
		s.dropRel(key)
	}
	i, ok := s.find(key)
	j := i
	if ok {
		j++
	}
	// Paths below key sort right after it ('-' and ':' sort after most
	// name bytes, but not all: scan the rest for safety).
	any := ok
	for k := j; k < len(s.vars) && !any; k++ {
		any = isBelow(s.vars[k].key, key)
	}
	if !any {
		return
	}
	s.own()
	out := s.vars[:0]
	for _, e := range s.vars {
		if e.key != key && !isBelow(e.key, key) {
			out = append(out, e)
		}
	}
	s.vars = out
}

// join merges two states into a new one; dead states are the identity.
func join(a, b *State) *State {
	if a == nil || a.dead {
		if b == nil {
			return deadState()
		}
		return b.clone()
	}
	if b == nil || b.dead {
		return a.clone()
	}
	if sameVars(a, b) && sameTests(a.tests, b.tests) && sameRel(a.rel, b.rel) {
		return a.clone()
	}
	r := &State{vars: make([]entry, 0, max(len(a.vars), len(b.vars)))}
	i, j := 0, 0
	for i < len(a.vars) || j < len(b.vars) {
		var k string
		var v Value
		switch {
		case j == len(b.vars) || i < len(a.vars) && a.vars[i].key < b.vars[j].key:
			k, v = a.vars[i].key, joinValue(a.vars[i].v, unknown)
			i++
		case i == len(a.vars) || b.vars[j].key < a.vars[i].key:
			k, v = b.vars[j].key, joinValue(unknown, b.vars[j].v)
			j++
		default:
			k, v = a.vars[i].key, joinValue(a.vars[i].v, b.vars[j].v)
			i++
			j++
		}
		if v.N != Unknown || v.Class != "" {
			r.vars = append(r.vars, entry{k, v})
		}
	}
	r.tests = joinTests(a, b, r)
	r.rel = joinRel(a, b, r)
	return r
}

// sameVars reports whether a and b share their backing slice.
func sameVars(a, b *State) bool {
	return len(a.vars) == len(b.vars) && (len(a.vars) == 0 || &a.vars[0] == &b.vars[0])
}

// into joins s into *acc, allocating *acc on first use.
func into(acc **State, s *State) {
	if s == nil || s.dead {
		return
	}
	if *acc == nil {
		*acc = s.clone()
		return
	}
	*acc = join(*acc, s)
}

// equal reports whether two states hold the same facts (loop fixpoints).
func equal(a, b *State) bool {
	if a.dead != b.dead || len(a.vars) != len(b.vars) || !sameTests(a.tests, b.tests) || !sameRel(a.rel, b.rel) {
		return false
	}
	for i := range a.vars {
		x, y := &a.vars[i], &b.vars[i]
		if x.key != y.key || x.v.N != y.v.N || x.v.Class != y.v.Class {
			return false
		}
	}
	return true
}
