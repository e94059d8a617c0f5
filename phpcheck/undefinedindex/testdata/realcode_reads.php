<?php // riskvet:run
declare(strict_types=1); // riskvet:flags -undefinedindex.strict

// Reads that real projects make after a first read or a call that ends the
// request (bench/judged/undefinedindex-default-2026-12-01.tsv, causes
// "already-used" and "noreturn-call").

/**
 * Runs fn with warnings turned into exceptions, as frameworks do: a failed
 * read stops the function there, so the run shows the first read only.
 */
function strictly(callable $fn): void
{
    set_error_handler(static function (int $no, string $msg, string $file, int $line): bool {
        throw new \ErrorException($msg, 0, $no, $file, $line);
    });
    try {
        $fn();
    } finally {
        restore_error_handler();
    }
}

function portFor(string $url): int
{
    $parsed = parse_url($url);
    $secure = $parsed['scheme'] === 'ssl' || $parsed['scheme'] === 'https'; // want col=15 `\$parsed\[.scheme.\] may be undefined`
    if (!isset($parsed['port'])) {
        if ($parsed['scheme'] === 'https') { // negative: the same key was read (and reported) above; one fix covers both
            return 443;
        }
        return $secure ? 443 : 80;
    }
    return $parsed['port'];
}

function secondPart(string $key, array $row): string
{
    $parts = explode('.', $key);
    if ($parts[0] === 'item' && array_key_exists($parts[1], $row)) { // want `\$parts\[1\] may be undefined: explode\(\) at line 39`
        return (string) $row[$parts[1]]; // negative: reported in the condition above
    }
    return '';
}

function themeFromRequest(): string
{
    $nonce = 'resume-' . $_GET['theme']; // want `\$_GET\['theme'\] is read without a check that the key exists`
    return $nonce . $_GET['theme']; // negative: the first read is the one to fix
}

// One test each: the first failed read ends its test.
function testSecondReadOfAUrlPart(): void
{
    strictly(static fn () => print(portFor('//host/path')));
}

function testSecondReadInAGuardedBranch(): void
{
    strictly(static fn () => print(secondPart('item', ['' => 1])));
}

function testSecondReadOfARequestField(): void
{
    strictly(static fn () => print(themeFromRequest()));
}

function groupAction(): string
{
    $out = '';
    if (!empty($_POST['delete'])) {
        $out .= 'delete ' . $_POST['group']; // want `\$_POST\['group'\] is read without a check`
    }
    if (!empty($_POST['edit'])) {
        $out .= 'edit ' . $_POST['group']; // want `\$_POST\['group'\] is read without a check`
    }
    return $out;
}

// The reads of the same field on two branches are two findings: a request
// reaches either without the other.
function testDeleteWithoutGroup(): void
{
    $_POST = ['delete' => '1'];
    echo groupAction();
    $_POST = [];
}

function testEditWithoutGroup(): void
{
    $_POST = ['edit' => '1'];
    echo groupAction();
    $_POST = [];
}

function stopRequest(): void
{
    echo 'stopped';
    exit(0);
}

/** Ends the request on either path: by a helper that exits, or by exit. */
function sendJson(array $response): void
{
    echo json_encode($response);
    if (PHP_SAPI === 'fpm-fcgi') {
        stopRequest();
    } else {
        die;
    }
}

function sendJsonError(?string $message = null): void
{
    sendJson(['success' => false, 'data' => $message]);
}

function slugFromRequest(): string
{
    if (empty($_POST['slug'])) {
        sendJsonError('no slug');
    }
    return $_POST['slug']; // negative: sendJsonError never returns
}

function attachmentFromRequest(int $id): string
{
    if (empty($_REQUEST['attachments']) || empty($_REQUEST['attachments'][$id])) {
        sendJsonError();
    }
    return $_REQUEST['attachments'][$id]; // negative: empty() of the nested key covers the outer one, and the call ends the request
}

function testNoReturnCalls(): void
{
    $_POST['slug'] = 'hello';
    $_REQUEST['attachments'] = [7 => 'photo'];
    echo slugFromRequest(), attachmentFromRequest(7);
    $_POST = $_REQUEST = [];
}

function maybeStop(bool $really): void
{
    if ($really) {
        exit(1);
    }
}

function slugOrNothing(): string
{
    if (empty($_POST['slug'])) {
        maybeStop(false);
    }
    return $_POST['slug']; // want `\$_POST\['slug'\] is read without a check that the key exists`
}

function testReturningCall(): void
{
    echo slugOrNothing();
}
