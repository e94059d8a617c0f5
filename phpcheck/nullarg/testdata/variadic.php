<?php // riskvet:run
// A variadic parameter's type applies to each argument it collects: a null
// among them is a TypeError, like one given to a plain parameter.
namespace NullArg\Variadic;

function total(int ...$ns): int { return array_sum($ns); }

function names(string $sep, ?string ...$parts): string { return implode($sep, $parts); }

function summed(bool $ready): int {
    $n = null;
    if ($ready) {
        $n = 3;
    }
    return total(1, 2, $n); // want `^\$n may be null here, passed to \$ns \(int\) of total\(\): a TypeError \(assigned null at line 11\)$`
}

function first(bool $ready): int {
    $n = $ready ? 1 : null;
    return total($n); // want `^\$n may be null here, passed to \$ns \(int\) of total\(\): a TypeError`
}

// Negatives: a nullable variadic, and a spread, which is not matched to
// the parameter.
function joined(bool $ready): string {
    $p = $ready ? 'b' : null;
    return names('-', 'a', $p);
}

function spread(bool $ready): int {
    $ns = $ready ? [1] : [];
    return total(...$ns);
}

function testSummed(): void { summed(false); }
function testFirst(): void { first(false); }
function testQuiet(): void { joined(false); spread(false); summed(true); }
