<?php
declare(strict_types=1);

// By default the results of explode, preg_split, str_getcsv and the groups
// of preg_match are not followed (-undefinedindex.strict follows them, as
// builtins.php and preg.php show): on real code the strings split are
// mostly ones the application or a protocol builds with the delimiter in
// them. Not run under php: each read below does fail there for an input
// without the delimiter or a match. A request field is still reported.

function domainOf(string $email): string
{
    [, $domain] = explode('@', $email); // not reported: explode is followed only with -undefinedindex.strict
    return $domain;
}

function yearOf(string $date): string
{
    preg_match('/^(\d{4})-/', $date, $m);
    return $m[1]; // not reported: preg_match's groups are followed only with -undefinedindex.strict
}

function page(): string
{
    return $_GET['page']; // want `\$_GET\['page'\] is read without a check that the key exists`
}

function testSplits(): void
{
    echo domainOf('nobody'), yearOf('soon'), page();
}
