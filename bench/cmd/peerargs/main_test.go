package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseParamError(t *testing.T) {
	for _, tc := range []struct {
		msg             string
		ok, null        bool
		kind, callee    string
		arg             int
		expected, given string
	}{
		{msg: `Parameter #1 $foo of method CheckNullables\Foo::doFoo() expects string, string|null given.`,
			ok: true, null: true, kind: "method", callee: `CheckNullables\Foo::doFoo`, arg: 1, expected: "string", given: "string|null"},
		{msg: `Parameter #1 $test of method Test\NullableInPhpDoc::doFoo() expects string, null given.`,
			ok: true, null: true, kind: "method", callee: `Test\NullableInPhpDoc::doFoo`, arg: 1, expected: "string", given: "null"},
		{msg: `Parameter #3 ...$foo of function FunctionWithVariadicParameters\foo expects int, null given.`,
			ok: true, null: true, kind: "function", callee: `FunctionWithVariadicParameters\foo`, arg: 3, expected: "int", given: "null"},
		{msg: `Parameter #1 $intProp of class InstantiationPromotedProperties\PromotedPropertyNotNullable constructor expects int, null given.`,
			ok: true, null: true, kind: "new", callee: `InstantiationPromotedProperties\PromotedPropertyNotNullable::__construct`, arg: 1, expected: "int", given: "null"},
		{msg: `Parameter #2 $x of static method A::b() expects Foo, Foo|null given.`,
			ok: true, null: true, kind: "static", callee: `A::b`, arg: 2, expected: "Foo", given: "Foo|null"},
		{msg: `Parameter #1 $val of closure expects int, int|null given.`,
			ok: true, null: true, kind: "closure", arg: 1, expected: "int", given: "int|null"},
		// The parameter takes null: a type error, not a null argument.
		{msg: `Parameter #1 $s of method Test\ForeachSituation::takesInt() expects int|null, string|null given.`,
			ok: true, kind: "method", callee: `Test\ForeachSituation::takesInt`, arg: 1, expected: "int|null", given: "string|null"},
		// null only inside a callable's signature or a generic's argument.
		{msg: `Parameter #1 $cb of method CallablesWithoutCheckNullables\Foo::doBar() expects callable(float|null): (float|null), Closure(float): float given.`,
			ok: true, kind: "method", callee: `CallablesWithoutCheckNullables\Foo::doBar`, arg: 1,
			expected: "callable(float|null): (float|null)", given: "Closure(float): float"},
		{msg: `Parameter #1 $ids of method CallMethodsIterables\Uuid::bar() expects iterable<CallMethodsIterables\Uuid>, array<int, null> given.`,
			ok: true, kind: "method", callee: `CallMethodsIterables\Uuid::bar`, arg: 1,
			expected: `iterable<CallMethodsIterables\Uuid>`, given: "array<int, null>"},
		{msg: `Parameter #1 $a of function f expects array<int, string>, array<int, string>|null given.`,
			ok: true, null: true, kind: "function", callee: "f", arg: 1, expected: "array<int, string>", given: "array<int, string>|null"},
		{msg: `Parameter #1 $m of function f expects mixed, null given.`,
			ok: true, kind: "function", callee: "f", arg: 1, expected: "mixed", given: "null"},
		{msg: `Only iterables can be unpacked, array<int>|null given in argument #5.`},
		{msg: `Method Foo::bar() invoked with 1 parameter, 2 required.`},
	} {
		e, ok := parseParamError(tc.msg)
		if ok != tc.ok {
			t.Errorf("parseParamError(%q) ok = %v, want %v", tc.msg, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if e.Kind != tc.kind || e.Callee != tc.callee || e.Arg != tc.arg || e.Expected != tc.expected || e.Given != tc.given {
			t.Errorf("parseParamError(%q) = %+v", tc.msg, e)
		}
		if e.nullArg() != tc.null {
			t.Errorf("%q: nullArg() = %v, want %v", tc.msg, e.nullArg(), tc.null)
		}
	}
}

func TestPsalmIssue(t *testing.T) {
	for in, want := range map[string]string{
		"PossiblyNullArgument":                           "PossiblyNullArgument",
		"NullArgument - src/somefile.php:3:12":           "NullArgument",
		"InvalidArgument: Argument 1 of foo expects int": "InvalidArgument",
	} {
		if got := psalmIssue(in); got != want {
			t.Errorf("psalmIssue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadPsalmCalls(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "calls.tsv")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	calls, err := readPsalmCalls(write("# comment\ncase\tline\tcallee\targ\nT::a\t3\tfoo\t1\nT::b\t9\tA::__construct\t2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := calls["T::b"]; got != (psalmCall{Line: 9, Callee: "A::__construct", Arg: 2}) || len(calls) != 2 {
		t.Errorf("calls = %v", calls)
	}
	for _, bad := range []string{
		"T::a\t3\tfoo\t1\n",                                           // no header
		"case\tline\tcallee\targ\nT::a\t0\tfoo\t1\n",                  // line 0
		"case\tline\tcallee\targ\nT::a\t3\tfoo\n",                     // three columns
		"case\tline\tcallee\targ\nT::a\t3\tfoo\t1\nT::a\t4\tfoo\t1\n", // twice
	} {
		if _, err := readPsalmCalls(write(bad)); err == nil {
			t.Errorf("readPsalmCalls(%q): no error", bad)
		}
	}
}

const declsSrc = `<?php
namespace App;

function typed(string $s, int ...$rest): void {}
function untyped($s): void {}
function nullable(?string $s, string|null $t, string $u = null, mixed $m = 1): void {}
function byRef(array &$out): void {}

class Base {
    public function __construct(public int $id) {}
    public function save(Model $m): void {}
}
class Child extends Base {}
class Problem extends \Exception {}
`

func TestScope(t *testing.T) {
	d, err := parseDecls(map[string][]byte{"a.php": []byte(declsSrc)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		callee string
		arg    int
		want   string
	}{
		{`App\typed`, 1, scopeIn},
		{`\App\TYPED`, 1, scopeIn},
		{`App\typed`, 4, scopeIn}, // the variadic takes the rest
		{`App\untyped`, 1, scopeDocOnly},
		{`App\untyped`, 2, scopeNoParam},
		{`App\nullable`, 1, scopeNullable},
		{`App\nullable`, 2, scopeNullable},
		{`App\nullable`, 3, scopeNullable},
		{`App\nullable`, 4, scopeNullable},
		{`App\byRef`, 1, scopeByRef},
		{`App\Child::__construct`, 1, scopeIn}, // inherited, promoted
		{`App\Child::save`, 1, scopeIn},
		{`strlen`, 1, scopeScalar},
		{`Exception::__construct`, 1, scopeScalar},
		{`App\Problem::__construct`, 3, scopeNullable}, // Exception's ?Throwable $previous
		{`get_class`, 1, scopeIn},
		{`array_udiff`, 2, scopeUntyped},
		{`reset`, 1, scopeByRef},
		{`no_such_function`, 1, scopeUnknown},
		{"", 1, scopeClosure},
	} {
		if got := d.scope(tc.callee, tc.arg); got != tc.want {
			t.Errorf("scope(%s, %d) = %q, want %q", tc.callee, tc.arg, got, tc.want)
		}
	}
	if _, err := parseDecls(map[string][]byte{"bad.php": []byte("<?php function (")}); err == nil || !strings.Contains(err.Error(), "bad.php") {
		t.Errorf("parseDecls on a syntax error: %v", err)
	}
}

func TestFindingKind(t *testing.T) {
	for _, tc := range []struct{ msg, line, want string }{
		{"$m may be null here, passed to $m (Message) of subject(): a TypeError (x)", "subject($m);", "function"},
		{"$m may be null here, passed to $m (Message) of Mailer::send(): a TypeError (x)", "$mailer->send($m, 1);", "method"},
		{"$m may be null here, passed to $m (Message) of Mailer::queue(): a TypeError (x)", "Mailer::queue($m);", "static"},
		{"$m may be null here, passed to $m (Message) of Envelope::__construct(): a TypeError (x)", "new Envelope($m);", "new"},
		{"$m may be null here, passed to $m (Message) of Base::__construct(): a TypeError (x)", "parent::__construct($m);", "static"},
		{"something else", "f();", ""},
	} {
		if got := findingKind(tc.msg, tc.line); got != tc.want {
			t.Errorf("findingKind(%q, %q) = %q, want %q", tc.msg, tc.line, got, tc.want)
		}
	}
}

func TestRequires(t *testing.T) {
	src := []byte(`<?php
class T {
	public function testA(): void
	{
		require_once __DIR__ . '/data/a-definition.php';
		$this->analyse([__DIR__ . '/data/a.php'], []);
	}

	public function testB(): void
	{
		require_once __DIR__ . '/data/b-definition.php';
	}
}`)
	got := requires(src, "tests/Rules/TTest.php", "testA")
	if len(got) != 1 || got[0] != "tests/Rules/data/a-definition.php" {
		t.Errorf("requires(testA) = %v", got)
	}
	if got := requires(src, "tests/Rules/TTest.php", "testC"); got != nil {
		t.Errorf("requires(testC) = %v", got)
	}
}

func TestSilencesNullArg(t *testing.T) {
	code := func(s string) *string { return &s }
	for _, tc := range []struct {
		pc   psalmCase
		want bool
	}{
		{psalmCase{Code: code("<?php f(null);")}, false},
		{psalmCase{Code: code("<?php f(null);"), IgnoredIssues: []string{"PossiblyNullArgument"}}, true},
		{psalmCase{Code: code("<?php f(null);"), IgnoredIssues: []string{"MixedArgument"}}, false},
		{psalmCase{Code: code("<?php /** @psalm-suppress NullArgument */ f(null);")}, true},
		{psalmCase{Code: code("<?php /** @psalm-suppress PossiblyNullReference */ f(null);")}, false},
		{psalmCase{Code: code("<?php /** @psalm-ignore-nullable-return */ function g(): ?A {}")}, true},
	} {
		if got := silencesNullArg(tc.pc); got != tc.want {
			t.Errorf("silencesNullArg(%q, %v) = %v, want %v", *tc.pc.Code, tc.pc.IgnoredIssues, got, tc.want)
		}
	}
}
