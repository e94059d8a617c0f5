<?php
declare(strict_types=1);

// By default parse_url's result is not followed (-undefinedindex.strict
// follows it, as builtins.php shows): the URLs real code parses are mostly
// built by the application or checked by its callers. Not run under php:
// the read below does fail there for a URL without a host.

function hostOf(string $url): string
{
    $u = parse_url($url);
    return $u['host']; // not reported: parse_url is followed only with -undefinedindex.strict
}

function testHostOf(): void
{
    echo hostOf('/relative');
}
