package flow_test

import (
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/ast"

	"github.com/riskvet/riskvet/phpcheck/internal/flow"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

func TestOperands(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want string // the operands' source text, in order; _ for an absent one
	}{
		{`$a . $b['k']`, `$a | $b['k']`},
		{`$a <=> f()`, `$a | f()`},
		{`-$a`, `$a`},
		{`print $a`, `$a`},
		{`include $a . '.php'`, `$a . '.php'`},
		{`(string) $a`, `$a`},
		{`$a .= $b`, `$a | $b`},
		{`($a)`, `$a`},
		{`clone $a`, `$a`},
		{`exit($a)`, `$a`},
		{`exit`, `_`},
		{`$a++`, `$a`},
		{`--$a`, `$a`},
		{`$a->p`, `$a | p`},
		{`$a?->{$b}`, `$a | {$b}`},
		{`$a::$p`, `$a | $p`},
		{`A::$p`, `A | $p`},
		{`$a::C`, `$a | C`},
		{`$a instanceof B`, `$a | B`},
		{`$a['k']`, `$a | 'k'`},
		{`$a[]`, `$a | _`},
		{`[$a, 'k' => $b]`, `$a | 'k' => $b`},
		{`yield 'k' => $a`, `'k' | $a`},
		{"`ls $a`", `ls  | $a`},
		{`"x{$a['k']}y$b"`, `x | {$a['k']} | y | $b`},
		// Names read nothing; rules of a domain's own are not expanded.
		{`PHP_EOL`, ``},
		{`$a ?: $b`, ``},
		{`f($a)`, ``},
	} {
		src := "<?php " + tc.expr + ";"
		root, serr := phpfile.Parse([]byte(src))
		if serr != nil {
			t.Fatalf("%s: %v", src, serr)
		}
		e := root.(*ast.Root).Stmts[0].(*ast.StmtExpression).Expr
		var got []string
		flow.Operands(e, func(o ast.Vertex) {
			if o == nil {
				got = append(got, "_")
				return
			}
			p := o.GetPosition()
			got = append(got, src[p.StartPos:p.EndPos])
		})
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("Operands(%s) = %q, want %q", tc.expr, g, tc.want)
		}
	}
}

// TestLogical checks the four spellings of PHP's boolean operators and
// that nothing else is taken for one.
func TestLogical(t *testing.T) {
	for _, tc := range []struct {
		expr, want string // want: left op right, or "" for none
	}{
		{`$a && f()`, `$a and f()`},
		{`$a and f()`, `$a and f()`},
		{`$a || die()`, `$a or die()`},
		{`$a or die()`, `$a or die()`},
		{`$a xor $b`, ``},
		{`$a | $b`, ``},
		{`!$a`, ``},
	} {
		src := "<?php " + tc.expr + ";"
		root, serr := phpfile.Parse([]byte(src))
		if serr != nil {
			t.Fatalf("%s: %v", src, serr)
		}
		e := root.(*ast.Root).Stmts[0].(*ast.StmtExpression).Expr
		got := ""
		if l, r, or, ok := flow.Logical(e); ok {
			op := "and"
			if or {
				op = "or"
			}
			lp, rp := l.GetPosition(), r.GetPosition()
			got = src[lp.StartPos:lp.EndPos] + " " + op + " " + src[rp.StartPos:rp.EndPos]
		}
		if got != tc.want {
			t.Errorf("Logical(%s) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}
