<?php // riskvet:run // riskvet:flags -nullderef.level=local
// Correlated nulls at the local level: a test of two values together
// (xor, a pair of instanceof tests) leaves a clause that a later test turns
// into a fact, or shows contradicts itself, so the branch it guards is
// dead. A loose `== null` proves no null to the clauses: 0 passes it.
declare(strict_types=1); namespace Correlated\Local;

class Unit {
    public ?Unit $base = null;
    public function name(): string { return 'u'; }
}

// Exactly one null returns first, both null next: both are set after.
function sameUnit(?Unit $from, ?Unit $to): bool {
    if (null === $from xor null === $to) {
        return false;
    }
    if (null === $from && null === $to) {
        return true;
    }
    return $from->name() === $to->name(); // not reported
}

// The same with instanceof: a ?Unit that is not a Unit is null.
function both(?Unit $lo = null, ?Unit $hi = null): string {
    if (!$lo instanceof Unit && !$hi instanceof Unit) {
        return '';
    }
    if (!$lo instanceof Unit xor !$hi instanceof Unit) {
        return 'one';
    }
    return $lo->name() . $hi->name(); // not reported
}

// Only the both-null case returns: one of them may still be null.
function onlyBoth(?Unit $from, ?Unit $to): bool {
    if (null === $from && null === $to) {
        return true;
    }
    return $from->name() === 'u'; // want `^\$from may be null here \(parameter \$from is \?Unit, checked null at line 37\)$`
}

// `$count == null` holds for 0 too: the branch below is reachable with
// $u set, and what fails in it is reported.
function looseZero(?int $count): string {
    $note = null;
    if ($count == null) {
        $u = new Unit();
    } else {
        $u = null;
    }
    if ($count !== null && $u !== null) {
        return $note->name(); // want `^\$note is null here \(assigned null at line 46\)$`
    }
    return '';
}

function testSame(): void {
    sameUnit(null, null);
    sameUnit(new Unit(), null);
    sameUnit(null, new Unit());
    sameUnit(new Unit(), new Unit());
}
function testBoth(): void {
    both();
    both(new Unit());
    both(null, new Unit());
    both(new Unit(), new Unit());
}
function testOnlyBoth(): void { onlyBoth(null, new Unit()); }
function testLoose(): void { looseZero(0); }
