<?php // riskvet:run // riskvet:flags -nullderef.level=local
// Unknown is never null: no finding without a named source of null.
declare(strict_types=1);

class Thing {
    public $untyped;
    public mixed $anything = null;
    public function name(): string { return 't'; }
    public function any(): mixed { return new Thing(); }
    public function loose() { return new Thing(); }
    public function __construct() { $this->untyped = $this; $this->anything = $this; }
}

function untypedParam($t): void {
    $t->name(); // not reported: an untyped parameter is unknown
}

function mixedParam(mixed $t): void {
    $t->name(); // not reported: mixed says nothing
}

function external(): void {
    $d = new DateTime();
    $d->modify('+1 day')->format('Y'); // not reported: DateTime is outside the scanned tree
    $x = some_library_function();
    $x->name(); // not reported: a call the index does not know
}

function some_library_function(...$args) { return new Thing(); }

function members(Thing $t): void {
    $t->untyped->name(); // not reported: untyped property without @var
    $t->anything->name(); // not reported: mixed property
    $t->any()->name(); // not reported: mixed return
    $t->loose()->name(); // not reported: untyped return that never returns null
}

function byReference(): void {
    $t = null;
    fill($t);
    $t->name(); // not reported: passed by reference, the callee may assign it
    $u = null;
    unknown_fill($u);
    $u->name(); // not reported: passed to an unknown callee, which may take it by reference
}

function fill(?Thing &$t): void { $t = new Thing(); }
function unknown_fill(&$t): void { $t = new Thing(); }

function reassigned(): void {
    $t = null;
    $t = new Thing();
    $t->name(); // not reported: the assignment kills the null
    $list = [new Thing()];
    [$first] = $list;
    $first->name(); // not reported: destructuring makes it unknown
    $g = null;
    $g = $list[0] ?? new Thing();
    $g->name(); // not reported: non-null fallback
}

function staticVar(): void {
    static $cache = null;
    if (time() > 0) {
        $cache = new Thing();
    }
    $cache->name(); // not reported: a static variable keeps its value across calls
}

function loopAssigned(array $xs): void {
    $t = null;
    foreach ($xs as $x) {
        $t = new Thing();
    }
    if ($xs !== []) {
        echo 'non-empty';
    }
    $u = null;
    for ($i = 0; $i < 2; $i++) {
        $u = new Thing();
    }
    echo $u === null ? '' : $u->name(); // not reported: ternary guard
}

function unsetVar(): void {
    $t = null;
    unset($t);
    $t = new Thing();
    $t->name(); // not reported: assigned after unset
}

function testAll(): void {
    untypedParam(new Thing());
    mixedParam(new Thing());
    external();
    members(new Thing());
    byReference();
    reassigned();
    staticVar();
    loopAssigned([1]);
    unsetVar();
}

class Repo {
    public function find(int $id): ?Thing { return $id > 0 ? new Thing() : null; }
    public function any(int $id) { return $id > 0 ? new Thing() : null; }
}

function inlineVar(): void {
    $r = new Repo();
    /** @var Thing $t */
    $t = $r->find(1);
    $t->name(); // not reported: the inline @var asserts Thing
    /** @var Thing|null $u */
    $u = $r->any(0);
    if ($u !== null) {
        $u->name(); // not reported: guarded
    }
    /** @var Thing $other */
    $w = $r->find(1);
    $w?->name(); // not reported: nullsafe (the @var names another variable, so it is ignored)
}

function inlineVarNull(): void {
    $r = new Repo();
    /** @var Thing|null $u */
    $u = $r->any(0);
    $u->name(); // want `^\$u may be null here \(@var at line 126 includes null\)$`
}

function testInline(): void {
    inlineVar();
    inlineVarNull();
}
