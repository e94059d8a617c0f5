<?php // riskvet:run
declare(strict_types=1); // riskvet:flags -undefinedindex.strict

// The guards that prove a key of a known shape exists.

function testCount(): void
{
    $p = explode('@', 'nobody');
    if (count($p) > 1) {
        echo $p[1]; // negative: count > 1
    }
    if (2 <= count($p)) {
        echo $p[1]; // negative: 2 <= count
    }
    if (count($p) == 2) {
        echo $p[1]; // negative: == 2
    }
    if (count($p) !== 2) {
        echo $p[1]; // want `\$p\[1\] may be undefined`
    } else {
        echo $p[1]; // negative: the else branch of !== 2
    }
    if (count($p) > 2) {
        echo $p[2]; // negative: three elements at least
    }
}

function testInArrayKeys(): void
{
    $u = parse_url('/path');
    if (in_array('host', array_keys($u), true)) {
        echo $u['host']; // negative: in_array over array_keys
    }
    if (key_exists('query', $u)) {
        echo $u['query']; // negative: key_exists
    }
    if (!empty($u['fragment'])) {
        echo $u['fragment']; // negative: !empty
    }
}

function testNotEmptyArray(): void
{
    $u = parse_url('/path');
    if (!$u || $u['host'] === '') { // want `\$u\['host'\] may be undefined`
        return;
    }
    $m = [];
    preg_match('/(a)/', 'b', $m);
    if (!$m) {
        return;
    }
    echo $m[0]; // negative: a non-empty list has key 0
}

function testEarlyExit(): void
{
    $u = parse_url('/path');
    if (!isset($u['path'])) {
        throw new \InvalidArgumentException('no path');
    }
    echo $u['path']; // negative: early exit on !isset
    isset($u['scheme']) || die('no scheme');
    echo $u['scheme']; // not reached: die above ends the test
}

function testDestructuringDefaults(): void
{
    [$user, $host] = explode('@', 'nobody') + [null, 'localhost'];
    echo $user, $host; // negative: + supplies the missing key
    ['path' => $path, 'host' => $h] = parse_url('/p') + ['path' => '/', 'host' => ''];
    echo $path, $h; // negative: + supplies both keys
}

function testContains(): void
{
    $line = 'no separator';
    if (strpos($line, ':') !== false) {
        [$name, $value] = explode(':', $line, 2); // negative: the delimiter is there
        echo $name, $value;
    }
    if (str_contains($line, '=')) {
        echo explode('=', $line)[1]; // negative: str_contains
    }
    if (strpos($line, ';') === false) {
        return;
    }
    echo explode(';', $line)[1]; // negative: early exit when it is missing
}

function testResultVariable(): void
{
    $ok = preg_match('/(\d+)/', 'none', $m);
    if (!$ok) {
        echo 'no match';
    } else {
        echo $m[1]; // negative: the variable holds preg_match's result
    }
    $n = count(explode(',', 'a'));
    $parts = explode(',', 'a');
    $k = count($parts);
    if ($k >= 2) {
        echo $parts[1], $n; // negative: the variable holds count()
    }
}

function failIf(bool $cond): void
{
    if ($cond) {
        throw new \RuntimeException('bad input');
    }
}

class Api
{
    protected function dieIf(bool $cond): void
    {
        if ($cond) {
            throw new \RuntimeException('bad continuation');
        }
    }

    public function run(string $cont): string
    {
        $parts = explode('|', $cont);
        $this->dieIf(count($parts) !== 2);
        return $parts[1]; // negative: dieIf returns only when the count is 2
    }
}

function testGuardFunctions(): void
{
    $p = explode('@', 'a@b');
    failIf(count($p) < 2);
    echo $p[1]; // negative: failIf returns only when there are two pieces
    echo (new Api())->run('a|b');
}

function testMoreContains(): void
{
    $head = "a: b\r\n\r\nbody";
    if (strpos($head, "\r\n\r\n")) {
        [$headers, $body] = explode("\r\n\r\n", $head, 2); // negative: a double-quoted delimiter with escapes
        echo $headers, $body;
    }
    $server = 'db:3306';
    if (substr_count($server, ':') == 1) {
        [$host, $port] = explode(':', $server); // negative: substr_count
        echo $host, $port;
    }
}

/**
 * @psalm-assert list{string, string} $value
 */
function assertPair(mixed $value): void
{
    if (!is_array($value) || count($value) !== 2) {
        throw new \InvalidArgumentException('not a pair');
    }
}

function testAssertions(): void
{
    $parts = explode(':', 'a:b', 2);
    assertPair($parts);
    echo $parts[1]; // negative: the assertion gives $parts two elements
    $u = parse_url('/p');
    if (isset($u['path']) === true) {
        echo $u['path']; // negative: isset(...) === true
    }
    if (isset($u['query']) === false) {
        return;
    }
    echo $u['query']; // not reached: the early exit above
}

function testEmptyPattern(): void
{
    preg_match('//', '', $m);
    echo $m[0]; // negative: an empty pattern matches every subject
}

function testBuiltString(): void
{
    foreach (['a', 'b:c'] as $option) {
        if (strpos($option, ':') === false) {
            $option = "$option:$option";
        }
        [$label, $value] = explode(':', $option); // negative: either path holds a ':'
        echo $label, $value;
    }
}

/**
 * @phpstan-assert array{foo: string} $v
 */
function hasFoo(array $v): void
{
    if (!isset($v['foo'])) {
        throw new \InvalidArgumentException('no foo');
    }
}

/**
 * @phpstan-assert array{bar: int} $v
 */
function hasBar(array $v): void
{
    if (!isset($v['bar'])) {
        throw new \InvalidArgumentException('no bar');
    }
}

function testAssertionsAddUp(): void
{
    $d = ['foo' => 'x', 'bar' => 1];
    hasFoo($d);
    hasBar($d);
    echo $d['foo'], $d['bar']; // negative: each assertion adds its key
}
