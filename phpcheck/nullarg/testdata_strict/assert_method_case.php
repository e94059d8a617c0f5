<?php // riskvet:run
// Run with -nullderef.strict (TestStrict). PHP's method names are
// case-insensitive: an assertion that names a method in other letters
// than the call narrows the same path.
namespace NullArg\AssertMethodCase;

class Slot {
    public function __construct(private ?Shelf $shelf, private bool $open = true) {}

    public function getShelf(): ?Shelf { return $this->open ? $this->shelf : null; }

    /** @phpstan-assert-if-true !null $this->getshelf() */
    public function isPlaced(): bool { return $this->getShelf() !== null; }
}

class Shelf {}

function label(Shelf $s): string { return 'shelf'; }

function describe(Slot $slot): string {
    if ($slot->isPlaced()) {
        return label($slot->getShelf()); // not reported: the assertion covers getShelf()
    }
    return 'loose';
}

function describeUnchecked(Slot $slot): string {
    return label($slot->getShelf()); // want `^\$slot->getShelf\(\) may be null here, passed to \$s \(Shelf\) of label\(\): a TypeError \(Slot::getShelf\(\) returns null at assert_method_case.php:10\)$`
}

function testDescribe(): void {
    describe(new Slot(new Shelf()));
    describe(new Slot(null));
}
function testUnchecked(): void { describeUnchecked(new Slot(null)); }
