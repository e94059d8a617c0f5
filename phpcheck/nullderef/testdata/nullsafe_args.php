<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// The arguments of `$x?->m(args)` are evaluated only when $x is not null:
// PHP short-circuits them with the call.
declare(strict_types=1);

class Clip {
    public function id(): int { return 7; }
    public function link(int $id, string $size): string { return "clip/$id/$size"; }
}

function clipOrNull(int $n): ?Clip { return $n > 0 ? new Clip() : null; }

function argsOfNullsafe(int $n): ?string {
    $clip = clipOrNull($n);
    return $clip?->link($clip->id(), 'small'); // not reported: runs only when $clip is set
}

function nestedArgs(int $n): ?string {
    $clip = clipOrNull($n);
    return $clip?->link(
        $clip->id(), // not reported: an argument of the ?-> call above
        (string) $clip->id(), // not reported: same
    );
}

function afterNullsafe(int $n): int {
    $clip = clipOrNull($n);
    $clip?->link($clip->id(), 'x');
    return $clip->id(); // want `^\$clip may be null here \(clipOrNull\(\) returns null at nullsafe_args\.php:11\)$`
}

function testAll(): void {
    argsOfNullsafe(0);
    argsOfNullsafe(1);
    nestedArgs(0);
    afterNullsafe(0);
}
