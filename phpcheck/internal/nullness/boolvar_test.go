package nullness

import "testing"

// TestTestsLifetime checks the lattice of remembered tests: a join keeps a
// test both edges hold, a state with another test is not equal, and
// assigning the variable or a path the test refines forgets it.
func TestTestsLifetime(t *testing.T) {
	tc := &test{name: "$ok", t: []entry{{"$x->p", Value{N: NonNull}}}, f: []entry{{"$x->p", Value{N: Null}}}}
	a := newState()
	a.tests = []*test{tc}
	b := a.clone()
	if got := join(a, b); len(got.tests) != 1 || got.tests[0] != tc {
		t.Errorf("join of equal states lost the test: %+v", got.tests)
	}
	c := newState()
	c.tests = []*test{{name: "$ok", t: tc.t, f: tc.f}}
	if got := join(a, c); len(got.tests) != 0 {
		t.Errorf("join kept a test only one edge holds: %+v", got.tests)
	}
	if equal(a, c) {
		t.Error("states with different tests are equal")
	}
	for _, key := range []string{"$ok", "$x", "$x->p"} {
		s := a.clone()
		s.kill(key)
		if len(s.tests) != 0 {
			t.Errorf("assigning %s kept the test", key)
		}
		if len(a.tests) != 1 {
			t.Fatalf("killing %s in a clone changed the original", key)
		}
	}
	s := a.clone()
	s.kill("$y")
	if len(s.tests) != 1 {
		t.Error("assigning an unrelated variable forgot the test")
	}
	s.dropNullTests("$x")
	if len(s.tests) != 0 {
		t.Error("a call on $x kept a test that makes $x->p null")
	}
}

// TestFlagJoin checks that a flag true on one edge and false on the other
// becomes a test of what each edge knew beyond the join.
func TestFlagJoin(t *testing.T) {
	onTrue, onFalse := newState(), newState()
	onTrue.set("$item", Value{N: NonNull, Class: "Item"})
	onFalse.set("$item", Value{N: Null})
	onTrue.addTest(&test{name: "$found", lit: litTrue})
	onFalse.addTest(&test{name: "$found", lit: litFalse})
	for _, r := range []*State{join(onTrue, onFalse), join(onFalse, onTrue)} {
		tc := r.testOf("$found")
		if tc == nil || tc.lit != notLiteral {
			t.Fatalf("join made no test of the flag: %+v", r.tests)
		}
		if len(tc.t) != 1 || tc.t[0].key != "$item" || tc.t[0].v.N != NonNull {
			t.Errorf("true branch refinements = %+v, want $item non-null", tc.t)
		}
		if len(tc.f) != 1 || tc.f[0].v.N != Null {
			t.Errorf("false branch refinements = %+v, want $item null", tc.f)
		}
	}
	same := onTrue.clone()
	same.tests = []*test{{name: "$found", lit: litTrue}}
	if r := join(onTrue, same); r.testOf("$found") == nil || r.testOf("$found").lit != litTrue {
		t.Errorf("a flag true on both edges is not kept: %+v", r.tests)
	}
}
