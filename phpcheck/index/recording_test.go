package index_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// TestRecording checks that a recording view reports every class visited
// by a method lookup (the class and its ancestors), functions and
// constants, including names that resolve to nothing, and that the index
// it came from records nothing.
func TestRecording(t *testing.T) {
	ix := index.Merge([]*index.FileSymbols{collect(t, "a.php", `<?php
class Base { public function id(): int { return 1; } }
class Child extends Base {}
function helper(): void {}
const LIMIT = 1;
`)})
	var got []string
	v := ix.Recording(func(kind index.LookupKind, name string) {
		got = append(got, string("cfk"[kind])+":"+name)
	})
	if m, c := v.Method("Child", "id"); m == nil || c.Name != "Base" {
		t.Fatalf("Method(Child, id) = %v, %v", m, c)
	}
	v.Function("helper")
	v.Const("LIMIT")
	v.Class("Missing")
	ix.Class("Base") // the original does not record
	slices.Sort(got)
	got = slices.Compact(got)
	want := []string{"c:Base", "c:Child", "c:Missing", "f:helper", "k:LIMIT"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recorded %v, want %v", got, want)
	}
}
