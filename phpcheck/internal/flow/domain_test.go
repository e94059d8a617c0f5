package flow_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/VKCOM/php-parser/pkg/ast"
	"github.com/VKCOM/php-parser/pkg/conf"
	"github.com/VKCOM/php-parser/pkg/parser"
	"github.com/VKCOM/php-parser/pkg/version"

	"github.com/riskvet/riskvet/phpcheck/internal/flow"
)

// assigned is a test domain's facts: the variables assigned on every path.
type assigned struct{ vars map[string]bool }

func newAssigned() *assigned { return &assigned{vars: map[string]bool{}} }

func (f *assigned) Clone() flow.Facts { return &assigned{vars: maps.Clone(f.vars)} }

func (f *assigned) Join(o flow.Facts) flow.Facts {
	j := newAssigned()
	for v := range f.vars {
		if o.(*assigned).vars[v] {
			j.vars[v] = true
		}
	}
	return j
}

func (f *assigned) Equal(o flow.Facts) bool { return maps.Equal(f.vars, o.(*assigned).vars) }

// definite is the domain of assigned: `echo $x;` records whether $x is
// assigned there, by line; isset($x) assigns on its true branch.
type definite struct {
	sc   *flow.Scope
	seen map[int]bool
	// widened counts the calls of Widen.
	widened int
}

// Func skips the functions named skipped: the walk must not enter them.
func (d *definite) Func(decl ast.Vertex) flow.Facts {
	if f, ok := decl.(*ast.StmtFunction); ok && string(f.Name.(*ast.Identifier).Value) == "skipped" {
		return nil
	}
	return newAssigned()
}

func (d *definite) Enter(ast.Vertex, flow.Facts) {}
func (d *definite) Leave(ast.Vertex, flow.Facts) {}

func (d *definite) Effect(e ast.Vertex, f flow.Facts) bool {
	switch e := e.(type) {
	case *ast.ExprAssign:
		d.Effect(e.Expr, f)
		d.Write(e.Var, f)
	case *ast.ExprVariable:
		d.seen[e.Position.StartLine] = f.(*assigned).vars[name(e)]
	case *ast.ExprClosure:
		d.sc.Closure(e, newAssigned())
	case *ast.ExprExit:
		return false
	}
	return true
}

func (d *definite) Cond(e ast.Vertex, f flow.Facts) (flow.Facts, flow.Facts) {
	t := f.Clone()
	if is, ok := e.(*ast.ExprIsset); ok {
		d.Write(is.Vars[0], t)
	}
	return t, f.Clone()
}

func (d *definite) Write(target ast.Vertex, f flow.Facts) {
	if c, ok := target.(*ast.StmtCatch); ok {
		target = c.Var
	}
	if n := name(target); n != "" {
		f.(*assigned).vars[n] = true
	}
}

func (d *definite) Widen(ast.Vertex, flow.Facts) { d.widened++ }

func name(e ast.Vertex) string {
	if v, ok := e.(*ast.ExprVariable); ok {
		if id, ok := v.Name.(*ast.Identifier); ok {
			return string(id.Value)
		}
	}
	return ""
}

// TestDomain walks a domain through the paths the walker owns: each
// `echo $x; // yes` line must see $x assigned, each `// no` line not, and
// a line without a comment is unreachable and never seen.
func TestDomain(t *testing.T) {
	src := `<?php
function branches(bool $c) {
	if ($c) { $a = 1; $b = 1; } else { $a = 2; }
	echo $a; // yes
	echo $b; // no
	if (isset($d)) { echo $d; /* yes */ }
	echo $d; // no
}
function loops(bool $c) {
	$i = 0;
	while ($c) { $w = 1; echo $w; /* yes */ echo $i; /* yes */ }
	echo $w; // no
	foreach ([1] as $k => $v) { echo $v; /* yes */ }
	echo $v; // no
	do { $o = 1; } while ($c);
	echo $o; // yes
}
function exits(bool $c) {
	switch (true) {
	case isset($s): echo $s; // yes
	}
	try {
		$t = 1;
		f();
	} catch (E $e) {
		echo $t; // no
		echo $e; // yes
	} finally {
		echo $t; // no
	}
	echo $t; // no
	if ($c) { exit; echo $never; }
	$f = function () { $in = 1; echo $in; /* yes */ };
}
function skipped() { $z = 1; echo $z; }
class After { function m() { $m = 1; echo $m; /* yes */ } }
`
	root, err := parser.Parse([]byte(src), conf.Config{Version: &version.Version{Major: 8, Minor: 1}})
	if err != nil {
		t.Fatal(err)
	}
	d := &definite{seen: map[int]bool{}}
	flow.Walk(root, nil, func(sc *flow.Scope) flow.Domain { d.sc = sc; return d })
	want := map[int]bool{}
	for i, l := range strings.Split(src, "\n") {
		switch {
		case strings.Contains(l, "// yes"), strings.Contains(l, "/* yes */"):
			want[i+1] = true
		case strings.Contains(l, "// no"), strings.Contains(l, "/* no */"):
			want[i+1] = false
		}
	}
	for _, ln := range slices.Sorted(maps.Keys(want)) {
		if got, ok := d.seen[ln]; !ok || got != want[ln] {
			t.Errorf("line %d: assigned %v (seen %v), want %v", ln, got, ok, want[ln])
		}
	}
	for ln := range d.seen {
		if _, ok := want[ln]; !ok {
			t.Errorf("line %d: seen, want unreachable", ln)
		}
	}
	if d.widened != 5 { // while, foreach, do, switch, try
		t.Errorf("Widen called %d times, want 5", d.widened)
	}
}

// joining is definite as a TryJoiner.
type joining struct{ definite }

func (*joining) JoinsTries() bool { return true }

// TestTryJoiner checks a TryJoiner's try statement: no Widen, and a
// finally block that starts from the paths reaching it normally, where
// another domain's also starts from the catch blocks' start.
func TestTryJoiner(t *testing.T) {
	src := `<?php
try { $u = 1; f(); } catch (E $e) { $u = 2; } finally { echo $u; }
`
	root, err := parser.Parse([]byte(src), conf.Config{Version: &version.Version{Major: 8, Minor: 1}})
	if err != nil {
		t.Fatal(err)
	}
	for _, joins := range []bool{false, true} {
		d := &definite{seen: map[int]bool{}}
		var dom flow.Domain = d
		widened := 1
		if joins {
			dom, widened = &joining{}, 0
			d = &dom.(*joining).definite
			d.seen = map[int]bool{}
		}
		flow.Walk(root, nil, func(*flow.Scope) flow.Domain { return dom })
		if d.seen[2] != joins || d.widened != widened {
			t.Errorf("joins %v: $u assigned in finally %v, Widen called %d times; want %v, %d", joins, d.seen[2], d.widened, joins, widened)
		}
	}
}
