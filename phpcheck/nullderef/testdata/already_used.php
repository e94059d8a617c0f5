<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// A value passed to a parameter declared with a class or interface type
// without null is not null afterwards: PHP would have thrown a TypeError
// at the call. A nullable, defaulted-to-null, scalar or untyped parameter
// proves nothing.
declare(strict_types=1);

interface TreeNode {
    public function name(): string;
}

class TreeElement implements TreeNode {
    public ?TreeNode $parent = null;
    public function __construct(?TreeNode $parent = null) { $this->parent = $parent; }
    public function name(): string { return 'e'; }
    public function adopt(TreeNode $n): void { $this->parent = $n; }
}

class TreeChild {
    public function __construct(public TreeNode $parent) {}
}

class TreeCursor {
    public ?TreeNode $node = null;
}

function describe(TreeNode $n): string { return $n->name(); }
function describeMaybe(?TreeNode $n): string { return $n === null ? '' : $n->name(); }
function describeDefault(TreeNode $n = null): string { return $n === null ? '' : $n->name(); }
function describeAny($n): string { return is_object($n) ? 'o' : ''; }

function passedToConstructor(TreeCursor $c): string {
    $child = new TreeChild($c->node);
    return $c->node->name() . $child->parent->name(); // not reported: new TreeChild() took $c->node as TreeNode
}

function passedToFunction(TreeCursor $c): string {
    describe($c->node);
    return $c->node->name(); // not reported: describe() took it as TreeNode
}

function passedByName(TreeCursor $c): string {
    describe(n: $c->node);
    return $c->node->name(); // not reported: the named argument is the TreeNode parameter
}

function passedToMethod(TreeCursor $c, TreeElement $e): string {
    $e->adopt($c->node);
    return $c->node->name(); // not reported: adopt() took it as TreeNode
}

function passedToNullable(TreeCursor $c): string {
    describeMaybe($c->node);
    return $c->node->name(); // want `^\$c->node may be null here \(property TreeCursor::\$node is \?TreeNode\)$`
}

function passedToDefault(TreeCursor $c): string {
    describeDefault($c->node);
    return $c->node->name(); // want `^\$c->node may be null here \(property TreeCursor::\$node is \?TreeNode\)$`
}

function passedToUntyped(TreeCursor $c): string {
    describeAny($c->node);
    return $c->node->name(); // want `^\$c->node may be null here \(property TreeCursor::\$node is \?TreeNode\)$`
}

function testClean(): void {
    $c = new TreeCursor();
    $c->node = new TreeElement();
    passedToConstructor($c);
    passedToFunction($c);
    passedByName($c);
    passedToMethod($c, new TreeElement());
}

function testNullable(): void {
    passedToNullable(new TreeCursor());
}

function testDefault(): void {
    passedToDefault(new TreeCursor());
}

function testUntyped(): void {
    passedToUntyped(new TreeCursor());
}
