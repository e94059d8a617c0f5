package undefinedindex

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

// TestRelevant checks relevant's three answers: no, yes from the file
// alone, and a question to the index, asked here of an index with and
// without a declaration that documents a shape.
func TestRelevant(t *testing.T) {
	shaped := indexOf(t, `<?php
/** @return array{a: int} */
function g() { return ['a' => 1]; }
class D {
	/** @var array{n: int} */
	public $rows = ['n' => 1];
	/** @return array{id: int} */
	public function row() { return ['id' => 1]; }
}`)
	plain := indexOf(t, `<?php
/** @return array */
function g() { return []; }
class D {
	/** @var array */
	public $rows = [];
	/** @return string */
	public function row() { return ''; }
}`)
	// after: a question to the index, which the index with a shape
	// answers yes; afterNo: one no index answers yes.
	const no, yes, after, afterNo = "no", "yes", "after", "after, but nothing shaped"
	for _, tc := range []struct {
		src, want string
	}{
		{`<?php $messages = ['a' => 'b', 'c' => ['d', "[[e]]"]];`, no},
		{`<?php function f(array $a = []) { return [$a, [1, 2]]; }`, no},
		{`<?php foreach ($a as $i => $v) { echo $a[$i], $b["k$i"]; }`, no},
		{`<?php echo $a[$i]['id'];`, no},
		{`<?php List($a, $b) = $pair;`, no},
		{`<?php foreach ($rows as [$k, $v]) {}`, no},
		{`<?php echo $_GET['id'];`, yes},
		{`<?php echo $_SERVER['HTTP_REFERER'];`, yes},
		{`<?php $a = ['x' => 1]; echo $a['y'];`, yes},
		{`<?php $a = ['x' => 1]; echo $a['x'];`, no},
		{`<?php $a = ['x' => 1, 'y' => 2]; $a['z'] = 3; if ($c) { $a = ['x' => 0]; } echo $a['x'];`, no},
		{`<?php $a = ['x' => 1, 'y' => 2]; if ($c) { $a = ['x' => 0]; } echo $a['y'];`, yes},
		{`<?php $a = [1, 2]; [$p, $q] = $a;`, yes},
		{`<?php $a = [5 => 1, 2]; echo $a[6];`, no},
		{`<?php $a = ['x' => 1]; unset($a['x']); echo $a['x'];`, yes},
		{`<?php $a = ['x' => 1]; f($a); echo $a['x'];`, yes},
		{`<?php $a = ['x' => 1]; echo count($a), $a['x'];`, afterNo},
		{`<?php $a = ['x' => ['y' => 1]]; echo $a['x']['y'];`, yes},
		{`<?php $a = ['x' => 1]; $a = $b; echo $a['x'];`, yes},
		{`<?php $a = ['x' => 1]; $$n = 2; echo $a['x'];`, yes},
		{`<?php $a = ['x' => 1]; $f = function () use (&$a) { $a = []; }; echo $a['x'];`, yes},
		{`<?php $a = ['x' => 1, ...$b]; echo $a['x'];`, yes},
		{`<?php $a = ['x' => 1]; $b = $a; $c = $b; echo $c['y'];`, yes},
		{`<?php function f($o = ['x' => 1]) { return $o['y']; }`, yes},
		{`<?php foreach ([[1, 2]] as [$a, $b, $c]) {}`, yes},
		{`<?php $p = pathinfo($f); echo $p['extension'];`, yes},
		{`<?php echo pathinfo($f)['extension'];`, yes},
		{`<?php parse_str($q, $out); echo $out['a'];`, yes},
		{`<?php function a() { $x = ['k' => 1]; return $x; } function b($x) { return $x['j']; }`, no},
		{`<?php class K { function a() { $x = ['k' => 1]; } function b($x) { return $x['j']; } }`, no},
		{`<?php function a() { $x = ['k' => 1]; return function () use ($x) { return $x['j']; }; }`, yes},
		{`<?php function a() { $x = ['k' => 1]; return fn () => $x['j']; }`, yes},
		{`<?php function a() { function b() { $x = ['k' => 1]; } return $x['j']; }`, no},
		{"<?php /** @param array{a: int} $x */\nfunction f($x) { return $x['b']; }", yes},
		{`<?php echo ['a' => 1]['b'];`, yes},
		{`<?php echo (pathinfo($f))['extension'];`, yes},
		{`<?php ['name' => $n] = $_POST;`, yes},
		{`<?php $a = ['x' => [1]]; [$p, $q] = $a['x'];`, yes},
		{`<?php $a = [1]; [$p, $q] = ($a);`, yes},
		{`<?php $b = ['x' => 1]; echo ($c + $b)['y'];`, yes},
		{`<?php [$p, $q] = $c ? [1] : [2, 3];`, no},
		{"<?php /** @param Array{a: int} $x */\nfunction f($x) { return $x['b']; }", yes},
		{"<?php /** @param Non-Empty-List<int> $x */\nfunction f($x) { return $x[1]; }", yes},
		{`<?php function f() { return g()[0]; }`, after},
		{`<?php namespace App; use function Lib\g as fetch; function f() { $r = fetch(); return $r['k']; }`, after},
		{`<?php namespace App; use function Lib\{g as fetch}; function f() { return fetch()['k']; }`, after},
		{`<?php function f() { return namespace\g()['k']; }`, after},
		{`<?php $b = \App\g(); echo $b['k'];`, after},
		{`<?php [$user, $host] = explode('@', $s);`, afterNo},
		{`<?php class C extends D { function m() { return $this->rows['k']; } }`, after},
		{`<?php class C extends D { function m() { return $this->row()['k']; } }`, after},
		{`<?php class C extends D { function m() { $r = parent::row(); return $r['k']; } }`, after},
	} {
		root, serr := phpfile.Parse([]byte(tc.src))
		if serr != nil {
			t.Fatalf("%s: %v", tc.src, serr)
		}
		rel := relevant("src/a.php", []byte(tc.src), root)
		got := no
		if known, y := rel.Known(); !known {
			got = afterNo
			if rel.Ask(shaped) {
				got = after
			}
			if rel.Ask(plain) {
				t.Errorf("relevant(%s): yes from an index without shapes", tc.src)
			}
		} else if y {
			got = yes
		}
		if got != tc.want {
			t.Errorf("relevant(%s) = %s, want %s", tc.src, got, tc.want)
		}
	}
	// Test code is left out by default: its files need no second parse.
	src := []byte(`<?php echo $_GET['id'];`)
	root, _ := phpfile.Parse(src)
	if known, y := relevant("tests/Unit/ATest.php", src, root).Known(); !known || y {
		t.Error("relevant in a tests folder without -undefinedindex.tests")
	}
}

func indexOf(t *testing.T, src string) *index.Index {
	t.Helper()
	root, serr := phpfile.Parse([]byte(src))
	if serr != nil {
		t.Fatal(serr)
	}
	return index.Merge([]*index.FileSymbols{index.Collect("decl.php", root)})
}
