<?php // riskvet:run // riskvet:flags -nullderef.level=inevitable
// At the default level every finding starts at a null its function makes,
// so the walk skips the functions and methods that make none. A function
// declared inside another is still walked, from inside the one that
// declares it, and so is a closure, with the function around it.
declare(strict_types=1); namespace OnlyNulls;

final class Lamp {
    public function light(): string { return 'on'; }
}

function makesNone(Lamp $lamp): string {
    return $lamp->light();
}

function declaresOne(): void {
    function declaredInside(): string {
        $lamp = null;
        return $lamp->light(); // want `^\$lamp is null here \(assigned null at line 18\)$`
    }
}

function closureMakesIt(): string {
    $f = function (): string {
        $lamp = null;
        return $lamp->light(); // want `^\$lamp is null here \(assigned null at line 25\)$`
    };
    return $f();
}

final class Switchboard {
    public function none(Lamp $lamp): string { return $lamp->light(); }

    public function one(): string {
        $lamp = null;
        return $lamp->light(); // want `^\$lamp is null here \(assigned null at line 35\)$`
    }
}

/** @phpstan-assert-if-true null $lamp */
function isOff(?Lamp $lamp): bool {
    return $lamp === null;
}

// A call whose assertion tag makes a null is such a null too.
function assertsIt(?Lamp $lamp): string {
    if (isOff($lamp)) {
        return $lamp->light(); // want `^\$lamp is null here \(parameter \$lamp is \?Lamp\)$`
    }
    return '';
}

use function OnlyNulls\isOff as off;

// So is one called by an alias.
function assertsByAlias(?Lamp $lamp): string {
    if (off($lamp)) {
        return $lamp->light(); // want `^\$lamp is null here \(parameter \$lamp is \?Lamp\)$`
    }
    return '';
}

function test_declared(): void { declaresOne(); declaredInside(); }
function test_closure(): void { closureMakesIt(); }
function test_method(): void { (new Switchboard())->one(); }
function test_asserted(): void { assertsIt(null); }
function test_alias(): void { assertsByAlias(null); }
function test_none(): void { makesNone(new Lamp()); (new Switchboard())->none(new Lamp()); }
