<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Evidence levels: by default only nulls the code itself shows are
// reported; a nullable type that no body backs is declared only and waits
// for -nullderef.strict (see strict_init.php).
declare(strict_types=1);

namespace App\Evidence;

class Item {
    public function name(): string { return 'i'; }
}

class NotFound extends \RuntimeException {}

// A container whose get() is declared ?object but throws instead of
// returning null.
class Container {
    /** @var array<string, object> */
    private array $services = [];

    public function set(string $id, object $service): void {
        $this->services[$id] = $service;
    }

    public function get(string $id): ?object {
        if (!isset($this->services[$id])) {
            throw new NotFound($id);
        }
        return $this->services[$id];
    }
}

function fromContainer(Container $c): string {
    return $c->get('item')->name(); // not reported: get() never returns null as written
}

function testContainer(): void {
    $c = new Container();
    $c->set('item', new Item());
    fromContainer($c);
}

class Shelf {
    private ?Item $top = null;
    private ?Shelf $below = null;

    /** @return Item|null */
    public function topOrNew() {
        return $this->top ?? new Item();
    }

    public function find(string $name): ?Item {
        if ($name === 'top') {
            return $this->top;
        }
        return null;
    }

    public function pick(bool $first): ?Item {
        $found = null;
        if ($first) {
            $found = new Item();
        }
        return $found;
    }

    public function belowTop(): ?Item {
        return $this->below?->top;
    }
}

function docOnly(): string {
    return (new Shelf())->topOrNew()->name(); // not reported: the @return admits null, the body never returns it
}

function testDocOnly(): void { docOnly(); }

function shownLiteral(): string {
    return (new Shelf())->find('x')->name(); // want `^\(new Shelf\(\)\)->find\(\) may be null here \(Shelf::find\(\) returns null at evidence\.php:56\)$`
}

function testShownLiteral(): void { shownLiteral(); }

function shownLocal(): string {
    $i = (new Shelf())->pick(false);
    return $i->name(); // want `^\$i may be null here \(Shelf::pick\(\) returns null at evidence\.php:64\)$`
}

function testShownLocal(): void { shownLocal(); }

function shownNullsafe(): string {
    return (new Shelf())->belowTop()->name(); // want `^\(new Shelf\(\)\)->belowTop\(\) may be null here \(Shelf::belowTop\(\) returns null at evidence\.php:68\)$`
}

function testShownNullsafe(): void { shownNullsafe(); }

abstract class Source {
    abstract public function current(): ?Item;
}

class ListSource extends Source {
    public function current(): ?Item { return new Item(); }
}

function fromAbstract(Source $s): string {
    return $s->current()->name(); // not reported: an abstract method only declares ?Item
}

function testAbstract(): void { fromAbstract(new ListSource()); }

function ownParam(?Item $i): string {
    return $i->name(); // want `^\$i may be null here \(parameter \$i is \?Item\)$`
}

function testOwnParam(): void { ownParam(null); }

// A lazy getter that always loads the property returns it non-null; one
// that may fail to load returns it as null as the property is.
class Loader {
    private ?Item $item = null;

    public function item(): ?Item {
        if ($this->item === null) {
            $this->item = new Item();
        }
        return $this->item;
    }

    public function tryItem(bool $load): ?Item {
        if ($this->item === null && $load) {
            $this->item = new Item();
        }
        return $this->item;
    }
}

function lazy(): string {
    return (new Loader())->item()->name(); // not reported: item() loads it on every path
}

function testLazy(): void { lazy(); }

function tryLazy(): string {
    return (new Loader())->tryItem(false)->name(); // want `^\(new Loader\(\)\)->tryItem\(\) may be null here \(Loader::tryItem\(\) returns \?Item\)$`
}

function testTryLazy(): void { tryLazy(); }
