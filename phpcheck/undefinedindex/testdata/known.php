<?php // riskvet:run
declare(strict_types=1);

// Arrays whose keys are known in the same function.

function testLiteral(): void
{
    $opts = ['color' => 'red', 'size' => 2];
    echo $opts['colour']; // want col=10 `^\$opts\['colour'\] is not a key of \$opts \(keys: 'color', 'size'\)$`
    echo $opts['color']; // negative: a key it has
}

function testList(): void
{
    $xs = array(10, 20, 'k' => 30, 40);
    echo $xs[1], $xs['k'], $xs[2]; // negative: auto-indexed keys 0, 1, 2
    echo $xs[3]; // want `\$xs\[3\] is not a key of \$xs \(keys: 'k', 0, 1, 2\)`
    echo $xs['1']; // negative: '1' is the integer key 1
}

function testEmpty(): void
{
    $a = [];
    echo $a['x']; // want `is not a key of \$a \(it has none\)`
}

function testAssignedKey(): void
{
    $a = ['x' => 1];
    $a['y'] = 2;
    echo $a['y']; // negative: written at a constant key
    $a['z'][] = 3;
    echo count($a['z']); // negative: created by the nested write
    unset($a['x']);
    echo $a['x']; // want `\$a\['x'\] is not a key of \$a`
}

function testSomePath(): void
{
    somePath(true);
}

function somePath(bool $flag): void
{
    $a = ['x' => 1];
    if ($flag) {
        $a['y'] = 2;
    }
    if ($flag) {
        echo $a['y']; // negative: a key that exists on some path is not reported
    }
}

function testIsset(): void
{
    $a = ['x' => 1];
    if (isset($a['y'])) {
        echo $a['y']; // negative: guarded
    }
    echo $a['y'] ?? 0; // negative: ??
}

function testCopy(): void
{
    $a = ['x' => 1];
    $b = $a;
    echo $b['q']; // want `\$b\['q'\] is not a key of \$b \(keys: 'x'\)`
}

function testLoop(): void
{
    $a = ['x' => 1];
    foreach ([1, 2] as $i) {
        echo $a['x']; // negative: read in a loop that does not write $a
    }
    echo $a['nope']; // want `\$a\['nope'\] is not a key`
}

function testTrailingComma(): void
{
    $a = ['a' => 1, 2,];
    echo $a[0]; // negative: the implicit key
    echo $a[1]; // want `^\$a\[1\] is not a key of \$a \(keys: 'a', 0\)$`
}

function testNested(): void
{
    $cfg = ['db' => ['host' => 'localhost', 'port' => 3306], 'debug' => false];
    echo $cfg['db']['host']; // negative: a nested key it has
    echo $cfg['db']['user']; // want `^\$cfg\['db'\]\['user'\] is not a key of \$cfg\['db'\] \(keys: 'host', 'port'\)$`
    $cfg['db']['user'] = 'root';
    echo $cfg['db']['user']; // negative: written
    if (isset($cfg['cache']['ttl'])) {
        echo $cfg['cache']['ttl']; // negative: isset of the nested key
    }
    $db = $cfg['db'];
    echo $db['pass']; // want `\$db\['pass'\] is not a key of \$db`
}

function testComputedKeys(): void
{
    $a = [1 + 1 => 'x', 'pre' . 'fix' => 'y', true => 'z', 2.7 => 'w', -3 => 'v'];
    echo $a['prefix'], $a[1], $a[-3]; // negative: keys folded as PHP does
    echo $a[3]; // want `\$a\[3\] is not a key of \$a`
    echo $a[2.5]; // negative: 2.5 is key 2, which 2.7 wrote (deprecated, not an undefined key)
    $b = [null => 'n', false => 'f'];
    echo $b[''], $b[0]; // negative: null is key '', false key 0
    echo $b[1]; // want `\$b\[1\] is not a key of \$b \(keys: '', 0\)`
}

function dynamicLiteral(string $k): void
{
    $a = [$k => 1, 'fixed' => 2];
    echo $a['fixed']; // negative
    echo $a['other']; // negative: $k may be 'other'
}

function testDynamicLiteral(): void
{
    dynamicLiteral('other');
}

function testNegativeThenImplicit(): void
{
    $a = [-5 => 'a', 'b'];
    echo $a[-5]; // negative
    echo $a[0] ?? $a[-4]; // negative: PHP 8.3 gives 'b' key -4, earlier versions key 0
}

function takesCopy(array $a): int
{
    return count($a);
}

function takesRef(array &$a): void
{
    $a['late'] = 1;
}

function fill(mixed &$slot): void
{
    $slot = 'filled';
}

function testUserCalls(): void
{
    $x = ['a' => 1];
    takesCopy($x);
    echo $x['b']; // want `\$x\['b'\] is not a key of \$x \(keys: 'a'\)`
    takesRef($x);
    echo $x['late']; // negative: passed by reference, so unknown
    $y = ['a' => 1];
    fill($y['new']);
    echo $y['new']; // negative: a by-reference parameter creates the key
}

function testEmptyTruthiness(): void
{
    $as = [];
    if (!$as || $as[0] === 1) { // negative: $as[0] runs only when $as is non-empty, which it never is
        echo 'empty';
    }
    $bs = ['x' => 1];
    if (!$bs || $bs[0] === 1) { // want `\$bs\[0\] is not a key of \$bs`
        echo 'no key 0';
    }
}

function increment(mixed &$slot): void
{
    $slot = ($slot ?? 0) + 1;
}

function testNestedByRef(): void
{
    $data = ['apples' => []];
    increment($data['apples']['count']); // negative: a by-reference parameter creates the nested key
    echo $data['apples']['count'];
}
