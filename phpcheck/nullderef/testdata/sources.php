<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Every source of null the check knows, each dereferenced once on a path
// where PHP really fails.
declare(strict_types=1);

class Node {
    public ?Node $next = null;
    /** @var Node|null */
    public $docNext = null;
    public function __construct(public ?Node $parent = null) {}
    public function name(): string { return 'n'; }
    public function parentOrNull(): ?Node { return $this->parent; }
    public function unionParent(): Node|null { return $this->parent; }
    /** @return Node|null the parent, if any */
    public function docParent() { return $this->parent; }
    public function untyped() { if ($this->parent === null) { return null; } return $this->parent; }
    public static function make(bool $ok): ?static { return $ok ? new static() : null; }
    public function selfNext(): ?self { return $this->next; }
}

function maybeNode(bool $ok): ?Node { return $ok ? new Node() : null; }

/** @return ?Node */
function docNode() { return null; }

function legacyNode(bool $ok) {
    if (!$ok) {
        return null;
    }
    return new Node();
}

function testLiteral(): void {
    $n = null;
    $n->name(); // want col=5 `^\$n is null here \(assigned null at line 34\)$`
}

function nullableParam(?Node $n): string {
    return $n->name(); // want `^\$n may be null here \(parameter \$n is \?Node\)$`
}
function testNullableParam(): void { nullableParam(null); }

function unionParam(Node|null $n): string {
    return $n->name(); // want `^\$n may be null here \(parameter \$n is Node\|null\)$`
}
function testUnionParam(): void { unionParam(null); }

function defaultParam(Node $n = null): string {
    return $n->name(); // want `^\$n may be null here \(parameter \$n is Node = null\)$`
}
function testDefaultParam(): void { defaultParam(); }

function testFunctionReturn(): void {
    maybeNode(false)->name(); // want col=5 `^maybeNode\(\) may be null here \(maybeNode\(\) returns null at sources\.php:21\)$`
}

function testDocReturn(): void {
    $n = docNode();
    $n->name(); // want `^\$n may be null here \(docNode\(\) returns null at sources\.php:24\)$`
}

function testUntypedReturnsNull(): void {
    $n = legacyNode(false);
    $n->name(); // want `^\$n may be null here \(legacyNode\(\) returns null at sources\.php:28\)$`
}

function testMethodReturn(): void {
    $n = new Node();
    $n->parentOrNull()->name(); // want col=5 `^\$n->parentOrNull\(\) may be null here \(Node::parentOrNull\(\) returns \?Node\)$`
}

function testUnionReturn(): void {
    $p = (new Node())->unionParent();
    $p->name(); // want `^\$p may be null here \(Node::unionParent\(\) returns Node\|null\)$`
}

function testDocMethod(): void {
    $p = (new Node())->docParent();
    $p->name(); // want `^\$p may be null here \(Node::docParent\(\) returns Node\|null per @return\)$`
}

function testUntypedMethod(): void {
    $p = (new Node())->untyped();
    $p->name(); // want `^\$p may be null here \(Node::untyped\(\) returns null at sources\.php:16\)$`
}

function testStaticMethod(): void {
    $n = Node::make(false);
    $n->name(); // want `^\$n may be null here \(Node::make\(\) returns null at sources\.php:17\)$`
}

function testSelfReturn(): void {
    $n = new Node();
    $n->selfNext()->selfNext(); // want `Node::selfNext\(\) returns \?self`
}

function testTypedProperty(): void {
    $n = new Node();
    $n->next->name(); // want `^\$n->next may be null here \(property Node::\$next is \?Node\)$`
}

function testDocProperty(): void {
    $n = new Node();
    $n->docNext->name(); // want `^\$n->docNext may be null here \(property Node::\$docNext is Node\|null per @var\)$`
}

function testPromotedProperty(): void {
    $n = new Node();
    $n->parent->name(); // want `^\$n->parent may be null here \(property Node::\$parent is \?Node\)$`
}

function testPropertyRead(): void {
    $n = new Node();
    echo $n->next->next; // want `^\$n->next may be null here`
}

function testTernaryArm(): void {
    $ok = false;
    $n = $ok ? new Node() : null;
    $n->name(); // want `^\$n may be null here \(ternary yields null at line 119\)$`
}

function testMatchArm(): void {
    $k = 2;
    $n = match ($k) {
        1 => new Node(),
        default => null,
    };
    $n->name(); // want `^\$n may be null here \(match arm yields null at line 127\)$`
}

function testAfterBranch(): void {
    $n = null;
    if (time() < 0) {
        $n = new Node();
    }
    $n->name(); // want `^\$n may be null here \(assigned null at line 133\)$`
}

function testAfterLoop(): void {
    $n = null;
    foreach ([] as $unused) {
        $n = new Node();
    }
    $n->name(); // want `^\$n may be null here \(assigned null at line 141\)$`
}

function testAfterTry(): void {
    $n = null;
    try {
        throw new RuntimeException('x');
        $n = new Node();
    } catch (RuntimeException $e) {
        echo '';
    }
    $n->name(); // want `^\$n is null here \(assigned null at line 149\)$`
}

function testCoalesceNull(): void {
    $a = [];
    $n = $a['k'] ?? null;
    $n->name(); // want `^\$n may be null here \(\?\? yields null at line 161\)$`
}

function testNullsafeResult(): void {
    $n = new Node();
    $p = $n->next?->parent;
    $p->name(); // want `^\$p may be null here \(\?-> yields null at line 167\)$`
}

class Holder {
    private ?Node $node = null;
    public function run(): string {
        return $this->node->name(); // want col=16 `^\$this->node may be null here \(property Holder::\$node is \?Node\)$`
    }
    private static ?Holder $instance = null;
    public static function get(): string {
        return self::$instance->run(); // want `^self::\$instance may be null here \(property Holder::\$instance is \?Holder\)$`
    }
}
function testThisProperty(): void { (new Holder())->run(); }
function testStaticProperty(): void { Holder::get(); }

function untypedDefault($n = null): string {
    return $n->name(); // want `^\$n may be null here \(parameter \$n defaults to null\)$`
}
function testUntypedDefault(): void { untypedDefault(); }

enum Suit: string {
    case Hearts = 'H';
    public function label(): string { return 'h'; }
}

function testTryFrom(): void {
    Suit::tryFrom('X')->label(); // want `^Suit::tryFrom\(\) may be null here \(Suit::tryFrom\(\) returns \?static\)$`
}

function testFrom(): void {
    echo Suit::from('H')->label(); // not reported: from() throws rather than return null
    echo Suit::Hearts->label(); // not reported: an enum case
}
