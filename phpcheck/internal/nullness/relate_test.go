package nullness

import (
	"slices"
	"testing"
)

// edges returns two states over $a and $b, maybe null on entry: one where
// $a is non-null, one where $a is null and $b non-null, as the false
// branch of `$a === null && $b === null` splits.
func edges() (x, y *State) {
	maybe := Value{N: Maybe, Why: Why{kind: whyParam}}
	x, y = newState(), newState()
	x.set("$a", Value{N: NonNull})
	x.set("$b", maybe)
	y.set("$a", Value{N: Null, Why: Why{kind: whyIsNull}})
	y.set("$b", Value{N: NonNull})
	return x, y
}

// TestJoinRelates checks that a join keeps "$a or $b is non-null", that a
// null $a then proves $b, and that a non-null $a satisfies the clause.
func TestJoinRelates(t *testing.T) {
	x, y := edges()
	j := join(x, y)
	want := []clause{{{"$a", false}, {"$b", false}}}
	if !sameRel(j.rel, want) {
		t.Fatalf("join clauses = %v, want %v", j.rel, want)
	}
	isNull := j.clone()
	isNull.settle("$a", Null)
	if v, _ := isNull.lookup("$b"); v.N != NonNull {
		t.Errorf("after $a is null, $b = %v, want non-null", v.N)
	}
	notNull := j.clone()
	notNull.settle("$a", NonNull)
	if len(notNull.rel) != 0 {
		t.Errorf("a satisfied clause stays: %v", notNull.rel)
	}
	if v, _ := notNull.lookup("$b"); v.N != Maybe {
		t.Errorf("after $a is non-null, $b = %v, want maybe", v.N)
	}
	if !sameRel(j.rel, want) {
		t.Errorf("settling a clone changed the original: %v", j.rel)
	}
}

// TestRelWrites checks that writing a variable of a clause ends it, and
// that a contradicted clause makes the state dead.
func TestRelWrites(t *testing.T) {
	x, y := edges()
	j := join(x, y)
	w := j.clone()
	w.set("$b", Value{N: Null})
	if len(w.rel) != 0 {
		t.Errorf("a write of $b keeps %v", w.rel)
	}
	k := j.clone()
	k.kill("$a")
	if len(k.rel) != 0 {
		t.Errorf("a kill of $a keeps %v", k.rel)
	}
	d := j.clone()
	d.settle("$a", Null) // $b is non-null now, as a fact and a clause
	d.settle("$b", Null)
	if !d.dead {
		t.Errorf("a branch where both are null is live: %+v", d)
	}
}

// TestJoinRelLoose checks that a null from a loose `== null` (maybe 0 or
// "") makes no clause.
func TestJoinRelLoose(t *testing.T) {
	x, y := edges()
	v, _ := y.lookup("$a")
	v.Why.loose = true
	y.set("$a", v)
	x.set("$c", Value{N: Maybe})
	y.set("$c", Value{N: Maybe})
	x.set("$b", Value{N: Null, Why: Why{kind: whyNullLiteral}})
	j := join(x, y)
	for _, c := range j.rel {
		if slices.ContainsFunc(c, func(l relLit) bool { return l.key == "$a" && l.null }) {
			t.Errorf("a loose null made clause %v", c)
		}
	}
}

// TestRelKey checks which paths clauses may mention.
func TestRelKey(t *testing.T) {
	for key, want := range map[string]bool{"$x": true, "$this": false, "$x->p": false, "A::$x": false, "$x->m()": false, "$": false} {
		if relKey(key) != want {
			t.Errorf("relKey(%q) = %v, want %v", key, !want, want)
		}
	}
}
