<?php // riskvet:run // riskvet:flags -nullderef.level=local
// Correlated nulls and writes the walk does not see. A local bound by
// reference (to an array element, a property, a closure's use, a foreach
// value, a global, a static, a by-reference parameter) may be assigned under another name, and include or
// eval may assign any local: a clause made of such a local must not prove
// it set after that write.
declare(strict_types=1); namespace Correlated\Escape;

class Unit {
    public function name(): string { return 'u'; }
}

function inArray(?Unit $a, bool $c): string {
    $refs = [&$b];
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    $refs[0] = null;
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 15\)$`
    }
    return '';
}

function inProperty(?Unit $a, bool $c): string {
    $o = new \stdClass();
    $o->p = &$b;
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    $o->p = null;
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 29\)$`
    }
    return '';
}

function inClosure(?Unit $a, bool $c): string {
    $reset = function () use (&$b): void { $b = null; };
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    $reset();
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 42\)$`
    }
    return '';
}

function inForeach(?Unit $a, bool $c): string {
    $all = [1];
    foreach ($all as &$b) {
    }
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    $all[0] = null;
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 57\)$`
    }
    return '';
}

function resetGlobal(): void { $GLOBALS['b'] = null; }

function inGlobal(?Unit $a, bool $c): string {
    global $b;
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    resetGlobal();
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 72\)$`
    }
    return '';
}

function inEval(?Unit $a, bool $c): string {
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    eval('$b = null;');
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 84\)$`
    }
    return '';
}

function inStatic(?Unit $a, bool $c, bool $inner): string {
    static $b;
    if ($inner) {
        $b = null;
        return '';
    }
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    inStatic(null, true, true);
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 101\)$`
    }
    return '';
}

function resetByRef(): void { $GLOBALS['byRef'] = null; }

function inByRef(?Unit $a, ?Unit &$b, bool $c): string {
    $b = $c ? new Unit() : null;
    if ($a === null && $b === null) {
        throw new \Exception();
    }
    resetByRef();
    if ($a === null) {
        return $b->name(); // want `^\$b may be null here \(ternary yields null at line 115\)$`
    }
    return '';
}

function testInArray(): void { inArray(null, true); }
function testInProperty(): void { inProperty(null, true); }
function testInClosure(): void { inClosure(null, true); }
function testInForeach(): void { inForeach(null, true); }
function testInGlobal(): void { inGlobal(null, true); }
function testInEval(): void { inEval(null, true); }
function testInStatic(): void { inStatic(null, true, false); }
function testInByRef(): void {
    $GLOBALS['byRef'] = null;
    inByRef(null, $GLOBALS['byRef'], true);
}
