package index_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// TestAsserts checks that every form of the assertion tags is collected,
// on functions and methods, and that malformed tags are skipped.
func TestAsserts(t *testing.T) {
	fs := collect(t, "a.php", `<?php
namespace App;

/**
 * @phpstan-assert !null $x
 * @psalm-assert-if-true =Model $y and a description
 * @phpstan-assert-if-false null $this->cache
 * @phpstan-assert $missingType
 * @phpstan-asserted Model $x
 */
function check($x, $y): bool { return true; }

class Model {
    /** @psalm-assert-if-false !Model $m */
    public function isNot($m): bool { return true; }
}
`)
	got := fs.Functions[0].Asserts
	want := []struct {
		when     index.AssertWhen
		target   string
		text     string
		negated  bool
		equality bool
	}{
		{index.AssertAlways, "$x", "null", true, false},
		{index.AssertIfTrue, "$y", "Model", false, true},
		{index.AssertIfFalse, "$this->cache", "null", false, false},
	}
	if len(got) != len(want) {
		t.Fatalf("check(): got %d asserts, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.When != w.when || g.Target != w.target || g.Type.Text != w.text || g.Negated != w.negated || g.Equality != w.equality {
			t.Errorf("assert %d = %+v, want %+v", i, g, w)
		}
	}
	if c := got[1].Type.Class(); c != `App\Model` {
		t.Errorf("asserted class = %q, want App\\Model", c)
	}
	m := fs.Classes[0].Methods[0].Asserts
	if len(m) != 1 || m[0].When != index.AssertIfFalse || !m[0].Negated || m[0].Target != "$m" {
		t.Errorf("Model::isNot asserts = %+v", m)
	}
}

// TestAssertsNull checks which assertion tags may make a null: null and
// a negated class; not !null, a class, or a negated scalar type.
func TestAssertsNull(t *testing.T) {
	ix := index.Merge([]*index.FileSymbols{collect(t, "a.php", `<?php
namespace App;
/** @phpstan-assert-if-true null $x */
function isGone($x) {}
/** @psalm-assert !null $x */
function notNull($x) {}
/** @phpstan-assert Item $x */
function isItem($x) {}
/** @phpstan-assert !string $x */
function notString($x) {}
class Check {
	/** @phpstan-assert !Item $x */
	public static function notItem($x) {}
}
`)})
	for name, want := range map[string]bool{
		"isgone": true, "ISGONE": true, "notItem": true,
		"notNull": false, "isItem": false, "notString": false, "missing": false,
	} {
		if got := ix.AssertsNull(name); got != want {
			t.Errorf("AssertsNull(%s) = %t, want %t", name, got, want)
		}
	}
	if !ix.AssertsNull("") {
		t.Error(`AssertsNull("") = false with a null assertion in the index`)
	}
	var none *index.Index
	if none.AssertsNull("") || index.Merge(nil).AssertsNull("") {
		t.Error("an empty index asserts null")
	}
}
