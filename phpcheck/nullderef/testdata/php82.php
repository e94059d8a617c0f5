<?php // riskvet:run // riskvet:flags -nullderef.level=shown
declare(strict_types=1);

// PHP 8.2 syntax, and PHP 8.1 syntax that php-parser v0.8.2 misreads, each
// followed on its line by a finding whose column proves that positions
// after the construct are the file's own.

interface Named
{
    public function name(): string;
}

interface Numbered
{
    public function id(): int;
}

final class Item implements Named, Numbered
{
    public function name(): string { return 'item'; }
    public function id(): int { return 1; }
}

// A readonly class (PHP 8.2) with a DNF return type (PHP 8.2): the |null
// keeps the type nullable.
readonly final class Shelf
{
    public function __construct(public int $size = 1) {}
    public function find(int $id): (Named&Numbered)|null { return $id === 1 ? new Item() : null; }
}

function testDnfReturn(): void
{
    $s = new Shelf(); $i = $s->find(2); echo $i->name(); // want col=46 `\$i may be null here \(Shelf::find\(\) returns null at php82.php:29\)`
}

function testDnfParameter(): void
{
    $check = fn ((Named&Numbered)|null $x): bool => $x !== null; $i = null; echo $i->name(); // want col=82 `\$i is null here \(assigned null at line 39\)`
}

// Keywords as enum case names (PHP 8.1).
enum Mode: string
{
    case Default = 'default';
    case List = 'list';
    public const Fallback = self::Default;
}

// A class named Enum: "enum" is a keyword only before a name (PHP 8.1).
final class Enum
{
    public ?Item $item = null;
    public static function pick(Mode $m): ?self { return $m === Mode::List ? new self() : null; }
}

function testEnumCases(): void
{
    $e = Enum::pick(Mode::Default); echo $e->item; // want col=42 `\$e may be null here \(Enum::pick\(\) returns null at php82.php:54\)`
}

// A function named readonly (PHP 8.2 reads it as a name before "(").
function readonly(): ?Item { return null; }

function testReadonlyFunction(): void
{
    echo readonly()->name(); // want col=10 `readonly\(\) may be null here \(readonly\(\) returns null at php82.php:63\)`
}

#[Attribute]
final class Pure {}

function testAttributeOnStaticClosure(): void
{
    $f = #[Pure] static fn (): int => 1; $i = null; echo $f(), $i->name(); // want col=64 `\$i is null here \(assigned null at line 75\)`
}

// A constant in a trait (PHP 8.2) and standalone true and null types.
trait Limits
{
    public const MAX = 3;
    public function ok(): true { return true; }
}

function none(): null { return null; }

function testStandaloneNull(): void
{
    echo none()->name(); // want col=10 `none\(\) may be null here \(none\(\) returns null at php82.php:85\)`
}

// A DNF property type is shown as declared.
final class Slot
{
    public (Named&Numbered)|null $item = null;
}

function testDnfProperty(): void
{
    $s = new Slot(); echo $s->item->name(); // want col=27 `\$s->item may be null here \(property Slot::\$item is \(Named&Numbered\)\|null\)`
}
