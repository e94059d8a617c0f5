<?php // riskvet:run
// A comparison with null, loose or strict, narrows any value, typed or not:
// on the branch where the code itself just compared a value with null, a
// dereference is reported (sonar-php's S1697), and on the other branch the
// value is safe.
declare(strict_types=1);

class LooseNode {
    public int $id = 1;
    public function name(): string { return 'n'; }
}

function looseAnd($o): void {
    if ($o == null && $o->id) { // want `^\$o is null here \(checked null at line 14\)$`
        echo 'never';
    }
}

function looseOr($o): void {
    if ($o != null || $o->id) { // want `^\$o is null here \(checked null at line 20\)$`
        echo 'set';
    }
}

function looseTyped(?LooseNode $o): void {
    if ($o == null) {
        echo $o->name(); // want `^\$o is null here \(parameter \$o is \?LooseNode, checked null at line 26\)$`
    }
}

function strictUntyped($x): void {
    if ($x === null) {
        $x->name(); // want `^\$x is null here \(checked null at line 32\)$`
    }
}

function strictUntypedReversed($x): void {
    if (null !== $x) {
        return;
    }
    echo $x->id; // want `^\$x is null here \(checked null at line 38\)$`
}

function looseGuard($o): string {
    if ($o != null) {
        return $o->name(); // not reported: != null proves an object-or-truthy value
    }
    return '';
}

function looseReturn($o): string {
    if ($o == null) {
        return ''; // null, false, 0 and "" all leave here
    }
    return $o->name(); // not reported: == null with an exit
}

function looseProperty($o): void {
    if ($o == null || $o->id > 0) {
        echo 'ok'; // not reported: || only reads $o->id where $o != null
    }
}

function testLooseAnd(): void { looseAnd(null); }
function testLooseOr(): void { looseOr(null); }
function testLooseTyped(): void { looseTyped(null); }
function testStrictUntyped(): void { strictUntyped(null); }
function testStrictUntypedReversed(): void { strictUntypedReversed(null); }

function testLooseSafe(): void {
    foreach ([null, false, 0, '', new LooseNode()] as $v) {
        looseGuard($v);
        looseReturn($v);
        looseProperty($v);
    }
    looseAnd(new LooseNode());
    looseOr(new LooseNode());
    looseTyped(new LooseNode());
    strictUntyped(new LooseNode());
    strictUntypedReversed(new LooseNode());
}
