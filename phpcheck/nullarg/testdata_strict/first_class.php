<?php // riskvet:run
// Run with -nullderef.strict (TestStrict). PHP 8.1's first-class callable
// syntax, f(...), $o->m(...) and C::m(...), makes a Closure and calls
// nothing: the callee's nullable result is not the value, and the callee's
// effects do not happen.
namespace NullArg\FirstClass;

class Finder {
    public ?string $last = 'x';
    public function find(): ?string { return null; }
    public static function lookup(): ?string { return null; }
    public function forget(): void { $this->last = null; }
}

function maybe(): ?string { return null; }

function keep(\Closure $c): int { return 1; }
function shout(string $s): string { return strtoupper($s); }

function methodClosure(Finder $f): int {
    return keep($f->find(...)); // not reported: a Closure, never null
}

function staticClosure(): int {
    return keep(Finder::lookup(...)); // not reported
}

function functionClosure(): int {
    return keep(maybe(...)); // not reported
}

function stored(Finder $f): int {
    $c = $f->find(...);
    return keep($c); // not reported
}

function notCalled(Finder $f): string {
    if ($f->last !== null) {
        $forget = $f->forget(...); // makes a Closure: last stays set
        return shout($f->last); // not reported
    }
    return '';
}

function called(Finder $f): string {
    if ($f->last !== null) {
        $f->forget();
        return shout($f->last); // want `^\$f->last may be null here, passed to \$s \(string\) of shout\(\): a TypeError`
    }
    return '';
}

function testClosures(): void {
    $f = new Finder();
    methodClosure($f);
    staticClosure();
    functionClosure();
    stored($f);
    notCalled(new Finder());
}

function testCalled(): void {
    called(new Finder());
}
