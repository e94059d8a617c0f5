package index_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// TestDeclaresShape checks which declarations may give a value an array
// shape: braces and non-empty lists in @return, @var, @property and
// assertion tags, and bare names in a class that declares type aliases;
// not a plain array or class type.
func TestDeclaresShape(t *testing.T) {
	ix := index.Merge([]*index.FileSymbols{collect(t, "a.php", `<?php
namespace App;
/** @return array{a: int} */
function shaped() {}
/** @return array */
function plain() {}
/** @phpstan-assert array{id: int} $x */
function check($x) {}
/** @return non-empty-list<string> */
function parts() {}
/** @property array{n: int} $magic */
class Row {
	/** @var list{int, int} */
	public $pair;
	/** @var string */
	public $name;
	/** @return array{id: int} */
	public function Get() {}
	/** @return Row */
	public function self() {}
}
/** @phpstan-type Point array{x: int, y: int} */
class Geo {
	/** @return Point */
	public function origin() {}
	/** @var Point */
	public $center;
}
`)})
	for _, c := range []struct {
		kind index.ShapeOwner
		name string
		want bool
	}{
		{index.ShapeFunction, "shaped", true},
		{index.ShapeFunction, "SHAPED", true},
		{index.ShapeFunction, "plain", false},
		{index.ShapeFunction, "check", true},
		{index.ShapeFunction, "parts", true},
		{index.ShapeFunction, "missing", false},
		{index.ShapeMethod, "get", true},
		{index.ShapeMethod, "self", false},
		{index.ShapeMethod, "origin", true},
		{index.ShapeProperty, "pair", true},
		{index.ShapeProperty, "magic", true},
		{index.ShapeProperty, "name", false},
		{index.ShapeProperty, "center", true},
		{index.ShapeMethod, "shaped", false},
	} {
		if got := ix.DeclaresShape(c.kind, c.name); got != c.want {
			t.Errorf("DeclaresShape(%s, %s) = %t, want %t", c.kind, c.name, got, c.want)
		}
	}
	var none *index.Index
	if none.DeclaresShape(index.ShapeFunction, "shaped") {
		t.Error("a nil index declares a shape")
	}
}

func TestNonEmptyDoc(t *testing.T) {
	for doc, want := range map[string]bool{
		"/** @return non-empty-list<int> */":                            true,
		"/** @return non-empty-array */":                                true,
		"/** @psalm-return non-empty-array<string, int> */":             true,
		"/** @return array<int> @phpstan-return non-empty-list<int> */": true,
		"/** @return non-empty-list<int>|null */":                       false,
		"/** @return list<int> */":                                      false,
		"/** @return non-empty-string */":                               false,
		"/** @param non-empty-list<int> $a */":                          false,
		"":                                                              false,
	} {
		if got := index.NonEmptyDoc(doc, "return"); got != want {
			t.Errorf("NonEmptyDoc(%q) = %v, want %v", doc, got, want)
		}
	}
}
