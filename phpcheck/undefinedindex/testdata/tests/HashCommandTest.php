<?php
declare(strict_types=1);

// A file under a tests folder is test code: a missing key there fails the
// test, which is its job, and reaches no user. Nothing is reported in it
// by default. (Not run under php: the read below does fail there, as the
// same read in HashOnTest.php, which runs with -undefinedindex.tests,
// shows.)

function hashLine(string $output): string
{
    preg_match('/^Hash: (\S+)$/m', $output, $m);
    return $m[1]; // not reported: test code
}

function testReadBack(): void
{
    echo hashLine('no hash printed');
}
