<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Laravel-style guard helpers narrow like assert(): abort_unless($c) and
// throw_unless($c) return only where $c holds, abort_if($c) and
// throw_if($c) only where it does not. These definitions are the project's
// own and throw on their condition, as Laravel's do.
declare(strict_types=1);

function abort_if($cond, int $code): void {
    if ($cond) {
        throw new RuntimeException("http $code");
    }
}

function abort_unless($cond, int $code): void {
    if (!$cond) {
        throw new RuntimeException("http $code");
    }
}

function throw_if($cond, string $why = 'failed') {
    if ($cond) {
        throw new RuntimeException($why);
    }
    return $cond;
}

function throw_unless($cond, string $why = 'failed') {
    throw_if(!$cond, $why);
    return $cond;
}

enum Format: string {
    case Csv = 'csv';
    case Xlsx = 'xlsx';
    public function ext(): string { return $this->value; }
}

function unlessNotNull(string $f): string {
    $format = Format::tryFrom($f);
    abort_unless($format !== null, 404);
    return $format->ext(); // not reported: abort_unless returned
}

function ifNull(string $f): string {
    $format = Format::tryFrom($f);
    abort_if($format === null, 404);
    return $format->ext(); // not reported: abort_if returned
}

function throwIfNot(string $f): string {
    $format = Format::tryFrom($f);
    throw_if(!$format, 'unknown format');
    return $format->ext(); // not reported: throw_if returned
}

function throwUnless(string $f): string {
    $format = Format::tryFrom($f);
    throw_unless($format instanceof Format);
    return $format->ext(); // not reported: throw_unless returned
}

function wrongSide(string $f): string {
    $format = Format::tryFrom($f);
    abort_if($format !== null, 409);
    return $format->ext(); // want `^\$format is null here \(Format::tryFrom\(\) returns \?static, checked null at line 64\)$`
}

function testClean(): void {
    unlessNotNull('csv');
    ifNull('csv');
    throwIfNot('xlsx');
    throwUnless('xlsx');
}

function testWrongSide(): void {
    wrongSide('pdf');
}
