<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Calls that never return end a path like exit does; the project's own
// is_* predicates guard like PHP's.
declare(strict_types=1);

class Err {
    public function message(): string { return 'e'; }
}

function find(int $id): ?Err { return $id > 0 ? new Err() : null; }

function fail(string $why): never {
    throw new RuntimeException($why);
}

/** @return never */
function legacyFail(string $why) {
    throw new RuntimeException($why);
}

function bail(string $why) {
    echo $why;
    exit(1);
}

function maybeBail(bool $really) {
    if (!$really) {
        return;
    }
    exit(1);
}

function is_err($thing): bool { return $thing instanceof Err; }

function neverReturns(int $id): void {
    $e = find($id);
    if ($e === null) {
        fail('missing');
    }
    $e->message(); // not reported: fail() returns never
    $f = find($id);
    if ($f === null) {
        legacyFail('missing');
    }
    $f->message(); // not reported: @return never
    $g = find($id);
    if (!$g) {
        bail('missing');
    }
    $g->message(); // not reported: bail() always exits
}

function conditionalExit(int $id): void {
    $e = find($id);
    if ($e === null) {
        maybeBail(false);
    }
    $e->message(); // want `^\$e may be null here \(find\(\) returns null at exits\.php:10, checked null at line 55\)$`
}

function userPredicate(int $id): void {
    $e = find($id);
    if (is_err($e)) {
        $e->message(); // not reported: a project is_* predicate
    }
}

function testAll(): void {
    neverReturns(1);
    userPredicate(0);
    userPredicate(1);
    conditionalExit(0);
}

function checkedNoExit(?Err $e): void {
    if (is_null($e)) {
        echo '';
    }
    $e->message(); // want `^\$e may be null here \(parameter \$e is \?Err, checked null at line 76\)$`
}

function checkedUntyped($e): void {
    if ($e === null) {
        echo '';
    }
    $e->message(); // want `^\$e may be null here \(checked null at line 83\)$`
}

function testChecked(): void {
    checkedNoExit(null);
}

function testCheckedUntyped(): void {
    checkedUntyped(null);
}
