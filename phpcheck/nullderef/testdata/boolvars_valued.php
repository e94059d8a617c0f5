<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// A flag whose value is a ternary with a falsy constant on one side, or an
// && chain, narrows where it is tested: a truthy flag means the ternary's
// condition held (or failed, when the constant is on the true side).
declare(strict_types=1);

class Results {
    public function hasMore(): bool { return true; }
    public function count(): int { return 3; }
}

function resultsOrNull(bool $some): ?Results { return $some ? new Results() : null; }

function ternaryFlag(bool $some): int {
    $r = resultsOrNull($some);
    $more = $r ? $r->hasMore() : false;
    if ($more) {
        return $r->count(); // not reported: $more is truthy only when $r was
    }
    return 0;
}

function ternaryFlagNullSide(bool $some): int {
    $r = resultsOrNull($some);
    $more = $r === null ? null : $r->hasMore();
    if (!$more) {
        return 0;
    }
    return $r->count(); // not reported: $more is truthy only when $r !== null
}

function andFlag(bool $some): int {
    $r = resultsOrNull($some);
    $more = $r && $r->hasMore();
    if ($more) {
        return $r->count(); // not reported: && tested $r first
    }
    return 0;
}

function ternaryFlagFalseBranch(bool $some): int {
    $r = resultsOrNull($some);
    $more = $r ? $r->hasMore() : false;
    if (!$more) {
        return $r->count(); // want `^\$r may be null here \(resultsOrNull\(\) returns null at boolvars_valued\.php:12\)$`
    }
    return 0;
}

function ternaryTruthyElse(bool $some): int {
    $r = resultsOrNull($some);
    $more = $r ? $r->hasMore() : true;
    if ($more) {
        return $r->count(); // want `^\$r may be null here \(resultsOrNull\(\) returns null at boolvars_valued\.php:12\)$`
    }
    return 0;
}

function testClean(): void {
    ternaryFlag(false);
    ternaryFlag(true);
    ternaryFlagNullSide(false);
    ternaryFlagNullSide(true);
    andFlag(false);
    andFlag(true);
}

function testFalseBranch(): void {
    ternaryFlagFalseBranch(false);
}

function testTruthyElse(): void {
    ternaryTruthyElse(false);
}
