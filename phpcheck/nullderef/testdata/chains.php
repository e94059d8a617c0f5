<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Nullsafe chains, method chains and static calls.
declare(strict_types=1);

class Bar {
    public function baz(): string { return 'baz'; }
    public function maybe(): ?Bar { return null; }
    public function self(): Bar { return $this; }
}

class Foo {
    public ?Bar $bar = null;
    public Bar $sure;
    public function __construct() { $this->sure = new Bar(); }
    public function bar(): Bar { return new Bar(); }
    public function maybeBar(): ?Bar { return null; }
}

function maybeFoo(): ?Foo { return null; }

function testNullsafeShortCircuits(): void {
    $f = maybeFoo();
    echo $f?->bar()->baz(); // not reported: ?-> skips the rest of the chain and bar() is non-null
    echo $f?->sure->baz(); // not reported: same, through a property
}

function testNullsafeThenNullable(): void {
    $f = new Foo();
    echo $f?->maybeBar()->baz(); // want col=10 `^\$f\?->maybeBar\(\) may be null here \(Foo::maybeBar\(\) returns null at chains\.php:16\)$`
}

function testChainMiddle(): void {
    (new Foo())->bar()->maybe()->baz(); // want `^\(new Foo\(\)\)->bar\(\)->maybe\(\) may be null here \(Bar::maybe\(\) returns null at chains\.php:7\)$`
}

function testChainProperty(): void {
    $f = new Foo();
    $f->bar()->self()->maybe()->self(); // want `^\$f->bar\(\)->self\(\)->maybe\(\) may be null here`
}

function testNullsafeStored(): void {
    $f = maybeFoo();
    $b = $f?->bar();
    $b->baz(); // want `^\$b may be null here \(\?-> yields null at line 43\)$`
}

function testNullsafeLinks(): void {
    $f = new Foo();
    echo $f->bar?->baz(); // not reported: the nullsafe link itself
    echo $f?->bar?->maybe()?->baz(); // not reported: every link is nullsafe
}

class Registry {
    public static function lookup(string $k): ?Foo { return null; }
    public static function must(string $k): Foo { return new Foo(); }
}

function testStaticChain(): void {
    Registry::must('a')->bar()->baz(); // not reported: non-null all the way
    Registry::lookup('a')->bar(); // want col=5 `^Registry::lookup\(\) may be null here \(Registry::lookup\(\) returns null at chains\.php:54\)$`
}

function testOncePerSite(): void {
    $f = maybeFoo();
    $f->bar(); // want `^\$f may be null here \(maybeFoo\(\) returns null at chains\.php:19\)$`
    $f->bar(); // not reported: reported once, PHP would have thrown already
}
