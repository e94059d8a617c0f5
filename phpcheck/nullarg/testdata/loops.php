<?php // riskvet:run
// Nulls a loop or a helper clears before the call: what a loop body
// assigns reaches the next iteration, and a static method of the class may
// set its static properties.
namespace NullArg\Loops;

final class Tables {
    private static ?array $known = null;

    private static function refresh(): void {
        self::$known = ['a'];
    }

    public static function has(string $t): bool {
        if (self::$known === null) {
            self::refresh();
        }
        return in_array($t, self::$known, true); // not reported: refresh() sets it
    }
}

function merge(array $parts): array {
    $all = null;
    $seen = false;
    foreach ($parts as $p) {
        if ($seen) {
            $all = array_merge($p, $all); // not reported: $all is set once $seen is
        }
        $all = $p;
        $seen = true;
    }
    return $all ?? [];
}

// Reported: no row leaves $row null, whenever $rows is empty.
function lastRow(array $rows): array {
    $row = null;
    foreach ($rows as $r) {
        $row = $r;
    }
    return array_keys($row); // want `^\$row may be null here, passed to \$array \(array\) of array_keys\(\): a TypeError \(assigned null at line 37\)$`
}

function testQuiet(): void {
    Tables::has('a');
    merge([[1], [2], [3]]);
    lastRow([['k' => 1]]);
}
function testEmpty(): void { lastRow([]); }
