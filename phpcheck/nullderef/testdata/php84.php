<?php // riskvet:flags -nullderef.level=shown
declare(strict_types=1);

// PHP 8.4 syntax, each followed on its line by a finding whose column
// proves that positions after the construct are the file's own. php-cli
// here is 8.2, so this file does not run; package scan's tests hold its
// expected tokens.

final class Account
{
    // Asymmetric visibility.
    public private(set) ?Account $parent = null; protected(set) string $owner = '';

    // Property hooks; the rest of the file is checked whatever the hooks hold.
    public string $label {
        get => strtoupper($this->raw);
        set(string $value) { $this->raw = $value; }
    }
    private string $raw = '';
    public int $limit = 3 { set => max(0, $value); }

    public static function load(): ?Account { return null; }
}

// A hook body is checked as a method of its class.
final class Chain
{
    public ?Chain $next = null;
    public string $name = '';
    public string $title {
        get => $this->next->name; // want col=16 `\$this->next may be null here \(property Chain::\$next is \?Chain\)`
        set(string $value) { $this->name = $value; } // negative: nothing here may be null
    }
}

// A promoted constructor parameter's hooks are checked the same way.
final class Pair
{
    public ?Pair $other = null;
    public function __construct(public string $key { get => $this->other->key; }) {} // want col=61 `\$this->other may be null here \(property Pair::\$other is \?Pair\)`
}

function testAsymmetricVisibility(): void
{
    $a = Account::load(); echo $a->parent; // want col=32 `\$a may be null here \(Account::load\(\) returns null at php84.php:22\)`
}

function testHookedProperty(): void
{
    $a = Account::load(); echo $a->label; // want col=32 `\$a may be null here`
}

function testNewWithoutParentheses(): void
{
    $p = new Account()->parent; echo $p->parent; // want col=38 `\$p may be null here \(property Account::\$parent is \?Account\)`
}

function testNewChainIsNotNull(): void
{
    echo new Account()->label; // negative: a new object is never null
}

function testExitAsCallable(): void
{
    $stop = exit(...); $a = Account::load(); echo $a->owner; // want col=51 `\$a may be null here`
}
