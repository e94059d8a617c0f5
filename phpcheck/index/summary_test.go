package index_test

import (
	"reflect"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/index"
)

// summaries is a class whose methods each show one case of the method
// summaries: what they set, may null, call, return and test.
const summaries = `<?php
class Conn {}
abstract class S {
    private ?Conn $a = null;
    private ?Conn $b = null;
    private ?Conn $c = null;

    public function __construct(Conn $a, ?Conn $b) {
        $this->a = $a;
        $this->b = $b;
        $this->init();
        parent::__construct();
    }
    public function both(bool $x) {
        if ($x) { $this->a = new Conn(); } else { $this->a = new Conn(); $this->b = new Conn(); }
    }
    public function oneArm(bool $x) {
        if ($x) { $this->a = new Conn(); }
    }
    public function early(?Conn $c) {
        if ($c === null) { throw new Exception(); }
        $this->c = $c;
    }
    public function lazy() {
        if ($this->c === null) { $this->c = new Conn(); }
    }
    public function switched(int $k) {
        switch ($k) {
        case 1:
        case 2:
            $this->a = new Conn();
            break;
        default:
            $this->a = new Conn();
        }
    }
    public function tried() {
        try { $this->a = new Conn(); } catch (Exception $e) { return; }
    }
    public function nulls(?Conn $p) {
        $x = null;
        $this->a = $x;
        $this->b = $p?->next;
        $this->c = $p ? $p : null;
        unset($this->d);
    }
    public function nullAfter() {
        $this->init();
        $this->a = null;
    }
    public function getA(): ?Conn { return $this->a; }
    public function lazyGet(): ?Conn { if (!$this->b) { $this->b = new Conn(); } return $this->b; }
    public function tryGet(bool $x): ?Conn { if (!$this->b && $x) { $this->b = new Conn(); } return $this->b; }
    public function hasA(): bool { return null !== $this->a; }
    public function hasB(): bool { return isset($this->b); }
    public function hasC(): bool { return (bool) $this->c; }
    public function noA(): bool { return is_null($this->a); }
    public function noB(): bool { return $this->b === null; }
    public function lit(): ?Conn { return null; }
    public function tern(bool $x): ?Conn { return $x ? new Conn() : null; }
    public function local(bool $x): ?Conn { $r = null; if ($x) { $r = new Conn(); } return $r; }
    public function param(?Conn $c): ?Conn { return $c; }
    public function coalesce(): ?Conn { return $this->a ?? null; }
    public function throws(): ?Conn { return $this->a ?? throw new Exception(); }
    public function mapped(array $xs): ?Conn { array_map(function ($x) { return null; }, $xs); return new Conn(); }
    public function looped(array $xs) {
        $this->a = new Conn();
        $this->b = new Conn();
        foreach ($xs as $x) { $this->a = null; }
        unset($this->b);
    }
    abstract public function abs(): ?Conn;
    #[Before]
    public function attr() {}
    /** @before */
    public function doc() {}
    /** @beforeClass */
    public static function notBefore() {}
}
`

func TestSummaries(t *testing.T) {
	fs := collect(t, "s.php", summaries)
	methods := map[string]index.Summary{}
	for _, m := range fs.Classes[1].Methods {
		methods[m.Name] = m.Summary
	}
	for name, want := range map[string]index.Summary{
		"__construct": {Body: true, Sets: []string{"a"}, MayNull: []string{"b"}, Calls: []string{"init", "parent::__construct"}},
		"both":        {Body: true, Sets: []string{"a"}},
		"oneArm":      {Body: true},
		"early":       {Body: true, Sets: []string{"c"}},
		"lazy":        {Body: true, Sets: []string{"c"}},
		"switched":    {Body: true, Sets: []string{"a"}},
		"tried":       {Body: true, Sets: []string{"a"}},
		"nulls":       {Body: true, MayNull: []string{"a", "b", "c", "d"}},
		"nullAfter":   {Body: true, MayNull: []string{"a"}, Calls: []string{"init"}, NullAfterCall: []string{"a"}},
		"getA":        {Body: true, Getter: "a", ReturnsProp: "a"},
		"lazyGet":     {Body: true, Sets: []string{"b"}},
		"tryGet":      {Body: true, ReturnsProp: "b"},
		"hasA":        {Body: true, NullTest: "a"},
		"hasB":        {Body: true, NullTest: "b"},
		"hasC":        {Body: true, NullTest: "c"},
		"noA":         {Body: true, NullTest: "a", NullTestNeg: true},
		"noB":         {Body: true, NullTest: "b", NullTestNeg: true},
		"lit":         {Body: true, NullAt: 59},
		"tern":        {Body: true, NullAt: 60},
		"local":       {Body: true, NullAt: 61},
		"param":       {Body: true, NullAt: 62},
		"coalesce":    {Body: true, NullAt: 63},
		"throws":      {Body: true},
		"mapped":      {Body: true},
		"looped":      {Body: true, MayNull: []string{"a", "b"}},
		"abs":         {},
		"attr":        {Body: true, Before: true},
		"doc":         {Body: true, Before: true},
		"notBefore":   {Body: true},
	} {
		if got := methods[name]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: summary\n got %+v\nwant %+v", name, got, want)
		}
	}
}

// hierarchy exercises Sets and Initializer across calls, parents and
// lifecycle methods.
const hierarchy = `<?php
class Conn {}
class Base {
    protected ?Conn $conn = null;
    protected ?Conn $spare = null;
    public function __construct() { $this->connect(); }
    protected function connect() { $this->conn = new Conn(); }
}
class Keeps extends Base {
    public function __construct() { parent::__construct(); }
}
class Drops extends Base {
    public function __construct() {}
}
class Nulls extends Base {
    public function close() { $this->conn = null; }
}
/** @BeforeMethods({"init", "more"}) */
class Bench {
    protected ?Conn $conn = null;
    public function init() { $this->conn = new Conn(); }
}
#[BeforeMethods(['init'])]
class AttrBench extends Base {
    protected ?Conn $spare = null;
    public function init() { $this->spare = new Conn(); }
}
class Closes extends Base {
    public function __construct() { $this->conn = new Conn(); $this->close(); }
    public function close() { $this->conn = null; }
}
class Hooked {
    protected ?Conn $conn = null;
    public function boot() { $this->conn = new Conn(); }
}
`

func TestInitializer(t *testing.T) {
	ix := index.Merge([]*index.FileSymbols{collect(t, "h.php", hierarchy)})
	for _, c := range []struct {
		class, prop string
		lifecycle   []string
		want        string
	}{
		{"Base", "conn", nil, "__construct"},
		{"Base", "spare", nil, ""},
		{"Keeps", "conn", nil, "__construct"},
		{"Drops", "conn", nil, ""},
		{"Nulls", "conn", nil, ""},
		{"Hooked", "conn", nil, ""},
		{"Hooked", "conn", []string{"boot"}, "boot"},
		{"Missing", "conn", nil, ""},
		{"Closes", "conn", nil, ""},
		{"Bench", "conn", nil, "init"},
		{"AttrBench", "spare", nil, "init"},
	} {
		if got := ix.Initializer(c.class, c.prop, c.lifecycle); got != c.want {
			t.Errorf("Initializer(%s, %s, %v) = %q, want %q", c.class, c.prop, c.lifecycle, got, c.want)
		}
	}
	if c := ix.Class("Bench"); !reflect.DeepEqual(c.Before, []string{"init", "more"}) {
		t.Errorf("Bench.Before = %q", c.Before)
	}
	if !ix.IsInitializer("AttrBench", "INIT", nil) || ix.IsInitializer("AttrBench", "other", nil) {
		t.Errorf("IsInitializer(AttrBench, ...) wrong")
	}
	if got := ix.Sets("Closes", "__construct"); len(got) != 0 {
		t.Errorf("Sets(Closes, __construct) = %v, want nothing: close() nulls conn", got)
	}
	if got := ix.Sets("Base", "__construct"); !reflect.DeepEqual(got, map[string]bool{"conn": true}) {
		t.Errorf("Sets(Base, __construct) = %v", got)
	}
}
