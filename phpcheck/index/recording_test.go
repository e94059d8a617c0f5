package index_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// TestRecording checks that a recording view reports each lookup once, as
// asked (a method lookup that walks up to a parent is one lookup), and
// that the index it came from records nothing.
func TestRecording(t *testing.T) {
	ix := index.Merge([]*index.FileSymbols{collect(t, "a.php", `<?php
class Base { public function id(): int { return 1; } }
class Child extends Base {}
function helper(): void {}
const LIMIT = 1;
enum Suit { case Hearts; }
`)})
	var got []index.Lookup
	v := ix.Recording(func(l index.Lookup) { got = append(got, l) })
	if m, c := v.Method("Child", "id"); m == nil || c.Name != "Base" {
		t.Fatalf("Method(Child, id) = %v, %v", m, c)
	}
	v.Function("helper")
	v.Const("LIMIT")
	v.Class("Missing")
	v.Property("Child", "p")
	v.IsSubclass("Child", "Base")
	if name, ok := v.Enum("suit"); !ok || name != "Suit" {
		t.Errorf("Enum(suit) = %q, %t", name, ok)
	}
	if parent, _ := v.Supers("Child"); parent != "Base" {
		t.Errorf("Supers(Child) = %q", parent)
	}
	v.DeclaresShape(index.ShapeMethod, "id")
	v.AssertsNull("")
	ix.Class("Base") // the original does not record
	want := []index.Lookup{
		{Kind: index.LookupMethod, Name: "Child", Member: "id"},
		{Kind: index.LookupFunction, Name: "helper"},
		{Kind: index.LookupConst, Name: "LIMIT"},
		{Kind: index.LookupClass, Name: "Missing"},
		{Kind: index.LookupProperty, Name: "Child", Member: "p"},
		{Kind: index.LookupSubclass, Name: "Child", Member: "Base"},
		{Kind: index.LookupEnum, Name: "suit"},
		{Kind: index.LookupSupers, Name: "Child"},
		{Kind: index.LookupShape, Name: "id", Member: "method"},
		{Kind: index.LookupAssertsNull},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recorded\n%v\nwant\n%v", got, want)
	}
}

// TestAnswer checks that a lookup's answer changes when, and only when,
// what the lookup returns changes: a method added to a class changes the
// answers about that method and about the class itself, not those about
// its other methods; a parent's method reached through a child changes
// with the parent.
func TestAnswer(t *testing.T) {
	before := index.Merge([]*index.FileSymbols{collect(t, "a.php", `<?php
class Base { public function id(): int { return 1; } }
class Child extends Base { public function name(): string { return ""; } }
`)})
	after := index.Merge([]*index.FileSymbols{collect(t, "a.php", `<?php
class Base { public function id(): ?int { return 1; } }
class Child extends Base { public function name(): string { return ""; }
	/** @return array{id: int} */
	public function row(): array { return ['id' => 1]; }
	/** @phpstan-assert-if-true null $c */
	public function absent(?Child $c): bool { return $c === null; }
	public function probe(): ?Child { return null; } }
`)})
	for _, c := range []struct {
		l    index.Lookup
		same bool
	}{
		{index.Lookup{Kind: index.LookupMethod, Name: "Child", Member: "name"}, true},
		{index.Lookup{Kind: index.LookupMethod, Name: "Child", Member: "probe"}, false},
		{index.Lookup{Kind: index.LookupMethod, Name: "Child", Member: "id"}, false},
		{index.Lookup{Kind: index.LookupMethod, Name: "Child", Member: "missing"}, true},
		{index.Lookup{Kind: index.LookupClass, Name: "Child"}, false},
		{index.Lookup{Kind: index.LookupSubclass, Name: "Child", Member: "Base"}, true},
		{index.Lookup{Kind: index.LookupEnum, Name: "Child"}, true},
		{index.Lookup{Kind: index.LookupSupers, Name: "Child"}, true},
		{index.Lookup{Kind: index.LookupFunction, Name: "f"}, true},
		{index.Lookup{Kind: index.LookupShape, Name: "row", Member: "method"}, false},
		{index.Lookup{Kind: index.LookupShape, Name: "name", Member: "method"}, true},
		{index.Lookup{Kind: index.LookupAssertsNull}, false},
		{index.Lookup{Kind: index.LookupAssertsNull, Name: "Absent"}, false},
		{index.Lookup{Kind: index.LookupAssertsNull, Name: "name"}, true},
	} {
		a, b := before.AppendAnswer(nil, c.l), after.AppendAnswer(nil, c.l)
		if bytes.Equal(a, b) != c.same {
			t.Errorf("%+v: answers equal = %t, want %t", c.l, !c.same, c.same)
		}
	}
	var nilIndex *index.Index
	if got := nilIndex.AppendAnswer(nil, index.Lookup{Kind: index.LookupMethod, Name: "Child", Member: "name"}); !bytes.Equal(got, []byte{0}) {
		t.Errorf("nil index answer = %v, want [0]", got)
	}
}
