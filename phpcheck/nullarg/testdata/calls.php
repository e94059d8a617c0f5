<?php // riskvet:run
// How an argument reaches its parameter: by name and out of order, into a
// union type, through parent::, self:: and static::. PHP checks the
// parameter on entry whichever way the call names it.
namespace NullArg\Calls;

function labelled(int $count, string $label): string { return $label . $count; }

function either(int|string $key): string { return (string) $key; }

function implicit(int $n = null): int { return $n ?? 0; }

function orNull(int|null $n): int { return $n ?? 0; }

class Base {
    public function __construct(public string $name) {}

    public static function make(string $name): static { return new static($name); }
}

final class Child extends Base {
    public function __construct(bool $ready) {
        $name = null;
        if ($ready) {
            $name = 'ready';
        }
        parent::__construct($name); // want `^\$name may be null here, passed to \$name \(string\) of Base::__construct\(\): a TypeError \(assigned null at line 23\)$`
    }

    public static function viaSelf(): Base {
        $name = null;
        return self::make($name); // want `^\$name is null here, passed to \$name \(string\) of Base::make\(\): a TypeError \(assigned null at line 31\)$`
    }

    public static function viaStatic(): Base {
        $name = null;
        return static::make($name); // want `^\$name is null here, passed to \$name \(string\) of Base::make\(\): a TypeError \(assigned null at line 36\)$`
    }
}

function byName(): string {
    $label = null;
    return labelled(label: $label, count: 1); // want `^\$label is null here, passed to \$label \(string\) of labelled\(\): a TypeError \(assigned null at line 42\)$`
}

function intoUnion(): string {
    $key = null;
    return either($key); // want `^\$key is null here, passed to \$key \(int\|string\) of either\(\): a TypeError \(assigned null at line 47\)$`
}

// Negatives: a default of null makes the type nullable, and a union with
// null takes it; a named argument lands in its own parameter.
function quiet(): int {
    $n = null;
    $label = 'x';
    labelled(label: $label, count: 2);
    return implicit($n) + orNull($n);
}

function testParent(): void { new Child(false); }
function testSelf(): void { Child::viaSelf(); }
function testStatic(): void { Child::viaStatic(); }
function testByName(): void { byName(); }
function testUnion(): void { intoUnion(); }
function testQuiet(): void {
    quiet();
    new Child(true);
}
