<?php // riskvet:run
declare(strict_types=1); // riskvet:flags -undefinedindex.strict

// A test kept in a variable and tested later, as real code names its
// conditions (bench/judged/undefinedindex-default-2026-12-01.tsv, cause
// "correlated").

function pageName(string $title, string $ns): string
{
    $pieces = explode(':', $title, 2);
    $hasNamespace = $ns !== '0' && count($pieces) === 2;
    $prefix = $hasNamespace ? $pieces[0] : 'Ns' . $ns;
    if ($hasNamespace) {
        return $prefix . '/' . $pieces[1]; // negative: the flag holds the count test
    }
    return $prefix . '/' . $title;
}

function valueOf(string $pair): string
{
    $p = explode('=', $pair);
    $bare = count($p) < 2;
    if ($bare) {
        return '';
    }
    return $p[1]; // negative: the flag was true when there was one piece
}

function testFlags(): void
{
    echo pageName('Talk:Main', '1'), pageName('Main', '1'), pageName('Main', '0');
    echo valueOf('a=b'), valueOf('a');
}

function testStaleFlag(): void
{
    $pieces = explode(':', 'a:b');
    $ok = count($pieces) === 2;
    $pieces = explode(':', 'plain');
    if ($ok) {
        echo $pieces[1]; // want `\$pieces\[1\] may be undefined: explode\(\) at line 39`
    }
    $words = explode(' ', 'one');
    $has = isset($words[1]);
    if (!$has) {
        echo $words[1]; // want `\$words\[1\] may be undefined`
    }
}
