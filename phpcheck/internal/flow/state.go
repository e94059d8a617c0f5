package flow

import (
	"fmt"
	"strings"

	"github.com/riskvet/riskvet/phpcheck/index"
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
)

// Why is the reason a value may be null. It holds pointers into the index
// and the line of a literal, and is only formatted when a finding is
// reported, so that evaluating an expression allocates nothing.
type Why struct {
	kind  whyKind
	line  int
	name  string // parameter name
	text  string // parameter type as written
	class *index.Class
	fn    *index.Func
	prop  *index.Prop
}

// String formats the reason as it appears in parentheses in a message.
func (w Why) String() string {
	switch w.kind {
	case whyNullLiteral:
		return fmt.Sprintf("assigned null at line %d", w.line)
	case whyMatchArm:
		return fmt.Sprintf("match arm yields null at line %d", w.line)
	case whyTernary:
		return fmt.Sprintf("ternary yields null at line %d", w.line)
	case whyParam:
		if strings.HasPrefix(w.text, "=") {
			return fmt.Sprintf("parameter %s defaults to null", w.name)
		}
		return fmt.Sprintf("parameter %s is %s", w.name, w.text)
	case whyReturn:
		callee := w.fn.Name + "()"
		if w.class != nil {
			callee = w.class.Short() + "::" + callee
		} else if i := strings.LastIndexByte(w.fn.Name, '\\'); i >= 0 {
			callee = w.fn.Name[i+1:] + "()"
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
		return s
	case whyNullsafe:
		return fmt.Sprintf("?-> yields null at line %d", w.line)
	case whyIsNull:
		return fmt.Sprintf("checked null at line %d", w.line)
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
		return a
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
	if a.N.mayBeNull() {
		r.Why = a.Why
	} else if b.N.mayBeNull() {
		r.Why = b.Why
	}
	return r
}

// State maps tracked paths ("$x", "$this->avatar", "$repo->find()",
// "App\Foo::$instance") to values at one program point. A path absent from
// the map is Unknown: untracked values cost nothing.
type State struct {
	// dead marks an unreachable point (after return, throw, exit, break).
	dead bool
	vars map[string]Value
}

func newState() *State { return &State{} }

func deadState() *State { return &State{dead: true} }

func (s *State) clone() *State {
	c := &State{dead: s.dead}
	if len(s.vars) > 0 {
		c.vars = make(map[string]Value, len(s.vars))
		for k, v := range s.vars {
			c.vars[k] = v
		}
	}
	return c
}

// get returns the value of a path (Unknown when untracked).
func (s *State) get(key []byte) (Value, bool) {
	v, ok := s.vars[string(key)]
	return v, ok
}

// set records the value of a path; unknown classless values are dropped to
// keep states small.
func (s *State) set(key string, v Value) {
	if v.N == Unknown && v.Class == "" {
		delete(s.vars, key)
		return
	}
	if s.vars == nil {
		s.vars = make(map[string]Value, 4)
	}
	s.vars[key] = v
}

// kill forgets key and every path below it ("$x" kills "$x->a" and
// "$x->get()"): assigning a variable invalidates what was known of it.
func (s *State) kill(key string) {
	delete(s.vars, key)
	for k := range s.vars {
		if len(k) > len(key) && strings.HasPrefix(k, key) {
			if rest := k[len(key):]; strings.HasPrefix(rest, "->") || strings.HasPrefix(rest, "::") {
				delete(s.vars, k)
			}
		}
	}
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
	r := &State{}
	for k, va := range a.vars {
		vb := b.vars[k]
		r.set(k, joinValue(va, vb))
	}
	for k, vb := range b.vars {
		if _, ok := a.vars[k]; !ok {
			r.set(k, joinValue(unknown, vb))
		}
	}
	return r
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
	if a.dead != b.dead || len(a.vars) != len(b.vars) {
		return false
	}
	for k, va := range a.vars {
		vb, ok := b.vars[k]
		if !ok || va.N != vb.N || va.Class != vb.Class {
			return false
		}
	}
	return true
}
