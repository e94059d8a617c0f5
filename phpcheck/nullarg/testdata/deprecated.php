<?php // riskvet:run
// riskvet:flags -nullarg.deprecated
// Outside strict_types=1, PHP 8.1 and later coerce a null given to a
// built-in's scalar parameter, with a deprecation and no failure: reported
// only with -nullarg.deprecated, which this fixture sets. The label check
// proves each is a deprecation at its line, not an error.
namespace NullArg\Deprecated;

final class AppError extends \RuntimeException {
    public function __construct(?string $why) {
        parent::__construct($why); // not reported: $why is a nullable parameter, unknown at the default level
    }
}

function length(bool $ready): int {
    $s = null;
    if ($ready) {
        $s = 'abc';
    }
    return strlen($s); // want `^\$s may be null here, passed to \$string \(string\) of strlen\(\): deprecated since PHP 8\.1, null becomes "" \(assigned null at line 16\)$`
}

function absolute(bool $ready): int|float {
    $n = $ready ? -2 : null;
    return abs($n); // want `^\$n may be null here, passed to \$num \(int\|float\) of abs\(\): deprecated since PHP 8\.1, null becomes 0 \(`
}

function replaced(bool $ready): string {
    $subject = null;
    if ($ready) {
        $subject = 'a-b';
    }
    return str_replace('-', '+', $subject); // want `passed to \$subject \(array\|string\) of str_replace\(\): deprecated since PHP 8\.1, null becomes ""`
}

function failed(bool $ready): \RuntimeException {
    $code = null;
    if ($ready) {
        $code = 3;
    }
    return new \RuntimeException('failed', $code); // want `passed to \$code \(int\) of Exception::__construct\(\): deprecated since PHP 8\.1, null becomes 0`
}

function testLength(): void { length(false); }
function testAbsolute(): void { absolute(false); }
function testReplaced(): void { replaced(false); }
function testFailed(): void { failed(false); }
function testQuiet(): void { new AppError('x'); }
