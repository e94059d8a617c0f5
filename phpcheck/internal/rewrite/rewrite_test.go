package rewrite_test

import (
	"bytes"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
	"github.com/riskvet/riskvet/phpcheck/internal/rewrite"
	"github.com/riskvet/riskvet/phpcheck/internal/scan"
)

// cases are PHP the parser rejects as given, with the text it is given
// instead (after "<?php\n").
var cases = []struct{ name, in, out string }{
	{"enum case keyword", "enum E { case Default; case List = 2; }", "enum E { case Zefault; case Zist = 2; }"},
	{"enum const keyword", "enum E: string { case A = 'a'; const DEFAULT = self::A; }", "enum E: string { case A = 'a'; const DEFAULT = self::A; }"},
	{"class named Enum", "class Enum extends Base {} new Enum(); function f(Enum $e): Enum {}", "class Znum extends Base {} new Znum(); function f(Znum $e): Znum {}"},
	{"class constant named ENUM", "class C { const ENUM = 'e'; } const ENUM = 1;", "class C { const ENUM = 'e'; } const ZNUM = 1;"},
	{"enum in a use group", "use Foo\\{Enum, Bar};", "use Foo\\{Znum, Bar};"},
	{"function named readonly", "function readonly() {} readonly();", "function Zeadonly() {} Zeadonly();"},
	{"method named readonly", "class C { public function readOnly(): static { return $this; } }", "class C { public function readOnly(): static { return $this; } }"},
	{"readonly DNF property", "class C { public readonly (A&B)|null $x; }", "class C { public readonly  A   |null $x; }"},
	{"attribute on static closure", "$f = #[A] static fn () => 1;", "$f = #[A]        fn () => 1;"},
	{"attribute on static method", "class C { #[A] static function f() {} }", "class C { #[A] static function f() {} }"},
	{"DNF parameter and return", "function f((A&B)|null $x): (A&B)|null {}", "function f( A   |null $x):  A   |null {}"},
	{"DNF two groups", "function f(null|(A&B)|(\\C&D) ...$x) {}", "function f(null| A   | \\C    ...$x) {}"},
	{"DNF closure return", "$f = function () use ($a): (A&B)|false {};", "$f = function () use ($a):  A   |false {};"},
	{"bitwise expression", "$x = (A&B)|C; $y = $c ? f() : (A&B)|C;", "$x = (A&B)|C; $y = $c ? f() : (A&B)|C;"},
	{"typed class constant", "class C { const string X = 'a'; final public const ?int Y = 1, Z = 2; }", "class C { const        X = 'a'; final public const      Y = 1, Z = 2; }"},
	{"readonly anonymous class", "$o = new readonly class { public int $a = 1; };", "$o = new          class { public int $a = 1; };"},
	{"use const", "use const Foo\\BAR; const X = 1;", "use const Foo\\BAR; const X = 1;"},
	{"dynamic class constant", "echo A::{$n}, static::{'B' . $m};", "echo A  ($n), Ztatic  ('B' . $m);"},
	{"dynamic static call", "A::{'f'}(); $a::{$m}($x);", "A::{'f'}(); $a::{$m}($x);"},
	{"asymmetric visibility", "class C { public private(set) int $x; protected(set) string $y; }", "class C { public              int $x; public         string $y; }"},
	{"new without parentheses", "new A()->f(); new \\B\\C($x)::D; new static()['k']; (new E())->g();", "    A()->f();     \\B\\C($x)::D;     Ztatic()['k']; (new E())->g();"},
	{"exit callable", "$f = exit(...); $g = die(...); exit(1);", "$f = Zxit(...); $g = Zie(...); exit(1);"},
	{"property hooks", "class C { public int $x { get => 1; set { $this->y = $value; } } public $z = 1; }", "class C { public int $x ;                                        public $z = 1; }"},
	{"hook with default", "class C { public int $x = 5 {\n set => $value; } }", "class C { public int $x = 5 ;\n                  }"},
	{"promoted parameter hooks", "class C { function __construct(public int $x { get => 1; }, $y) {} }", "class C { function __construct(public int $x              , $y) {} }"},
	{"parameter default", "class C { function f($x = 0) { } function g(int $y = 1): int|false { } }", "class C { function f($x = 0) { } function g(int $y = 1): int|false { } }"},
	{"pipe operator", "$out = $in |> trim(...) |> (fn (string $s) => strtoupper($s)); $m = $a | $b > 1;", "$out = $in >> trim(...) >> (fn (string $s) => strtoupper($s)); $m = $a | $b > 1;"},
	{"strings untouched", "$s = \"case Default {$a::{$b}}\"; // new A()->f()", "$s = \"case Default {$a  ($b)}\"; // new A()->f()"},
}

func TestRewrite(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte("<?php\n" + c.in)
			out, _ := rewrite.Rewrite(src, scan.Scan(src))
			if got := string(out[6:]); got != c.out {
				t.Errorf("rewrote\n%s\nto\n%s\nwant\n%s", c.in, got, c.out)
			}
			if _, serr := phpfile.Parse(src); serr != nil {
				t.Errorf("Parse: %+v", serr)
			}
		})
	}
}

// TestHookSource: the hook bodies as function bodies at their own
// offsets, and everything else blank.
func TestHookSource(t *testing.T) {
	src := []byte("<?php\nclass C {\n  public int $a { get => $this->b; set(int $v) { $this->b = $v; } }\n  public $z = 1 { final set; }\n}\n")
	want := "<?php\n         \nfunction h()    {        $this->b;             { $this->b = $v; } }\nfunction h()    {            }\n \n"
	_, fix := rewrite.Rewrite(src, scan.Scan(src))
	if got := string(fix.HookSource(src)); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestNotPHP: a file with no PHP open tag is inline text, "<?xml" and all.
func TestNotPHP(t *testing.T) {
	for _, src := range []string{
		"<?xml version=\"1.0\"?>\n<a>1</a>\n",
		"<?xml version=\"1.0\"?>\n<?php echo 1;",
		"<? echo 1; ?>",
		"a <?phpx b",
	} {
		if _, serr := phpfile.Parse([]byte(src)); serr != nil {
			t.Errorf("Parse(%q): %+v", src, serr)
		}
	}
}

// TestNoTrigger: a file without a trigger is given to the parser as is.
func TestNoTrigger(t *testing.T) {
	src := []byte("<?php\nclass C { const A = 1; public function f(): ?int { return new D(); } }\n")
	out, fix := rewrite.Rewrite(src, scan.Scan(src))
	if &out[0] != &src[0] || len(fix.News)+len(fix.Hooks) > 0 {
		t.Errorf("rewrote a file without a trigger")
	}
}

// FuzzRewrite checks that rewrites keep the length and every line end in
// place, and leave the input alone.
func FuzzRewrite(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte("<?php\n" + c.in))
	}
	f.Add([]byte("<?xml?>\r\n<?php enum E {\r case Default;\r}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		out, _ := rewrite.Rewrite(src, scan.Scan(src))
		if !bytes.Equal(src, orig) {
			t.Fatal("Rewrite changed its input")
		}
		if len(out) != len(src) {
			t.Fatalf("length %d, want %d", len(out), len(src))
		}
		for i := range src {
			if (src[i] == '\n' || src[i] == '\r' || out[i] == '\n' || out[i] == '\r') && src[i] != out[i] {
				t.Fatalf("byte %d: %q became %q", i, src[i], out[i])
			}
		}
	})
}
