<?php // riskvet:run
// Run with -nullderef.strict (TestStrict). Correlated nulls: a guard on two
// values together leaves each maybe null alone but says that one of them is
// not, and a later branch that rules one out proves the other.
namespace NullArg\Correlated;

function cents(int $amount): int { return $amount * 100; }

class Box {
    public function size(): int { return 3; }
}

function volume(Box $b): int { return $b->size(); }

// Throwing when both are missing leaves at least one: the branch where the
// price is null has the fallback.
function priceOrFallback(?int $price, ?int $fallback): int {
    if ($price === null && $fallback === null) {
        throw new \InvalidArgumentException('no price');
    }
    if ($price !== null) {
        return cents($price);
    }
    return cents($fallback); // not reported: $price is null here, so $fallback is not
}

// The same choice made by a ternary.
function priceInline(?int $price, ?int $fallback): int {
    if ($price === null && $fallback === null) {
        return 0;
    }
    return cents($price !== null ? $price : $fallback); // not reported
}

// `??` runs its right side only where the left is null: the other is not.
function priceCoalesce(?int $price, ?int $fallback): int {
    if ($price === null && $fallback === null) {
        return 0;
    }
    return $price ?? cents($fallback); // not reported
}

// A disjunction of three tests, then a chain that takes the first non-null.
function firstOfThree(?int $a, ?int $b, ?int $c): int {
    if ($a !== null || $b !== null || $c !== null) {
        if ($a !== null) {
            $pick = $a;
        } elseif ($b !== null) {
            $pick = $b;
        } else {
            $pick = $c;
        }
        return cents($pick); // not reported: the else branch has $c non-null
    }
    return 0;
}

// A write to a variable of the clause ends it: $c may be null again.
function firstOfThreeReset(?int $a, ?int $b, ?int $c): int {
    if ($a !== null || $b !== null || $c !== null) {
        $c = null;
        $pick = $a !== null ? $a : ($b !== null ? $b : $c);
        return cents($pick); // want `^\$pick may be null here, passed to \$amount \(int\) of cents\(\): a TypeError \(ternary yields null at line 61\)$`
    }
    return 0;
}

// Truthiness of objects: an object is never falsy, so `!$outer` proves it
// null, and the clause from the first test leaves $inner.
function nested(?Box $outer, ?Box $inner): int {
    if (!$outer && !$inner) {
        return 0;
    } elseif (!$outer) {
        return volume($inner); // not reported
    }
    return volume($outer);
}

// The guard covers one of the two, not the one passed.
function onlyOne(?int $price, ?int $fallback): int {
    if ($price === null && $fallback === null) {
        throw new \InvalidArgumentException('no price');
    }
    return cents($fallback); // want `^\$fallback may be null here, passed to \$amount \(int\) of cents\(\): a TypeError \(parameter \$fallback is \?int\)$`
}

// The branch that rules one out is not taken on every path: after the join
// nothing is proven of the fallback.
function afterJoin(?int $price, ?int $fallback, bool $log): int {
    if ($price === null && $fallback === null) {
        return 0;
    }
    if ($log) {
        $price = 1;
    }
    return cents($fallback); // want `^\$fallback may be null here, passed to \$amount \(int\) of cents\(\): a TypeError \(parameter \$fallback is \?int\)$`
}

function testPrice(): void {
    priceOrFallback(2, null);
    priceOrFallback(null, 3);
    priceInline(null, 4);
    priceInline(5, null);
    priceInline(null, null);
    priceCoalesce(null, 6);
    priceCoalesce(7, null);
    priceCoalesce(null, null);
}
function testThree(): void {
    firstOfThree(null, null, 1);
    firstOfThree(null, 1, null);
    firstOfThree(1, null, null);
    firstOfThree(null, null, null);
}
function testReset(): void { firstOfThreeReset(null, null, 1); }
function testNested(): void {
    nested(null, new Box());
    nested(new Box(), null);
    nested(null, null);
}
function testOnlyOne(): void { onlyOne(2, null); }
function testAfterJoin(): void { afterJoin(2, null, false); }
