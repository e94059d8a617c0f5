<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// A call ends the path when the callee never returns: a @phpstan-return or
// @psalm-return never tag, or a body whose every path ends in a call of
// such a function (a die helper wrapping another).
declare(strict_types=1);

class Term {
    public function name(): string { return 't'; }
}

function termOrNull(int $id): ?Term { return $id > 0 ? new Term() : null; }

/** @phpstan-return never */
function stop(string $why): void {
    // Only the tag says it: the body's last call is not a named function.
    (static fn () => throw new RuntimeException($why))();
}

function stopJson(string $why): void {
    echo json_encode(['error' => $why]);
    stop($why);
}

function stopEither(bool $json, string $why) {
    if ($json) {
        stopJson($why);
    } else {
        stop($why);
    }
}

function stopSometimes(bool $really, string $why): void {
    if ($really) {
        stop($why);
    }
}

class Api {
    /** @psalm-return never */
    public function dieWithError(string $why) {
        (static fn () => throw new RuntimeException($why))();
    }

    public function run(int $id): string {
        $t = termOrNull($id);
        if ($t === null) {
            $this->dieWithError('no term');
        }
        return $t->name(); // not reported: dieWithError() is never
    }
}

function viaTag(int $id): string {
    $t = termOrNull($id);
    if (!$t) {
        stop('no term');
    }
    return $t->name(); // not reported: stop() is never
}

function viaWrapper(int $id): string {
    $t = termOrNull($id);
    if (!$t) {
        stopJson('no term');
    }
    return $t->name(); // not reported: stopJson() ends in stop()
}

function viaBranches(int $id): string {
    $t = termOrNull($id);
    if (!$t) {
        stopEither(true, 'no term');
    }
    return $t->name(); // not reported: both branches of stopEither() stop
}

function viaConditional(int $id): string {
    $t = termOrNull($id);
    if (!$t) {
        stopSometimes(false, 'no term');
    }
    return $t->name(); // want `^\$t may be null here \(termOrNull\(\) returns null at noreturn_calls\.php:11\)$`
}

function testClean(): void {
    (new Api())->run(1);
    viaTag(1);
    viaWrapper(1);
    viaBranches(1);
    // With id 0 each of them throws from its stop call before the
    // dereference (not run here: an exception counts as a failure).
}

function testConditional(): void {
    viaConditional(0);
}
