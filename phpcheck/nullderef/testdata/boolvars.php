<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// A boolean variable that holds a null test narrows where it is tested, as
// the test itself would; the fact dies when either variable is assigned.
declare(strict_types=1);

class Flag {
    public ?Flag $next = null;
    public function name(): string { return 'f'; }
}

function flagOrNull(bool $some): ?Flag { return $some ? new Flag() : null; }

function storedNotNull(?Flag $x): string {
    $ok = $x !== null;
    if ($ok) {
        return $x->name(); // not reported: $ok holds $x !== null
    }
    return '';
}

function storedIsNull(?Flag $x): string {
    $missing = $x === null;
    if ($missing) {
        return '';
    }
    return $x->name(); // not reported: $missing was true when $x was null
}

function storedIsset(?Flag $x): string {
    $has = isset($x->next);
    if (!$has) {
        return '';
    }
    return $x->next->name(); // not reported: isset of a path, stored
}

function storedInstanceof($x): string {
    $isFlag = $x instanceof Flag;
    return $isFlag ? $x->name() : ''; // not reported: instanceof, stored
}

function storedIsObject(?Flag $x): string {
    $obj = is_object($x);
    if ($obj && $x->name() !== '') { // not reported: is_object, stored
        return 'named';
    }
    return '';
}

function storedAnd(?Flag $x, ?Flag $y): string {
    $both = $x !== null && $y !== null;
    if ($both) {
        return $x->name() . $y->name(); // not reported: both tests hold
    }
    return '';
}

function storedBoolCast(?Flag $x): string {
    $set = (bool) $x;
    if ($set) {
        return $x->name(); // not reported: a truthy object is not null
    }
    return '';
}

function storedComparedWithBool(?Flag $x): string {
    $ok = $x !== null;
    if ($ok === false) {
        return '';
    }
    $missing = is_null($x);
    if (true == $missing) {
        return '';
    }
    return $x->name(); // not reported: the stored tests compared with true and false
}

function storedComparedUsed(?Flag $x): string {
    $ok = $x !== null;
    if ($ok !== true) {
        return $x->name(); // want `^\$x is null here \(parameter \$x is \?Flag, checked null at line 79\)$`
    }
    return '';
}

function flagAfterLoop(array $xs): string {
    $found = false;
    $item = null;
    foreach ($xs as $x) {
        if ($x > 0) {
            $item = new Flag();
            $found = true;
            break;
        }
    }
    if (!$found) {
        return '';
    }
    return $item->name(); // not reported: $found is true only where $item was set
}

function flagInBranch(?Flag $x): string {
    $ok = false;
    if ($x !== null && $x->name() !== '') {
        $ok = true;
    }
    return $ok ? $x->name() : ''; // not reported: $ok is true only where $x was checked
}

function flagOtherBranch(bool $c): string {
    $item = null;
    $found = false;
    if ($c) {
        $found = true;
    } else {
        $item = new Flag();
    }
    if ($found) {
        return $item->name(); // want `^\$item is null here \(assigned null at line 111\)$`
    }
    return '';
}

function storedMissingUsed(?Flag $x): string {
    $missing = $x === null;
    if ($missing) {
        return $x->name(); // want `^\$x is null here \(parameter \$x is \?Flag, checked null at line 125\)$`
    }
    return '';
}

function reassignedAfterTest(bool $some): string {
    $x = flagOrNull(true);
    $ok = $x !== null;
    $x = flagOrNull($some);
    if ($ok) {
        return $x->name(); // want `\$x may be null here \(flagOrNull\(\) returns null at boolvars\.php:11\)`
    }
    return '';
}

function flagReassigned(?Flag $x): string {
    $ok = $x !== null;
    $ok = true;
    if ($ok) {
        return $x->name(); // want `\$x may be null here`
    }
    return '';
}

function storedInLoop(array $xs): int {
    $n = 0;
    foreach ($xs as $i) {
        $x = flagOrNull($i > 0);
        $ok = $x !== null;
        if (!$ok) {
            continue;
        }
        $n += strlen($x->name()); // not reported: the test is fresh in each pass
    }
    return $n;
}

function testStoredNull(): void {
    storedNotNull(null);
    storedIsNull(null);
    storedIsset(null);
    storedIsset(new Flag());
    storedInstanceof(null);
    storedInstanceof(1);
    storedIsObject(null);
    storedAnd(null, new Flag());
    storedAnd(new Flag(), null);
    storedBoolCast(null);
    storedInLoop([0, 1, -1, 2]);
    storedComparedWithBool(null);
    flagAfterLoop([0, -1]);
    flagAfterLoop([0, 2]);
    flagInBranch(null);
    flagInBranch(new Flag());
    flagOtherBranch(false);
}

function testStoredValue(): void {
    $f = new Flag();
    $f->next = new Flag();
    storedNotNull($f);
    storedIsNull($f);
    storedIsset($f);
    storedInstanceof($f);
    storedIsObject($f);
    storedAnd($f, $f);
    storedBoolCast($f);
    storedComparedWithBool($f);
    storedComparedUsed($f);
    storedMissingUsed($f);
    flagReassigned($f);
}

function testStoredMissingUsed(): void { storedMissingUsed(null); }
function testTestedAfterReassign(): void { reassignedAfterTest(false); }
function testFlagReassigned(): void { flagReassigned(null); }
function testStoredComparedUsed(): void { storedComparedUsed(null); }
function testFlagOtherBranch(): void { flagOtherBranch(true); }
