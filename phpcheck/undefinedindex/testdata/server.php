<?php // riskvet:run
declare(strict_types=1);

// $_SERVER keys that only a request carrying them sets. php-cli sets none
// of them, as a request without the header would not.

function testHeaders(): void
{
    echo $_SERVER['HTTP_REFERER']; // want col=10 `^\$_SERVER\['HTTP_REFERER'\] is read without a check that the key exists$`
    echo $_SERVER['HTTP_USER_AGENT']; // want `\$_SERVER\['HTTP_USER_AGENT'\]`
    echo $_SERVER['PHP_AUTH_USER']; // want `\$_SERVER\['PHP_AUTH_USER'\]`
    echo $_SERVER['HTTPS']; // want `\$_SERVER\['HTTPS'\]`
    echo $_SERVER['PHP_SELF']; // negative: set by PHP for every script
    echo $_SERVER['HTTP_REFERER'] ?? ''; // negative: ??
    if (!empty($_SERVER['HTTP_X_FORWARDED_FOR'])) {
        echo $_SERVER['HTTP_X_FORWARDED_FOR']; // negative: !empty
    }
}

function host(): string
{
    return $_SERVER['HTTP_HOST']; // negative: HTTP/1.1 requires Host, and servers reject requests without it
}

function testHost(): void
{
    $_SERVER['HTTP_HOST'] = 'example.org'; // what every web request carries
    echo host();
    unset($_SERVER['HTTP_HOST']);
}

function testGuardInClosure(): void
{
    if (!isset($_SERVER['HTTP_ACCEPT'])) {
        return;
    }
    $f = fn() => $_SERVER['HTTP_ACCEPT']; // negative: the guard holds in the closure
    echo $f();
}
