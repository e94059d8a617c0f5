<?php // riskvet:run // riskvet:flags -nullderef.level=inevitable
// -nullderef.level=inevitable reports a null that the function itself makes
// at a point the dereference follows on every path, with no test of anything
// and no exit between: whenever that point runs, the dereference fails. A
// dereference under a later condition, or past an exit, may be kept safe by
// a condition tied to the null (judged on real code, most such were), and
// waits for -nullderef.level=local.
declare(strict_types=1); namespace Levels\Inevitable;

final class Node {
    public function name(): string { return 'n'; }
}

function find(string $key): ?Node { return $key === '' ? null : new Node(); }

function assignedOnOneBranch(bool $ready): string {
    $n = null;
    if ($ready) {
        $n = new Node();
    }
    return $n->name(); // want `^\$n may be null here \(assigned null at line 17\)$`
}

function ternaryNull(bool $ready): string {
    $n = $ready ? new Node() : null;
    $label = 'node ';
    return $label . $n->name(); // want `^\$n may be null here \(ternary yields null at line 25\)$`
}

function checkedThenUsed(string $key): string {
    $n = find($key);
    if ($n === null) {
        error_log('no node for ' . $key);
    }
    return $n->name(); // want `^\$n may be null here \(find\(\) returns null at levels_inevitable\.php:14, checked null at line 32\)$`
}

function caughtFailure(string $key): string {
    $n = null;
    try {
        $n = strict($key);
    } catch (\InvalidArgumentException $e) {
        error_log($e->getMessage());
    }
    return $n->name(); // want `^\$n may be null here \(assigned null at line 39\)$`
}

function strict(string $key): Node {
    if ($key === '') {
        throw new \InvalidArgumentException('empty key');
    }
    return new Node();
}

// The same flag guards the assignment and the use: a join cannot see that
// they move together, and the use is under a condition, so it waits.
function sameFlag(bool $ready): string {
    $n = null;
    if ($ready) {
        $n = new Node();
    }
    if ($ready) {
        return $n->name(); // not reported at this level: under a later condition
    }
    return '';
}

// An early exit between the null and the use tests something that may
// imply the value is set.
function exitBetween(bool $ready, int $count): string {
    $n = null;
    if ($ready) {
        $n = new Node();
    }
    if ($count === 0) {
        return '';
    }
    return $n->name(); // not reported at this level: an exit comes between
}

// A nullable parameter states a contract; most callers never pass null.
function contract(?Node $n): string {
    return $n->name(); // not reported at this level: only the parameter's type says null
}

// A closure runs when it is called, not where it is written.
function later(bool $ready): callable {
    $n = $ready ? new Node() : null;
    return function () use ($n): string {
        return $n->name(); // not reported at this level: the closure may never run
    };
}

// A chain of cases without an else is most often meant to cover them all.
function enumerated(string $kind): string {
    $n = null;
    if ($kind === 'a') {
        $n = new Node();
    } elseif ($kind === 'b') {
        $n = find($kind);
    }
    return $n->name(); // not reported at this level: only the path no case took leaves null
}

function enumeratedSwitch(string $kind): string {
    $n = null;
    switch ($kind) {
        case 'a':
            $n = new Node();
            break;
        case 'b':
            $n = strict($kind);
            break;
    }
    return $n->name(); // not reported at this level: only the path no case took leaves null
}

// A strict test for null of a value known not to be null has no null
// branch to come from.
function knownObject(): string {
    $n = new Node();
    if ($n === null) {
        error_log('impossible');
    }
    return $n->name();
}

// `?? null` reads a key the code believes set, quietly when it is not.
function coalesced(array $row): string {
    $n = $row['node'] ?? null;
    return $n->name(); // not reported at this level: only a missing key leaves null
}

function testAssigned(): void {
    assignedOnOneBranch(false);
}

function testTernary(): void {
    ternaryNull(false);
}

function testChecked(): void {
    checkedThenUsed('');
}

function testCaught(): void {
    caughtFailure('');
}

function testQuiet(): void {
    sameFlag(false);
    sameFlag(true);
    exitBetween(false, 0);
    exitBetween(true, 1);
    contract(new Node());
    coalesced(['node' => new Node()]);
    knownObject();
    enumerated('a');
    enumerated('b');
    enumeratedSwitch('a');
    enumeratedSwitch('b');
    $f = later(true);
    $f();
}
