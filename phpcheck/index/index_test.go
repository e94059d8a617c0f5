package index_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/index"
	"github.com/riskvet/riskvet/phpcheck/internal/phpfile"
)

func collect(t *testing.T, path, src string) *index.FileSymbols {
	t.Helper()
	root, serr := phpfile.Parse([]byte(src))
	if serr != nil {
		t.Fatalf("parse %s: %s", path, serr.Message)
	}
	return index.Collect(path, root)
}

const models = `<?php
namespace App\Model;

use App\Support\Clock as C;

interface Named { public function name(): ?string; }

trait Owned {
    public ?User $owner = null;
    public function owner(): ?User { return $this->owner; }
}

abstract class Base implements Named {
    /** @var Clock|null */
    protected $clock;
    public function name(): ?string { return null; }
    /** @return static|null */
    public static function find(int $id) { return null; }
}

final class User extends Base {
    use Owned;
    public function __construct(private ?C $c = null, public readonly int $id = 0) {}
    public function parent(): self { return $this; }
    public function legacy($x) { if ($x) { return null; } return $this; }
    public function voidish() { return; }
    public function mixedRet(): mixed { return null; }
    public function union(): User|null|false { return null; }
}

enum Suit: string { case Hearts = 'H'; }

function helper(?User $u, User $v = null, &$out = null): ?\App\Model\User { return $u; }

const NOTHING = null;

function fails(): never { throw new \Exception(); }
/** @return never */
function docFails() { throw new \Exception(); }
function dies() { echo 1; die(); }
function sometimesDies($x) { if ($x) { return; } exit(1); }
/** @phpstan-return never */
function stanFails(): void { throw new \Exception(); }
/** @psalm-return no-return */
function psalmFails() { (new \Exception())->getMessage(); }
function endsInDies() { echo 1; dies(); }
function endsInBranches($x) { if ($x) { endsInDies(); } else { \App\Model\fails(); } }
function endsInMaybe($x) { if ($x) { dies(); } else { sometimesDies($x); } }
function endsInUnknown() { unknown_function(); }
function abort_if($c, $code) { if ($c) { abort($code); } }
function abort_unless($c, $code) { if (!$c) { throw new \Exception(); } }
function throw_unless($c) { throw_if(! $c); return $c; }
function logs_if($c, $m) { if ($c) { $m .= '!'; } }
`

func TestCollect(t *testing.T) {
	ix := index.Merge([]*index.FileSymbols{collect(t, "models.php", models)})

	user := ix.Class(`app\model\user`)
	if user == nil {
		t.Fatal(`class App\Model\User not found (case-insensitive lookup)`)
	}
	if user.Parent != `App\Model\Base` || !reflect.DeepEqual(user.Traits, []string{`App\Model\Owned`}) {
		t.Errorf("User parent/traits = %q/%q", user.Parent, user.Traits)
	}

	for _, tc := range []struct {
		method   string
		nullable bool
		nonNull  bool
		class    string
		source   index.TypeSource
		owner    string
	}{
		{"parent", false, true, `App\Model\User`, index.Declared, "User"},
		{"legacy", true, false, "", index.ReturnsNull, "User"},
		{"voidish", false, false, "", index.Undeclared, "User"},
		{"mixedRet", false, false, "", index.Declared, "User"},
		{"union", true, false, `App\Model\User`, index.Declared, "User"},
		{"OWNER", true, false, `App\Model\User`, index.Declared, "Owned"}, // through the trait
		{"find", true, false, `App\Model\Base`, index.Doc, "Base"},        // through the parent, from @return
		{"name", true, false, "", index.Declared, "Base"},
	} {
		m, owner := ix.Method(`App\Model\User`, tc.method)
		if m == nil {
			t.Errorf("method %s not found", tc.method)
			continue
		}
		r := m.Returns
		if r.Nullable != tc.nullable || r.NonNull != tc.nonNull || r.Class() != tc.class || r.Source != tc.source || owner.Short() != tc.owner {
			t.Errorf("%s returns %+v from %s; want nullable=%v nonnull=%v class=%q source=%v from %s",
				tc.method, r, owner.Short(), tc.nullable, tc.nonNull, tc.class, tc.source, tc.owner)
		}
	}
	if m, _ := ix.Method(`App\Model\User`, "find"); !m.Static {
		t.Error("find should be static")
	}

	for _, tc := range []struct {
		prop     string
		nullable bool
		class    string
		owner    string
	}{
		{"c", true, `App\Support\Clock`, "User"}, // promoted, through the use alias
		{"id", false, "", "User"},
		{"owner", true, `App\Model\User`, "Owned"},
		{"clock", true, `App\Model\Clock`, "Base"}, // @var, resolved in the namespace
	} {
		p, owner := ix.Property(`App\Model\User`, tc.prop)
		if p == nil {
			t.Errorf("property %s not found", tc.prop)
			continue
		}
		if p.Type.Nullable != tc.nullable || p.Type.Class() != tc.class || owner.Short() != tc.owner {
			t.Errorf("property %s = %+v from %s", tc.prop, p.Type, owner.Short())
		}
	}
	if p, _ := ix.Property(`App\Model\User`, "C"); p != nil {
		t.Error("properties are case-sensitive")
	}

	fn := ix.Function(`app\model\HELPER`)
	if fn == nil {
		t.Fatal("function helper not found")
	}
	if !fn.Returns.Nullable || fn.Returns.Class() != `App\Model\User` || fn.Returns.Text != `?\App\Model\User` {
		t.Errorf("helper returns %+v", fn.Returns)
	}
	if len(fn.Params) != 3 || !fn.Params[0].Type.Nullable || !fn.Params[1].Type.Nullable || fn.Params[1].Type.Text != "User = null" || !fn.Params[2].ByRef {
		t.Errorf("helper params %+v", fn.Params)
	}

	if m, _ := ix.Method(`App\Model\Suit`, "tryFrom"); m == nil || !m.Returns.Nullable {
		t.Error("a backed enum's tryFrom should return null")
	}
	for name, want := range map[string]bool{
		"fails": true, "docFails": true, "dies": true, "sometimesDies": false, "helper": false,
		"stanFails": true, "psalmFails": true, "endsInDies": true, "endsInBranches": true, "endsInMaybe": false, "endsInUnknown": false,
	} {
		if f := ix.Function(`App\Model\` + name); f == nil || f.NoReturn != want {
			t.Errorf("%s: NoReturn = %+v, want %v", name, f, want)
		}
	}
	for name, want := range map[string]index.Guard{"abort_if": index.GuardIf, "abort_unless": index.GuardUnless, "throw_unless": index.GuardUnless, "logs_if": index.GuardNone, "dies": index.GuardNone} {
		if f := ix.Function(`App\Model\` + name); f == nil || f.Guard != want {
			t.Errorf("%s: Guard = %+v, want %v", name, f, want)
		}
	}
	if c := ix.Const(`App\Model\NOTHING`); c == nil || !c.Null {
		t.Error("const NOTHING = null not collected")
	}
	if !ix.IsSubclass(`App\Model\User`, `app\model\named`) {
		t.Error("User should be a Named through Base")
	}
}

func TestNamesAndImports(t *testing.T) {
	const src = `<?php
namespace Web;
use App\Repo\{UserRepo, Admin\AdminRepo as AR};
use function App\util\helper;
class Controller {
    public function a(): ?UserRepo {}
    public function b(): ?AR {}
    public function c(): ?\Global\Thing {}
    public function d(): ?Local {}
    public function e(): ?namespace\Rel {}
}
`
	ix := index.Merge([]*index.FileSymbols{collect(t, "c.php", src)})
	for m, want := range map[string]string{
		"a": `App\Repo\UserRepo`,
		"b": `App\Repo\Admin\AdminRepo`,
		"c": `Global\Thing`,
		"d": `Web\Local`,
		"e": `Web\Rel`,
	} {
		f, _ := ix.Method(`Web\Controller`, m)
		if f == nil || f.Returns.Class() != want {
			t.Errorf("%s() class = %+v, want %s", m, f, want)
		}
	}
}

// TestMergeDeterministic checks that the first file by path wins a
// duplicate declaration, whatever the order of the input.
func TestMergeDeterministic(t *testing.T) {
	a := collect(t, "a.php", `<?php function f(): ?int { return 1; }`)
	b := collect(t, "b.php", `<?php function f(): int { return 1; }`)
	for _, order := range [][]*index.FileSymbols{{a, b}, {b, a}, {nil, b, a}} {
		if f := index.Merge(order).Function("f"); f == nil || !f.Returns.Nullable {
			t.Errorf("Merge kept %+v, want a.php's ?int", f)
		}
	}
	var nilIndex *index.Index
	if nilIndex.Class("x") != nil || nilIndex.Function("f") != nil {
		t.Error("a nil index should answer nothing")
	}
}

// TestSerialisable checks that FileSymbols survives a JSON round trip, so a
// driver can cache it by file content.
func TestSerialisable(t *testing.T) {
	fs := collect(t, "models.php", models)
	data, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	var back index.FileSymbols
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*fs, back) {
		t.Errorf("round trip changed the symbols:\n%+v\n%+v", *fs, back)
	}
}

func TestDocType(t *testing.T) {
	var n index.Names
	for _, tc := range []struct {
		doc, tag string
		ok       bool
		nullable bool
		class    string
	}{
		{"/** @return Foo|null */", "@return", true, true, "Foo"},
		{"/** @return ?Foo the foo */", "@return", true, true, "Foo"},
		{"/** @return null|array<string, Foo|null> */", "@return", true, true, ""},
		{"/** @return array<int, Foo|null> */", "@return", true, false, ""},
		{"/** @return Foo[] */", "@return", true, false, ""},
		{"/** @returns Foo|null\n * @return Bar */", "@return", true, false, "Bar"},
		{"/** @var Foo */", "@return", false, false, ""},
		{"/**\n * @var \\A\\B|null $x\n */", "@var", true, true, `A\B`},
	} {
		typ, ok := index.DocType(&n, tc.doc, tc.tag, "", "")
		if ok != tc.ok || typ.Nullable != tc.nullable || typ.Class() != tc.class {
			t.Errorf("DocType(%q, %s) = %+v, %v", tc.doc, tc.tag, typ, ok)
		}
	}
}
