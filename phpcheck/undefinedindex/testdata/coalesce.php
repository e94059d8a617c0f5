<?php // riskvet:run
declare(strict_types=1);

// A coalesce compared with its own default proves the key: where the key
// is not set, `$a['k'] ?? ''` is '', so a result other than '' means it
// is. Seen as `if ('' !== ($params['charset'] ?? ''))` after parse_str in
// a database handler (bench/judged/undefinedindex-third-default-2026-12-01.tsv,
// id 5). The query strings below lack every key read.

function testNotTheDefault(): void
{
    parse_str('mode=fast', $opts);
    if ('' !== ($opts['charset'] ?? '')) {
        echo $opts['charset']; // negative: not the default, so set
    }
    if (($opts['socket'] ?? null) !== null) {
        echo $opts['socket']; // negative: the default on the right
    }
    if (null != ($opts['port'] ?? null)) {
        echo $opts['port']; // negative: a loose comparison with the same default
    }
    if (($opts['host'] ?? 'localhost') !== 'localhost') {
        echo $opts['host']; // negative: any constant default
    }
}

function testEqualToTheDefault(): void
{
    parse_str('mode=fast', $opts);
    if (($opts['user'] ?? '') === '') {
        echo $opts['user']; // want `\$opts\['user'\] may be undefined: parse_str\(\) at line 29`
        return;
    }
    echo $opts['user']; // negative: the early return left the default behind
}

function testAnotherConstant(): void
{
    parse_str('mode=fast', $opts);
    if (($opts['kind'] ?? '') === 'table') {
        echo $opts['kind']; // negative: 'table' is not the default, so the key is set
    }
    if ('' !== ($opts['db'] ?? null)) {
        echo $opts['db']; // want `\$opts\['db'\] may be undefined`
    }
    if (($opts['schema'] ?? '') !== 'main') {
        echo $opts['schema']; // want `\$opts\['schema'\] may be undefined`
    }
    if (($opts['limit'] ?? 0) != '') {
        echo $opts['limit']; // want `\$opts\['limit'\] may be undefined`
    }
}

function testTruthyCoalesce(): void
{
    parse_str('mode=fast', $opts);
    if ($opts['debug'] ?? false) {
        echo $opts['debug']; // negative: truthy only when set
    }
    if ($opts['verbose'] ?? true) {
        echo $opts['verbose']; // want `\$opts\['verbose'\] may be undefined`
    }
    $secure = ($opts['tls'] ?? '') !== '';
    if ($secure) {
        echo $opts['tls']; // negative: the flag holds the comparison
    }
}
