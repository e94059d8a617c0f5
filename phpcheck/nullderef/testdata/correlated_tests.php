<?php // riskvet:run // riskvet:flags -nullderef.level=local
// Correlated nulls and tests that prove less than null. A falsy value or
// a failed instanceof is null only when the declared type is the class or
// null: `Unit|int|null` may be 0, `Unit|Team|null` a Team. A project's
// is_* function is a type test by its name only.
declare(strict_types=1); namespace Correlated\Tests;

class Unit {
    public function name(): string { return 'u'; }
}
class Team {}

function falsyInt(Unit|int|null $a, ?Unit $b): string {
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    if (!$a) {
        return $b->name(); // want `^\$b may be null here \(parameter \$b is \?Unit\)$`
    }
    return '';
}

function otherClass(Unit|Team|null $a, ?Unit $b): string {
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    if (!$a instanceof Unit) {
        return $b->name(); // want `^\$b may be null here \(parameter \$b is \?Unit\)$`
    }
    return '';
}

// Set by the clause, $a is still an int, not a Unit: the branch runs.
function learned(Unit|int|null $a, ?Unit $b): string {
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    if ($b === null) {
        if (!$a instanceof Unit) {
            return $b->name(); // want `^\$b is null here \(parameter \$b is \?Unit, checked null at line 38\)$`
        }
    }
    return '';
}

function is_missing(?Unit $u): bool { return $u === null; }

function namedTest(?Unit $a, ?Unit $b): string {
    if ($a !== null && $b === null) {
        throw new \Exception();
    }
    if (is_missing($a)) {
        return $b->name(); // want `^\$b may be null here \(parameter \$b is \?Unit\)$`
    }
    return '';
}

function testFalsyInt(): void { falsyInt(0, null); }
function testOtherClass(): void { otherClass(new Team(), null); }
function testLearned(): void { learned(0, null); }
function testNamedTest(): void { namedTest(null, null); }
