package nullness_test

import (
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/conf"
	"github.com/VKCOM/php-parser/pkg/parser"
	"github.com/VKCOM/php-parser/pkg/version"

	"github.com/riskvet/riskvet/phpcheck/internal/nullness"
)

// reports returns the lines nullness reports in src.
func reports(t *testing.T, src string) []int {
	t.Helper()
	root, err := parser.Parse([]byte(src), conf.Config{Version: &version.Version{Major: 8, Minor: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	nullness.File(root, nil, nullness.Options{}, func(d nullness.Deref) {
		lines = append(lines, 1+strings.Count(src[:d.Pos], "\n"))
	})
	return lines
}

// TestUnbracedVar checks that nullness reads an inline @var before the
// body of an if written without braces (its StatementWatcher choice).
func TestUnbracedVar(t *testing.T) {
	src := `<?php
function f(bool $c) {
	$y = new stdClass();
	if ($c)
		/** @var stdClass|null $y */
		$y = g();
	$y->m();
}
`
	if lines := reports(t, src); len(lines) != 1 || lines[0] != 7 {
		t.Errorf("reported at lines %v, want [7]", lines)
	}
}

// TestUnreachable checks that nullness walks what unreachable code
// creates (its UnreachableWalker choice): a closure after a return is
// still a function of its own, whose null is reported, while the
// unreachable statements themselves start from nothing known.
func TestUnreachable(t *testing.T) {
	src := `<?php
function f() {
	$y = null;
	return;
	$g = function () { $x = null; $x->m(); };
	$y->m();
}
`
	if lines := reports(t, src); len(lines) != 1 || lines[0] != 5 {
		t.Errorf("reported at lines %v, want [5]", lines)
	}
}
