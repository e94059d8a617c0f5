package nullness

import "testing"

// TestJoinValue checks the lattice: a null on either edge survives a join
// as Maybe, unknown absorbs non-null, and never is the identity.
func TestJoinValue(t *testing.T) {
	null := Value{N: Null, Why: Why{kind: whyNullLiteral, line: 3}}
	foo := Value{N: NonNull, Class: "Foo"}
	for _, tc := range []struct {
		name string
		a, b Value
		want Value
	}{
		{"null+nonnull", null, foo, Value{N: Maybe, Class: "Foo", Why: null.Why}},
		{"nonnull+null", foo, null, Value{N: Maybe, Class: "Foo", Why: null.Why}},
		{"null+null", null, null, null},
		{"unknown+null", unknown, null, Value{N: Maybe, Why: null.Why}},
		{"unknown+nonnull", unknown, foo, Value{}},
		{"nonnull+nonnull other class", foo, Value{N: NonNull, Class: "Bar"}, Value{N: NonNull}},
		{"never+null", Value{N: never}, null, null},
		{"nonnull+never", foo, Value{N: never}, foo},
	} {
		if got := joinValue(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: joinValue = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestJoinStates checks that dead states are the identity of join and that
// a path known on one edge only is joined with unknown.
func TestJoinStates(t *testing.T) {
	a := newState()
	a.set("$x", Value{N: Null})
	a.set("$y", Value{N: NonNull, Class: "Foo"})
	if got := join(a, deadState()); !equal(got, a) {
		t.Errorf("join with a dead state changed the facts: %+v", got.vars)
	}
	c := a.clone()
	c.set("$z", Value{N: Null})
	if _, ok := a.lookup("$z"); ok {
		t.Error("writing a clone changed the original")
	}
	b := newState()
	got := join(a, b)
	if v, _ := got.lookup("$x"); v.N != Maybe {
		t.Errorf("$x null on one edge, untracked on the other: %+v, want Maybe", v)
	}
	if _, ok := got.lookup("$y"); ok {
		t.Errorf("$y non-null on one edge only should be forgotten")
	}
	if !join(deadState(), deadState()).dead {
		t.Error("two dead edges make a dead state")
	}
}

// TestKill checks that assigning a path forgets the paths below it only.
func TestKill(t *testing.T) {
	s := newState()
	for _, k := range []string{"$x", "$x->a", "$x->get()", "$xy", "$xy->a", "Foo::$x"} {
		s.set(k, Value{N: NonNull})
	}
	s.kill("$x")
	for k, want := range map[string]bool{"$x": false, "$x->a": false, "$x->get()": false, "$xy": true, "$xy->a": true, "Foo::$x": true} {
		if _, ok := s.lookup(k); ok != want {
			t.Errorf("after kill($x), %s present = %v, want %v", k, ok, want)
		}
	}
}
