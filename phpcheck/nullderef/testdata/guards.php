<?php // riskvet:run
// Guards that prove a value non-null. Each guarded function is called with
// null and with a value; none of them is reported and none fails.
declare(strict_types=1);

class Item {
    public ?Item $child = null;
    public function name(): string { return 'i'; }
    public function child(): ?Item { return $this->child; }
}

function find(int $id): ?Item { return $id > 0 ? new Item() : null; }

function notIdentical(?Item $i): void {
    if ($i !== null) {
        $i->name(); // not reported: !== null
    }
    if (null !== $i) {
        $i->name(); // not reported: reversed operands
    }
}

function notEqual(?Item $i): void {
    if ($i != null) {
        $i->name(); // not reported: != null
    }
}

function identicalReturn(?Item $i): void {
    if ($i === null) {
        return;
    }
    $i->name(); // not reported: === null with an early return
}

function identicalThrow(?Item $i): void {
    if (null === $i) {
        throw new InvalidArgumentException('no item');
    }
    $i->name(); // not reported: === null with a throw
}

function equalExit(?Item $i): void {
    if ($i == null) {
        return;
    }
    $i->name(); // not reported: == null with an exit
}

function loopExits(array $ids): void {
    foreach ($ids as $id) {
        $i = find($id);
        if ($i === null) {
            continue;
        }
        $i->name(); // not reported: continue
    }
    foreach ($ids as $id) {
        $i = find($id);
        if (!$i) {
            break;
        }
        $i->name(); // not reported: negated truthiness with break
    }
}

function truthy(?Item $i): void {
    if ($i) {
        $i->name(); // not reported: truthiness
    }
}

function falsyReturn(?Item $i): void {
    if (!$i) {
        return;
    }
    $i->name(); // not reported: if (!$i) return
}

function instance(?Item $i): void {
    if ($i instanceof Item) {
        $i->name(); // not reported: instanceof
    }
}

function issetGuard(?Item $i): void {
    if (isset($i)) {
        $i->name(); // not reported: isset
    }
    if (isset($i->child)) {
        $i->child->name(); // not reported: isset of a property path proves the path and its prefix
    }
}

function notEmpty(?Item $i): void {
    if (!empty($i)) {
        $i->name(); // not reported: !empty
    }
}

function isNull(?Item $i): void {
    if (is_null($i)) {
        return;
    }
    $i->name(); // not reported: is_null with an exit
    if (!is_null($i->child)) {
        $i->child->name(); // not reported: !is_null
    }
}

function isObject(?Item $i): void {
    if (is_object($i)) {
        $i->name(); // not reported: is_object
    }
}

function asserted(?Item $i): void {
    if ($i === null) {
        return;
    }
    $c = $i->child();
    assert($c !== null || $i->name() !== '');
    $d = find(1);
    assert($d !== null);
    $d->name(); // not reported: assert(!== null)
    $e = find(1);
    assert($e instanceof Item);
    $e->name(); // not reported: assert(instanceof)
}

function shortCircuit(?Item $i): void {
    if ($i !== null && $i->name() !== '') {
        echo 'and';
    }
    if ($i === null || $i->name() === '') {
        echo 'or';
    }
    $i && $i->name(); // not reported: && in an expression statement
}

function ternaries(?Item $i): string {
    $a = $i !== null ? $i->name() : 'none';
    $b = $i === null ? 'none' : $i->name();
    $c = $i ? $i->name() : 'none';
    return $a . $b . $c;
}

function coalesce(?Item $i): void {
    $x = $i ?? new Item();
    $x->name(); // not reported: ?? with a non-null fallback
    $y = $i ?: new Item();
    $y->name(); // not reported: ?: with a non-null fallback
    $z = $i?->child ?? new Item();
    $z->name(); // not reported: ?-> then ??
    $w = find(0);
    $w ??= new Item();
    $w->name(); // not reported: ??=
    $v = find(1) ?? throw new LogicException('missing');
    $v->name(); // not reported: ?? throw
}

function whileAssign(): void {
    $items = [new Item(), new Item()];
    $k = 0;
    while (($it = find(count($items) - $k)) !== null) {
        $it->name(); // not reported: while (($x = f()) !== null)
        $k++;
    }
    if ($found = find(1)) {
        $found->name(); // not reported: assignment in a truthy condition
    }
}

function propertyPath(Item $p): void {
    if ($p->child !== null) {
        $p->child->name(); // not reported: property path guard
    }
    if ($p->child === null) {
        return;
    }
    $p->child->name(); // not reported: property path with an early return
    $p->name();
    $p->child->name(); // not reported: calls keep property facts (the PHPStan default)
}

function thisProperty(): void {
    (new Guarded())->run();
}

class Guarded {
    private ?Item $item = null;
    public function run(): void {
        if ($this->item === null) {
            $this->item = new Item();
        }
        $this->item->name(); // not reported: assigned on the null branch
    }
    private static ?Guarded $instance = null;
    public static function instance(): Guarded {
        if (self::$instance === null) {
            self::$instance = new Guarded();
        }
        self::$instance->run(); // not reported: the singleton pattern
        return self::$instance;
    }
}

function methodResult(Item $i): void {
    if ($i->child() !== null) {
        $i->child()->name(); // not reported: a zero-argument call result is remembered
    }
}

function elseBranch(?Item $i): void {
    if ($i === null) {
        $i = new Item();
    } elseif ($i->name() === '') {
        echo 'empty';
    } else {
        $i->name(); // not reported: the else of === null
    }
    $i->name(); // not reported: every branch leaves $i non-null
}

function testAll(): void {
    foreach ([null, new Item()] as $i) {
        notIdentical($i);
        notEqual($i);
        identicalReturn($i);
        try {
            identicalThrow($i);
        } catch (InvalidArgumentException $e) {
        }
        equalExit($i);
        truthy($i);
        falsyReturn($i);
        instance($i);
        issetGuard($i);
        notEmpty($i);
        isNull($i);
        isObject($i);
        asserted($i);
        shortCircuit($i);
        ternaries($i);
        coalesce($i);
        elseBranch($i);
    }
    loopExits([1, 0, 1]);
    whileAssign();
    $p = new Item();
    $p->child = new Item();
    propertyPath($p);
    methodResult($p);
    thisProperty();
    Guarded::instance();
}

class Tree {
    public function child(string $name): Item { return new Item(); }
}

function coalesceLeavesLeft(Tree $t): void {
    $c = $t->child('a');
    $r = $c ?? false;
    $c->name(); // not reported: ?? learns nothing about its left side
}

function isNullWithoutExit(?Item $i): void {
    if (is_null($i)) {
        echo 'none';
    }
    $i?->name(); // not reported: nullsafe after a null check that does not exit
}

function testMore(): void {
    coalesceLeavesLeft(new Tree());
    isNullWithoutExit(null);
}
