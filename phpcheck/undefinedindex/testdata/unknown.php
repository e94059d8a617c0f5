<?php
declare(strict_types=1);

// Arrays of unknown shape are never reported, and known arrays become
// unknown when the check cannot follow them.

function params(array $a): void
{
    echo $a['anything']; // negative: a parameter is unknown
    $b = load();
    echo $b['x']; // negative: a call result is unknown
}

function load(): array
{
    return [];
}

function appended(): void
{
    $a = ['x' => 1];
    $a[] = 2;
    echo $a['y']; // negative: appended, so unknown
}

function dynamicKey(string $k): void
{
    $a = ['x' => 1];
    $a[$k] = 2;
    echo $a['y']; // negative: written at a non-constant key
    echo $_GET[$k]; // negative: non-constant keys are not reported
}

function byReference(): void
{
    $a = ['x' => 1];
    sort($a);
    echo $a['y']; // negative: passed to a call that may take it by reference
    $b = ['x' => 1];
    echo count($b), $b['y']; // want `\$b\['y'\] is not a key`
}

function merged(array $params): void
{
    $params += ['port' => 80];
    echo $params['host']; // negative: += merges into a parameter of unknown shape
    $b = ['x' => 1];
    $b += ['y' => 2];
    echo $b['z']; // negative: a compound assignment makes the shape unknown
}

function byRefElement(string $s, Obj $o): void
{
    $b = ['n' => 0];
    sscanf($s, '%d:%d', $b['hour'], $b['minute']);
    echo $b['hour']; // negative: written through sscanf's by-reference parameters
    $o->fill($b['x']);
    echo $b['x']; // negative: a method may take its argument by reference
    echo strlen($b['y']); // want `\$b\['y'\] is not a key`
}

function loopWrites(array $rows): void
{
    $seen = [];
    foreach ($rows as $r) {
        if ($r) {
            echo $seen['done']; // negative: written later in the loop
        }
        $seen['done'] = true;
    }
}

function extracted(array $vars): void
{
    $a = ['x' => 1];
    extract($vars);
    echo $a['y']; // negative: extract may have replaced $a
}

function reassigned(): void
{
    $a = ['x' => 1];
    $a = load();
    echo $a['y']; // negative: reassigned from a call
}

function closures(): void
{
    $a = ['x' => 1];
    $f = function () use ($a) {
        return $a['y']; // want `\$a\['y'\] is not a key of \$a \(keys: 'x'\)`
    };
    $g = function () use (&$a) {
        $a['y'] = 1;
    };
    echo $a['y']; // negative: captured by reference
    if (!isset($_GET['id'])) {
        return;
    }
    $h = fn() => $_GET['id']; // negative: the guard holds in the closure
    $i = function () {
        return $_POST['id']; // want `\$_POST\['id'\]`
    };
}

function guardInCaller(): string
{
    return $_GET['q']; // want `\$_GET\['q'\]`
}

// Top-level code is a scope of its own.
if (!isset($_GET['top'])) {
    exit;
}
echo $_GET['top'];
isset($_GET['t2']) || die('missing');
echo $_GET['t2'];
echo $_GET['t3']; // want `\$_GET\['t3'\]`

class Controller
{
    public function show(): void
    {
        echo $_GET['top']; // want `\$_GET\['top'\]`
    }
}

function tryCatch(): void
{
    try {
        if (!isset($_GET['a'])) {
            throw new \RuntimeException('missing');
        }
        echo $_GET['a']; // negative
    } catch (\RuntimeException $e) {
        echo $_GET['a']; // want `\$_GET\['a'\]`
    }
}

function switches(string $m): void
{
    switch ($m) {
        case 'a':
            echo $_GET['a']; // want `\$_GET\['a'\]`
            break;
        default:
            if (isset($_GET['b'])) {
                echo $_GET['b'];
            }
    }
}

function suppressed(): void
{
    // riskvet:ignore undefinedindex the router guarantees this key
    echo $_GET['route'];
}
