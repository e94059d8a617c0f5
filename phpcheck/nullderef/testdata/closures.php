<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Closures and arrow functions have their own scope.
declare(strict_types=1);

class Box {
    public function open(): string { return 'open'; }
}

function maybeBox(bool $ok): ?Box { return $ok ? new Box() : null; }

function testClosureUse(): void {
    $b = maybeBox(false);
    $f = function () use ($b) {
        return $b->open(); // want `^\$b may be null here \(maybeBox\(\) returns null at closures\.php:9\)$`
    };
    $f();
}

function testClosureGuardedOutside(): void {
    $b = maybeBox(true);
    if ($b === null) {
        return;
    }
    $f = function () use ($b) {
        return $b->open(); // not reported: captured by value after the guard
    };
    $f();
}

function testArrowCapture(): void {
    $b = maybeBox(false);
    $f = fn () => $b->open(); // want `^\$b may be null here`
    $f();
}

function testArrowGuarded(): void {
    $b = maybeBox(true);
    $f = fn () => $b !== null ? $b->open() : ''; // not reported: guarded inside
    $f();
}

function testClosureParam(): void {
    $f = function (?Box $x) {
        return $x->open(); // want `^\$x may be null here \(parameter \$x is \?Box\)$`
    };
    $f(null);
}

function testByRefUse(): void {
    $b = null;
    $set = function () use (&$b) { $b = new Box(); };
    $set();
    $b->open(); // not reported: a by-reference use may assign it
}

function testOwnScope(): void {
    $b = null;
    $f = function () {
        $b = new Box();
        return $b->open(); // not reported: the closure's own $b
    };
    $f();
}

class Sorter {
    private ?Box $box = null;
    public function sort(array $xs): array {
        if ($this->box === null) {
            return $xs;
        }
        usort($xs, function ($a, $b) {
            return strcmp($this->box->open(), 'x'); // not reported: the closure keeps the guard on $this->box
        });
        return $xs;
    }
    public function unguarded(): callable {
        return function () {
            return $this->box->open(); // want `^\$this->box may be null here \(property Sorter::\$box is \?Box\)$`
        };
    }
}

function testSorter(): void {
    (new Sorter())->sort([1, 2]);
    $f = (new Sorter())->unguarded();
    $f();
}

function testAnonymousClass(): void {
    $o = new class {
        public ?Box $box = null;
        public function open(?Box $b): string {
            return $b->open(); // want `^\$b may be null here \(parameter \$b is \?Box\)$`
        }
    };
    $o->open(null);
}

function testForeachDestructure(): void {
    $b = null;
    foreach ([[new Box()]] as [$b]) {
        $b->open(); // not reported: assigned by the destructuring foreach
    }
}
