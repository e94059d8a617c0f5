<?php // riskvet:run
declare(strict_types=1);

// Request input read at a key without a guard. Under php-cli the
// superglobals are empty, so every positive fails at run time.

function testUnguarded(): void
{
    echo $_GET['page']; // want col=10 `^\$_GET\['page'\] is read without a check that the key exists$`
    echo $_POST["name"]; // want `\$_POST\['name'\]`
    echo $_REQUEST['a'], $_COOKIE['b']; // want `\$_REQUEST\['a'\]` `\$_COOKIE\['b'\]`
    echo $_FILES['upload']['tmp_name']; // want col=10 `\$_FILES\['upload'\]`
    echo $_GET[7]; // want `\$_GET\[7\]`
}

function testIssetBlock(): void
{
    // Negative: read under isset.
    if (isset($_GET['page'])) {
        echo $_GET['page'];
    }
    // Negative: isset of a deeper key proves the first level.
    if (isset($_FILES['f']['name'])) {
        echo $_FILES['f']['name'];
    }
}

function testEarlyReturn(): void
{
    if (!isset($_GET['a'])) {
        return;
    }
    echo $_GET['a']; // negative: early exit
}

function testEarlyReturnEmpty(): void
{
    if (empty($_POST['a'])) {
        return;
    }
    echo $_POST['a']; // negative: !empty holds after the exit
}

function testArrayKeyExists(): void
{
    if (!array_key_exists('id', $_GET)) {
        return;
    }
    echo $_GET['id']; // negative: array_key_exists with an early exit
    if (\key_exists('x', $_POST)) {
        echo $_POST['x']; // negative: key_exists
    }
}

function testCoalesce(): void
{
    echo $_GET['p'] ?? 'default'; // negative: ?? is not a read
    $_COOKIE['c'] ??= 'x';
    echo $_COOKIE['c']; // negative: assigned by ??=
    echo @$_GET['quiet']; // negative: @ silences the warning
}

function testAndOr(): void
{
    if (isset($_GET['a']) && $_GET['a'] === 'x') { // negative: && short-circuits
        echo 1;
    }
    if (!isset($_GET['b']) || $_GET['b'] === '') { // negative: || short-circuits
        echo 2;
    }
    echo isset($_GET['c']) ? $_GET['c'] : 'none'; // negative: ternary arm
    echo empty($_GET['d']) ? 'none' : $_GET['d']; // negative: else arm of empty
}

function testDefaulted(): void
{
    if (!isset($_GET['sort'])) {
        $_GET['sort'] = 'name';
    }
    echo $_GET['sort']; // negative: set on the path where it was missing
}

function testWrites(): void
{
    $_POST['k'] = 1; // negative: a write is not a read
    echo $_POST['k']; // negative: the key now exists
    unset($_POST['k']);
    echo $_POST['k']; // want `\$_POST\['k'\]`
}

function branchGuard(bool $flag): void
{
    if ($flag) {
        if (!isset($_GET['x'])) {
            return;
        }
    }
    // The guard holds on one path only.
    echo $_GET['x']; // want `\$_GET\['x'\]`
}

function testBranchGuard(): void
{
    branchGuard(false);
}

function testElseIf(): void
{
    if (isset($_GET['a'])) {
        echo $_GET['a'];
    } elseif (isset($_GET['b'])) {
        echo $_GET['b'];
    } else {
        echo $_GET['c']; // want `\$_GET\['c'\]`
    }
}
