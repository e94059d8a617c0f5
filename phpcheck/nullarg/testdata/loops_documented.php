<?php // riskvet:run
declare(strict_types=1);
// A foreach over the result of a function or method whose documented
// return type is a non-empty array (non-empty-array, non-empty-list) runs
// its body at least once, as a literal with an element does. Only that
// exact type counts: a plain array, or a union, may be empty.
namespace NullArg\Documented;

final class Part {}

function keep(Part $p): int { return 1; }

final class Bag {
    /** @var non-empty-list<int> */
    private array $items = [1, 2];

    /** @return non-empty-list<int> */
    public function items(): array { return $this->items; }

    /** @phpstan-return non-empty-array<string, int> */
    public static function named(): array { return ['a' => 1]; }

    /** @return list<int> */
    public function maybeNone(): array { return []; }

    /** @return non-empty-list<int>|null */
    public function orNull(): ?array { return null; }
}

/** @return non-empty-list<string> */
function words(): array { return ['w']; }

function fromMethod(Bag $b): int {
    $last = null;
    foreach ($b->items() as $i) {
        $last = new Part();
    }
    return keep($last); // not reported: items() is documented non-empty
}

function fromStatic(): int {
    $last = null;
    foreach (Bag::named() as $i) {
        $last = new Part();
    }
    return keep($last); // not reported
}

function fromFunction(): int {
    $last = null;
    foreach (words() as $w) {
        $last = new Part();
    }
    return keep($last); // not reported
}

function fromPlainList(Bag $b): int {
    $last = null;
    foreach ($b->maybeNone() as $i) {
        $last = new Part();
    }
    return keep($last); // want `^\$last may be null here, passed to \$p \(Part\) of keep\(\): a TypeError \(assigned null at line 58\)$`
}

function fromUnion(Bag $b): int {
    $last = null;
    foreach ($b->orNull() ?? [] as $i) {
        $last = new Part();
    }
    return keep($last); // want `^\$last may be null here, passed to \$p \(Part\) of keep\(\): a TypeError \(assigned null at line 66\)$`
}

function test_documented(): void {
    fromMethod(new Bag());
    fromStatic();
    fromFunction();
}
function test_plain(): void { fromPlainList(new Bag()); }
function test_union(): void { fromUnion(new Bag()); }
