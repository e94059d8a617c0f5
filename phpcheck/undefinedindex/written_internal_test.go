package undefinedindex

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

func TestWritten(t *testing.T) {
	for _, tc := range []struct {
		body string // a loop body
		want string // the variables written, sorted; "*" when any may be
	}{
		{`$a = 1; $b['k'][0] = 2; list($c, [$d]) = f(); [, 'x' => $e] = $row;`, "$a $b['k'] $c $d $e"},
		// A write at a key names the array it changes, down to the first
		// key that is not constant.
		{`unset($a['x'][$k]); $b[$i]['y'] = 1; $c['x'][] = 1; $d[] = 1; $e['p']['q']['r'] = 1;`, "$a['x'] $b $c['x'] $d $e['p']['q']"},
		{`$c .= 'x'; $n ??= 1; $p += 1; $m->x = 1; echo $r;`, "$c $n $p"},
		{`unset($u['k']); global $g; static $s = 1; foreach ($xs as $k => [$v]) {}`, "$g $k $s $u $v"},
		{`$r1 = &$r2; sort($arr); $o->m($byRef); f($x['k']);`, "$arr $byRef $r1 $r2"},
		// Nested functions and classes write their own locals.
		{`function g() { $inner = 1; } $outer = 1;`, "$outer"},
		{`$o = new class { function m() { $inner = 1; } }; $after = 1;`, "$after $o"},
		{`$g = fn($p) => $inner = $p; $after = 1;`, "$after $g"},
		// A closure writes what it captures by reference.
		{`$f = function () use (&$ref, $val) { $inner = 1; }; $after = 1;`, "$after $f $ref"},
		{`function g() { extract($a); include 'x.php'; $$n = 1; }`, ""},
		{`extract($a);`, "*"},
		{`include 'x.php';`, "*"},
		{`$$n = 1;`, "*"},
	} {
		src := "<?php while (true) { " + tc.body + " }"
		root, serr := phpfile.Parse([]byte(src))
		if serr != nil {
			t.Fatalf("%s: %v", src, serr)
		}
		names, all := written(root.(*ast.Root).Stmts[0])
		got := strings.Join(slices.Sorted(maps.Keys(names)), " ")
		if all {
			got = "*"
		}
		if got != tc.want {
			t.Errorf("written(%s) = %q, want %q", tc.body, got, tc.want)
		}
	}
}
