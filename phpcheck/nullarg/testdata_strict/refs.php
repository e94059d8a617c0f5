<?php // riskvet:run
// Run with -nullderef.strict (TestStrict). A variable bound by reference to
// a property is that property: writing null to it undoes a guard of the
// property, and writing the property changes the variable.
namespace NullArg\Refs;

class Cell {
    public ?string $text = null;
}

function shout(string $s): string { return strtoupper($s); }

function clearedThroughRef(Cell $c): string {
    $slot = &$c->text;
    if ($c->text !== null) {
        $slot = null;
        return shout($c->text); // want `^\$c->text may be null here, passed to \$s \(string\) of shout\(\): a TypeError \(property Cell::\$text is \?string\)$`
    }
    return '';
}

function unrelated(Cell $c, Cell $d): string {
    $slot = &$d->text;
    if ($c->text !== null) {
        $slot = null;
        return shout($c->text); // not reported: $slot is $d's text
    }
    return '';
}

function testCleared(): void {
    $c = new Cell();
    $c->text = 'a';
    clearedThroughRef($c);
}
function testOthers(): void {
    $c = new Cell();
    $c->text = 'a';
    unrelated($c, new Cell());
}
