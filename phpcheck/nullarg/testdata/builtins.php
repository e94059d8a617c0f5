<?php // riskvet:run
// PHP's own functions and the methods of its internal classes, from the
// built-in signature table: null given to an array, object, callable or
// class parameter throws a TypeError in every mode. A call in a namespace
// falls back to the global function.
namespace NullArg\Builtins;

final class Items extends \ArrayIterator {}

final class AppError extends \RuntimeException {}

function maybeList(bool $ready): ?array {
    return $ready ? ['a'] : null;
}

function className(bool $ready): string {
    $o = null;
    if ($ready) {
        $o = new \stdClass();
    }
    return get_class($o); // want `^\$o may be null here, passed to \$object \(object\) of get_class\(\): a TypeError \(assigned null at line 17\)$`
}

function keys(bool $ready): array {
    $a = null;
    if ($ready) {
        $a = ['k' => 1];
    }
    return array_keys($a); // want `^\$a may be null here, passed to \$array \(array\) of array_keys\(\): a TypeError \(assigned null at line 25\)$`
}

function counted(bool $ready): int {
    $a = $ready ? [1] : null;
    return \count($a); // want `^\$a may be null here, passed to \$value \(Countable\|array\) of count\(\): a TypeError \(ternary yields null at line 33\)$`
}

function found(bool $ready): bool {
    $a = null;
    if ($ready) {
        $a = ['x'];
    }
    return in_array('x', $a, true); // want `^\$a may be null here, passed to \$haystack \(array\) of in_array\(\): a TypeError`
}

function merged(bool $ready): array {
    $more = null;
    if ($ready) {
        $more = [2];
    }
    return array_merge([1], $more); // want `^\$more may be null here, passed to \$arrays \(array\) of array_merge\(\): a TypeError`
}

function zoned(bool $ready): \DateTime {
    $tz = null;
    if ($ready) {
        $tz = new \DateTimeZone('UTC');
    }
    $d = new \DateTime('2024-01-01');
    return $d->setTimezone($tz); // want `^\$tz may be null here, passed to \$timezone \(DateTimeZone\) of DateTime::setTimezone\(\): a TypeError`
}

function iterated(bool $ready): Items {
    $a = null;
    if ($ready) {
        $a = [1];
    }
    return new Items($a); // want `^\$a may be null here, passed to \$array \(object\|array\) of ArrayIterator::__construct\(\): a TypeError`
}

// Negatives: a nullable parameter, a by-reference one (the call assigns
// it), a mixed one, a guard, and a scalar parameter outside strict_types,
// which PHP coerces with a deprecation only (reported with
// -nullarg.deprecated, see deprecated.php).
function chained(bool $ready): AppError {
    $prev = null;
    if ($ready) {
        $prev = new \LogicException('first');
    }
    return new AppError('second', 0, $prev);
}

function matched(string $s): int {
    $m = null;
    preg_match('/a/', $s, $m);
    return \count($m);
}

function printed(bool $ready): string {
    $n = null;
    if ($ready) {
        $n = 2;
    }
    return sprintf('%d', $n) . var_export($n, true);
}

function guardedKeys(bool $ready): array {
    $a = maybeList($ready);
    if ($a === null) {
        return [];
    }
    return array_keys($a);
}

function length(bool $ready): int {
    $s = null;
    if ($ready) {
        $s = 'abc';
    }
    return strlen($s);
}

function testClassName(): void { className(false); }
function testKeys(): void { keys(false); }
function testCounted(): void { counted(false); }
function testFound(): void { found(false); }
function testMerged(): void { merged(false); }
function testZoned(): void { zoned(false); }
function testIterated(): void { iterated(false); }
function testQuiet(): void {
    chained(false);
    chained(true);
    matched('abc');
    printed(false);
    guardedKeys(false);
    guardedKeys(true);
    length(false);
    className(true);
    keys(true);
}
