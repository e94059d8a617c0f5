package nullness_test

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/nullness"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

func TestMakesNull(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		// Contracts and documentation only.
		{`<?php /** @return Foo|null */ function f(?Foo $a = null, int|null $b = NULL): ?Foo { return $a->g(); }`, false},
		{`<?php class C { private ?Foo $p = null; const NONE = null; public function m(): ?Foo { return $this->p->q(); } }`, false},
		{`<?php const X = null; $f = fn(?int $i = null): ?int => $i;`, false},
		{`<?php echo "null"; // null`, false},
		// Code that makes null.
		{`<?php $x = null; $x->m();`, true},
		{`<?php function f(Foo $a) { if ($a === NULL) { log(); } $a->m(); }`, true},
		{`<?php function f(?Foo $a = null) { return \is_null($a) ? 1 : $a->m(); }`, true},
		{`<?php $this->assertNull($x);`, true},
		{`<?php Assert::isNull($x);`, true},
		{`<?php $y = $x?->p;`, true},
		{`<?php $y = $x?->m();`, true},
		{`<?php $y = match ($k) { 1 => new A(), default => null };`, true},
		{`<?php function f($a = null) { $b = null; }`, true},
		// A property hook's body, grafted after the class's later members.
		{`<?php class C { public int $a { get { $x = null; return $x->m(); } } public ?int $b = null; }`, true},
	} {
		root, serr := phpfile.Parse([]byte(tc.src))
		if serr != nil {
			t.Fatalf("%s: %v", tc.src, serr)
		}
		if got := nullness.MakesNull(root); got != tc.want {
			t.Errorf("MakesNull(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
