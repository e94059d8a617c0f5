<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// @phpstan-assert and @psalm-assert tags, with their -if-true and -if-false
// forms, narrow the argument or $this property they name, as the tag says.
declare(strict_types=1);

class Checked {
    public function name(): string { return 'c'; }
}

class Asserting {
    public ?Checked $current = null;

    /** @phpstan-assert !null $x */
    public static function notNull(?Checked $x): void {
        if ($x === null) {
            throw new InvalidArgumentException('null');
        }
    }

    /**
     * @psalm-assert Checked $value the value to check
     */
    public static function isChecked(?Checked $value): void {
        if (!$value instanceof Checked) {
            throw new InvalidArgumentException('not checked');
        }
    }

    /** @phpstan-assert-if-true !null $this->current */
    public function hasCurrent(): bool { return $this->current !== null; }

    /** @psalm-assert-if-true Checked $this->current */
    public function ready(): bool { return $this->current instanceof Checked; }

    public function useReady(): string {
        if ($this->ready()) {
            return $this->current->name(); // not reported: -if-true on $this->current
        }
        return '';
    }
}

/** @phpstan-assert-if-true null $x */
function isAbsent(?Checked $x): bool { return $x === null; }

/** @phpstan-assert-if-true =Checked $x */
function isNamed(?Checked $x): bool { return $x !== null && $x->name() !== ''; }

/** @psalm-assert-if-false !null $x */
function missing(?Checked $x): bool { return $x === null; }

class Wire {
    public $target;
    public bool $open = false;

    /** @phpstan-assert-if-true !null $this->target */
    public function usable(): bool { return $this->target !== null && $this->open; }
}

class Overriding extends Asserting {
    /** @inheritDoc */
    public function hasCurrent(): bool { return $this->current !== null; }
}

function inherited(Overriding $o): string {
    if ($o->hasCurrent()) {
        return $o->current->name(); // not reported: the override inherits the parent's tag
    }
    return '';
}

function notUsable(Wire $l): string {
    if (!$l->usable()) {
        return $l->target->name(); // not reported: false may mean closed, so the negation never makes a value null
    }
    return '';
}

function afterNotNull(?Checked $x): string {
    Asserting::notNull($x);
    return $x->name(); // not reported: @phpstan-assert !null
}

function afterNamedArgument(?Checked $x): string {
    Asserting::notNull(x: $x);
    return $x->name(); // not reported: the named argument is the asserted one
}

function afterIsChecked(?Checked $x): string {
    Asserting::isChecked($x);
    return $x->name(); // not reported: @psalm-assert Checked
}

function hasCurrentTrue(Asserting $h): string {
    if ($h->hasCurrent()) {
        return $h->current->name(); // not reported: -if-true !null
    }
    return '';
}

function hasCurrentFalseExit(Asserting $h): string {
    if (!$h->hasCurrent()) {
        return '';
    }
    return $h->current->name(); // not reported: the false branch left
}

function hasCurrentStored(Asserting $h): string {
    $ok = $h->hasCurrent();
    return $ok ? $h->current->name() : ''; // not reported: the test is stored
}

function hasCurrentFalseUsed(Asserting $h): string {
    if (!$h->hasCurrent()) {
        return $h->current->name(); // want `\$h->current may be null here \(property Asserting::\$current is \?Checked\)`
    }
    return '';
}

function absentFalse(?Checked $x): string {
    if (isAbsent($x)) {
        return '';
    }
    return $x->name(); // not reported: -if-true null, negated on the false branch
}

function absentTrueUsed(?Checked $x): string {
    if (isAbsent($x)) {
        return $x->name(); // want `^\$x is null here \(parameter \$x is \?Checked\)$`
    }
    return '';
}

function namedTrue(?Checked $x): string {
    if (!isNamed($x)) {
        return '';
    }
    return $x->name(); // not reported: -if-true =Checked
}

function namedFalseUsed(?Checked $x): string {
    if (isNamed($x)) {
        return 'named';
    }
    return $x->name(); // want `\$x may be null here \(parameter \$x is \?Checked\)`
}

function missingFalse(?Checked $x): string {
    if (missing($x)) {
        return '';
    }
    return $x->name(); // not reported: -if-false !null
}

function testAssertNull(): void {
    foreach (['afterNotNull', 'afterNamedArgument', 'afterIsChecked'] as $f) {
        try {
            $f(null);
        } catch (InvalidArgumentException $e) {
            // the assertion stops null before the dereference
        }
    }
    $h = new Asserting();
    hasCurrentTrue($h);
    hasCurrentFalseExit($h);
    hasCurrentStored($h);
    $h->useReady();
    absentFalse(null);
    namedTrue(null);
    missingFalse(null);
}

function testAssertValue(): void {
    $c = new Checked();
    afterNotNull($c);
    afterNamedArgument($c);
    afterIsChecked($c);
    $h = new Asserting();
    $h->current = $c;
    hasCurrentTrue($h);
    hasCurrentFalseExit($h);
    hasCurrentStored($h);
    hasCurrentFalseUsed($h);
    $h->useReady();
    absentFalse($c);
    absentTrueUsed($c);
    namedTrue($c);
    namedFalseUsed($c);
    missingFalse($c);
    $l = new Wire();
    $l->target = $c;
    notUsable($l);
    $o = new Overriding();
    inherited($o);
    $o->current = $c;
    inherited($o);
}

function testHasCurrentFalseUsed(): void { hasCurrentFalseUsed(new Asserting()); }
function testAbsentTrueUsed(): void { absentTrueUsed(null); }
function testNamedFalseUsed(): void { namedFalseUsed(null); }
