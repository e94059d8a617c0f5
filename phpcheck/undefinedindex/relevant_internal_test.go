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
		if got := relevant([]byte(tc.src), root); got != tc.want {
			t.Errorf("relevant(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
