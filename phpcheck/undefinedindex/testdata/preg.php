<?php // riskvet:run
declare(strict_types=1); // riskvet:flags -undefinedindex.strict

// preg_match and preg_match_all: a failed match sets no group, and a match
// leaves out the optional groups after the last one that took part.

function testUnchecked(): void
{
    preg_match('/(\d+)-(\d+)/', 'no digits', $m);
    echo $m[1]; // want col=10 `^\$m\[1\] may be undefined: preg_match\(\) at line 9 sets a group only when the pattern matches and the group takes part in the match$`
}

function testChecked(): void
{
    if (preg_match('/(\d+)-(\d+)/', '1-2', $m)) {
        echo $m[0], $m[1], $m[2]; // negative: the match sets every group
    }
    if (preg_match('/(\d+)-(\d+)/', 'x', $m) !== 1) {
        return;
    }
    echo $m[2]; // negative: early exit when it did not match
}

function testOptional(): void
{
    if (preg_match('/(a)(b)?/', 'a', $m) === 1) {
        echo $m[1]; // negative: group 1 is not optional
        echo $m[2]; // want `\$m\[2\] may be undefined: preg_match\(\)`
        echo $m[3]; // want `\$m\[3\] is not a key of \$m \(keys: 0, 1, 2, from preg_match\(\) at line 26\)`
    }
    if (preg_match('/(a)?(b)/', 'b', $m)) {
        echo $m[1], $m[2]; // negative: a later group took part, so group 1 is set (to '')
    }
    if (preg_match('/(x)|(b)/', 'x', $m)) {
        echo $m[2]; // want `\$m\[2\] may be undefined`
    }
    if (preg_match('/(?<year>\d{4})(?:-(?<month>\d\d))?/', '2024', $m)) {
        echo $m['year']; // negative: a named group that is not optional
        echo $m['month']; // want `\$m\['month'\] may be undefined`
    }
    if (preg_match('/(a)(b)?/', 'a', $m, PREG_UNMATCHED_AS_NULL)) {
        echo $m[2] ?? 'none'; // negative: every group is set, to null if unmatched
        var_dump($m[2]); // negative: PREG_UNMATCHED_AS_NULL
    }
}

function testAll(): void
{
    preg_match_all('/(\d)/', 'none', $all);
    echo count($all[1]); // negative: every group has its list, empty without a match
    echo $all[1][0]; // want `\$all\[1\]\[0\] may be undefined: preg_match_all\(\) at line 49 sets no match when the pattern does not match`
    if (preg_match_all('/(\d)/', 'a1', $all) > 0) {
        echo $all[1][0]; // negative: one match at least
    }
}

function dynamicPattern(string $re): void
{
    preg_match($re, 'abc', $m);
    echo $m[0]; // negative: a pattern that is not a literal is not followed
}

function testDynamic(): void
{
    dynamicPattern('/b/');
}

function testResultForms(): void
{
    $found = (bool) preg_match('/(\d+)/', 'x', $m);
    if (!$found) {
        return;
    }
    echo $m[1]; // negative: a (bool) cast keeps the result's truth
}

function testNonEmptyMatches(): void
{
    preg_match('/(a)?(b)/', 'x', $m);
    if (!empty($m)) {
        echo $m[2]; // negative: a non-empty $m means the pattern matched
    }
    preg_match('/(a)?(b)?/', 'ab', $m);
    if (empty($m[2])) {
        return;
    }
    echo $m[1]; // negative: group 2 took part, so group 1 is set
}

function testAlwaysMatches(): void
{
    preg_match('/^\s*/', 'x', $lead);
    echo $lead[0]; // negative: a pattern that matches the empty string matches every subject
    preg_match('/^\s+/', 'x', $ws);
    echo $ws[0]; // want `\$ws\[0\] may be undefined`
}

// switch (true) tests its cases in order, as an if-elseif chain does: a
// case's body runs only where its condition held (real code: a command
// parser telling `name=*default` from `name=default`).
function caseOf(string $spec): string
{
    switch (true) {
        case str_ends_with($spec, '?'):
            return 'optional';
        case preg_match('/(\w+)=(\w+)/', $spec, $m):
            return $m[1] . ':' . $m[2]; // negative: the case matched, so both groups took part
        case preg_match('/(\w+)(!)?/', $spec, $m):
            return $m[2]; // want `\$m\[2\] may be undefined: preg_match\(\) at line \d+ sets a group only when the pattern matches and the group takes part in the match`
        default:
            return 'plain';
    }
}

function testCaseOf(): void
{
    echo caseOf('a?'), caseOf('k=v'), caseOf('x');
}
