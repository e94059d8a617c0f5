<?php // riskvet:run
// Run with -nullderef.strict (TestStrict). Comparisons: null is never greater than anything, so `$n > 1` (or
// `1 < $n`) proves $n is not null; `$n < 1` holds for null and proves
// nothing.
namespace NullArg\Compare;

function half(int $n): int { return intdiv($n, 2); }

function bigger(?int $n): int {
    if ($n > 1) {
        return half($n);
    }
    if (1 < $n) {
        return half($n);
    }
    return 0;
}

function smaller(?int $n): int {
    if ($n < 1) {
        return half($n); // want `^\$n may be null here, passed to \$n \(int\) of half\(\): a TypeError \(parameter \$n is \?int\)$`
    }
    return 0;
}

function testSmaller(): void { smaller(null); }
function testQuiet(): void {
    bigger(null);
    bigger(4);
    smaller(3);
}
