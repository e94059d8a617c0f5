<?php // riskvet:run
// riskvet:flags -undefinedindex.tests -undefinedindex.strict
declare(strict_types=1);

// With -undefinedindex.tests, test code is reported like any other.

function digestLine(string $output): string
{
    preg_match('/^Digest: (\S+)$/m', $output, $m);
    return $m[1]; // want `^\$m\[1\] may be undefined: preg_match\(\) at line 9`
}

function testDigestReadBack(): void
{
    echo digestLine('nothing');
}
