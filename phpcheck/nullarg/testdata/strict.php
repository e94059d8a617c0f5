<?php // riskvet:run
declare(strict_types=1);

// Under strict_types=1 a built-in's scalar parameter refuses null too: a
// TypeError, as for a user function's.
namespace NullArg\Strict;

function length(bool $ready): int {
    $s = null;
    if ($ready) {
        $s = 'abc';
    }
    return strlen($s); // want `^\$s may be null here, passed to \$string \(string\) of strlen\(\): a TypeError under strict_types=1 \(assigned null at line 9\)$`
}

function padded(bool $ready): string {
    $n = $ready ? 4 : null;
    return str_pad('x', $n); // want `passed to \$length \(int\) of str_pad\(\): a TypeError under strict_types=1`
}

function joined(bool $ready): string {
    $parts = $ready ? ['a'] : null;
    return implode(',', $parts ?? []);
}

function testLength(): void { length(false); }
function testPadded(): void { padded(false); }
function testQuiet(): void { joined(false); length(true); }
