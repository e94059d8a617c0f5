<?php // riskvet:run // riskvet:flags -nullderef.level=local
// Correlated nulls and finally. A finally block starts from the states
// that leave its try block normally, but it also runs after a return or a
// throw there: a clause of the normal states must not prove a value set
// that the return left null. A clause the try block started with and
// does not touch holds wherever it ends.
declare(strict_types=1); namespace Correlated\Finally;

class Unit {
    public function name(): string { return 'u'; }
}

function early(?Unit $a, ?Unit $b): string {
    try {
        if ($a === null && $b === null) {
            return 'early';
        }
    } finally {
        if ($a === null) {
            echo $b->name(); // want `^\$b may be null here \(parameter \$b is \?Unit\)$`
        }
    }
    return '';
}

function untouched(?Unit $a, ?Unit $b, callable $run): string {
    if ($a === null && $b === null) {
        return '';
    }
    try {
        $run();
    } finally {
        if ($a === null) {
            echo $b->name(); // not reported
        }
    }
    return '';
}

function testEarly(): void { early(null, null); }
function testUntouched(): void { untouched(null, new Unit(), function (): void {}); }
