<?php // riskvet:flags -nullderef.level=shown
declare(strict_types=1);

// PHP 8.3 syntax, each followed on its line by a finding whose column
// proves that positions after the construct are the file's own. php-cli
// here is 8.2, so this file does not run; package scan's tests hold its
// expected tokens.

final class Settings
{
    // Typed class constants.
    public const string PREFIX = 'app'; public ?Settings $parent = null;
    const ?int LIMIT = null;

    public static function load(): ?Settings { return null; }
}

function testTypedConstant(): void
{
    $s = Settings::load(); echo Settings::PREFIX, $s->parent; // want col=51 `\$s may be null here \(Settings::load\(\) returns null at php83.php:15\)`
}

function testDynamicConstantFetch(string $name): void
{
    $s = Settings::load(); echo Settings::{$name}, $s->parent; // want col=52 `\$s may be null here`
}

function testReadonlyAnonymousClass(): void
{
    $o = new readonly class { public function __construct(public int $n = 1) {} }; $s = null; echo $o->n, $s->parent; // want col=107 `\$s is null here \(assigned null at line 30\)`
}
