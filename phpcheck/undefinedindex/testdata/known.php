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
