<?php // riskvet:run
declare(strict_types=1);

// Arrays of unknown shape are never reported, and known arrays become
// unknown when the check cannot follow them. Each negative reads a key the
// array really has at run time but that the check could not prove: it
// shows why the shape must become unknown rather than stay known.

function params(array $a): void
{
    echo $a['anything']; // negative: a parameter is unknown
    $b = load();
    echo $b['x']; // negative: a call result is unknown
}

function testParams(): void
{
    params(['anything' => 1]);
}

function load(): array
{
    return ['x' => 1, 'y' => 2];
}

function testAppended(): void
{
    $a = ['x' => 1];
    $a[] = 2;
    echo $a[0]; // negative: appended, so unknown
}

function dynamicKey(string $k): void
{
    $a = ['x' => 1];
    $a[$k] = 2;
    echo $a['y']; // negative: written at a non-constant key
    echo $_GET[$k]; // negative: non-constant keys are not reported
}

function testDynamicKey(): void
{
    $_GET['y'] = '1';
    dynamicKey('y');
    unset($_GET['y']);
}

function testByReference(): void
{
    $a = ['x' => 1];
    sort($a);
    echo $a[0]; // negative: passed to a call that may take it by reference
    $b = ['x' => 1];
    echo count($b), $b['y']; // want `\$b\['y'\] is not a key`
}

function merged(array $params): void
{
    $params += ['port' => 80];
    echo $params['host']; // negative: += merges into a parameter of unknown shape
    $b = ['x' => 1];
    $b += ['y' => 2];
    echo $b['y']; // negative: a compound assignment makes the shape unknown
}

function testMerged(): void
{
    merged(['host' => 'example.org']);
}

class Obj
{
    public function fill(mixed &$v): void
    {
        $v = 'filled';
    }
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

function testByRefElement(): void
{
    byRefElement('10:30', new Obj());
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

function testLoopWrites(): void
{
    loopWrites([false, true]);
}

function extracted(array $vars): void
{
    $a = ['x' => 1];
    extract($vars);
    echo $a['y']; // negative: extract may have replaced $a
}

function testExtracted(): void
{
    extracted(['a' => ['y' => 1]]);
}

function testReassigned(): void
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
    echo $f();
    $own = function (array $a) {
        return $a['y']; // negative: a parameter $a is the closure's own
    };
    echo $own(['y' => 1]);
    $p = fn(array $a) => $a['y']; // negative: so is an arrow function's
    echo $p(['y' => 1]);
    $k = fn() => $a['k']; // want `\$a\['k'\] is not a key of \$a \(keys: 'x'\)`
    echo $k();
    if (isset($a['z'])) {
        $z = function () use ($a) {
            return $a['z']; // negative: the guard holds in the copy
        };
        echo $z();
    }
    $g = function () use (&$a) {
        $a['y'] = 1;
    };
    $g();
    echo $a['y']; // negative: captured by reference
    if (!isset($_GET['id'])) {
        return;
    }
    $h = fn() => $_GET['id']; // negative: the guard holds in the closure
    echo $h();
    $i = function () {
        return $_POST['id']; // want `\$_POST\['id'\]`
    };
    echo $i();
}

function testClosures(): void
{
    $_GET['id'] = '7'; // a request with ?id=7 passes the guard
    closures();
    unset($_GET['id']);
}

function guardInCaller(): string
{
    return $_GET['q']; // want `\$_GET\['q'\]`
}

function testGuardInCaller(): void
{
    // The check does not look at callers, so it reports the read even when
    // they all check the key; this caller does not.
    guardInCaller();
}

// Top-level code is a scope of its own. php-cli has no query string:
// parse_str fills $_GET as a request for ?top=1&t2=1 would, so that the
// guards below pass and the rest of the file runs. It is no guard to the
// check, which forgets what it knew of $_GET when $_GET is passed to a call.
parse_str('top=1&t2=1', $_GET);
if (!isset($_GET['top'])) {
    exit;
}
echo $_GET['top'];
isset($_GET['t2']) || die('missing');
echo $_GET['t2'];
echo $_GET['t3']; // want `\$_GET\['t3'\]`
$_GET = []; // the test functions run with php-cli's empty request

class Controller
{
    public function show(): void
    {
        echo $_GET['top']; // want `\$_GET\['top'\]`
    }
}

function testController(): void
{
    (new Controller())->show();
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

function testTryCatch(): void
{
    $_GET['a'] = '1';
    tryCatch(); // the try block runs to its end
    unset($_GET['a']);
    tryCatch(); // the throw reaches the catch
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

function testSwitches(): void
{
    switches('a');
    switches('b');
}

function suppressed(): void
{
    // riskvet:ignore undefinedindex the router guarantees this key
    echo $_GET['route'];
}

function testSuppressed(): void
{
    $_GET['route'] = '/home'; // what the router guarantees
    suppressed();
    unset($_GET['route']);
}
