package undefinedindex

import (
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/engine"
)

func TestRelevant(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{`<?php $messages = ['a' => 'b', 'c' => ['d', "[[e]]"]];`, false},
		{`<?php function f(array $a = []) { return [$a, [1, 2]]; }`, false},
		{`<?php foreach ($a as $i => $v) { echo $a[$i], $b["k$i"]; }`, false},
		{`<?php echo $_GET['id'];`, true},
		{`<?php echo $a[$i]['id'];`, true},
		{`<?php function f() { return g()[0]; }`, true},
		{`<?php [$user, $host] = explode('@', $s);`, true},
		{`<?php List($a, $b) = $pair;`, true},
		{`<?php foreach ($rows as [$k, $v]) {}`, true},
		{`<?php [&$a, [$b, $c]] = $nested;`, true},
	} {
		root, serr := engine.Parse([]byte(tc.src))
		if serr != nil {
			t.Fatalf("%s: %v", tc.src, serr)
		}
		if got := relevant("src/a.php", []byte(tc.src), root); got != tc.want {
			t.Errorf("relevant(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
	// Test code is left out by default: its files need no second parse.
	src := []byte(`<?php echo $_GET['id'];`)
	root, _ := engine.Parse(src)
	if relevant("tests/Unit/ATest.php", src, root) {
		t.Error("relevant in a tests folder without -undefinedindex.tests")
	}
}
