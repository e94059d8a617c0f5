<?php // riskvet:run
declare(strict_types=1); // riskvet:flags -undefinedindex.strict

// Results of builtins whose keys are not all guaranteed (the table in
// builtins.go). Each test passes the input that makes the key missing.

function splitEmail(string $email): string
{
    [$user, $host] = explode('@', $email); // want col=13 `^explode\(\.\.\.\)\[1\] may be undefined: explode\(\) at line 9 returns one element when the delimiter does not occur$`
    return $user . ($host ?? '');
}

function testExplode(): void
{
    splitEmail('nobody');
    $parts = explode(',', 'a');
    echo $parts[0]; // negative: explode always returns key 0
    echo $parts[2]; // want `\$parts\[2\] may be undefined: explode\(\) at line 16`
    echo explode(':', 'x')[1]; // want `explode\(\.\.\.\)\[1\] may be undefined`
    $limited = explode(',', 'a', -1);
    echo $limited[0] ?? ''; // negative: a negative limit makes the shape unknown (and [] possible)
}

function testExplodeGuards(): void
{
    $parts = explode('@', 'nobody');
    if (count($parts) === 2) {
        echo $parts[1]; // negative: count proves keys 0 and 1
    }
    if (count($parts) < 2) {
        return;
    }
    echo $parts[1]; // negative: early exit on count
}

function testPadded(): void
{
    [$a, $b] = explode('@', 'nobody') + [1 => ''];
    echo $a, $b; // negative: + supplies key 1
    [$c, $d] = array_pad(explode('@', 'nobody'), 2, '');
    echo $c, $d; // negative: array_pad supplies keys 0 and 1
}

function testPregSplit(): void
{
    $words = preg_split('/\s+/', 'one');
    echo $words[0]; // negative: preg_split returns at least one piece
    echo $words[1]; // want `\$words\[1\] may be undefined: preg_split\(\) at line 46 returns one element when the pattern does not match`
    $some = preg_split('/,/', 'a', -1, PREG_SPLIT_NO_EMPTY);
    echo count($some); // negative: with flags the shape is unknown
}

function testStrGetcsv(): void
{
    $row = str_getcsv('single');
    echo $row[0]; // negative: one field at least
    echo $row[1]; // want `\$row\[1\] may be undefined: str_getcsv\(\) at line 55 returns one field when the line has no separator`
}

function testParseUrlHost(): void
{
    $u = parse_url('/relative/path');
    echo $u['host']; // want `^\$u\['host'\] may be undefined: parse_url\(\) at line 62 returns only the components the URL has$`
    if (isset($u['path'])) {
        echo $u['path']; // negative: isset
    }
    echo $u['scheme'] ?? 'http'; // negative: ??
    echo parse_url('x', PHP_URL_HOST) ?? ''; // negative: a component argument returns a string
    echo $u['port']; // want `\$u\['port'\] may be undefined`
    echo $u['nope']; // want `\$u\['nope'\] is not a key of \$u \(keys: 'fragment', 'host', 'pass', 'path', 'port', 'query', 'scheme', 'user', from parse_url\(\) at line 62\)`
}

function testPathinfo(): void
{
    $info = pathinfo('/tmp/README');
    echo $info['basename'], $info['filename']; // negative: always set
    echo $info['extension']; // want `\$info\['extension'\] may be undefined: pathinfo\(\) at line 75 returns no extension for a name without a dot`
    if (array_key_exists('dirname', $info)) {
        echo $info['dirname']; // negative: array_key_exists
    }
}

function testGetimagesize(): void
{
    // A PNG header: getimagesize reads the size from the IHDR chunk and
    // sets bits but not channels, which it sets for JPEG and GIF only.
    $png = "\x89PNG\r\n\x1a\n" . "\x00\x00\x00\x0dIHDR" . pack('NN', 1, 1) . "\x08\x02\x00\x00\x00" . "\x00\x00\x00\x00";
    $file = tempnam(sys_get_temp_dir(), 'rv');
    file_put_contents($file, $png);
    $size = getimagesize($file);
    unlink($file);
    if ($size === false) {
        return;
    }
    echo $size[0], $size['mime']; // negative: always set
    echo $size['channels']; // want `\$size\['channels'\] may be undefined: getimagesize\(\) at line 90 returns channels only for JPEG and GIF images`
}

function testParseStr(): void
{
    parse_str('a=1', $fields);
    echo $fields['b']; // want `\$fields\['b'\] may be undefined: parse_str\(\) at line 101 sets only the fields the query string has`
    echo $fields['a'] ?? ''; // negative: ??
}

function siteUrl(): string
{
    return 'https://example.org/';
}

function testBuiltUrl(): void
{
    $site = parse_url(siteUrl());
    echo $site['host']; // negative: a URL the application builds from its configuration has a host
}
