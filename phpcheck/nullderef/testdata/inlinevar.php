<?php // riskvet:run // riskvet:flags -nullderef.level=local
// An inline `/** @var T $x */` before any statement declares $x as T from
// there on, as PHPStan and Psalm read it; before a foreach it types the
// loop variable in every pass.
declare(strict_types=1);

class Tool {
    public function name(): string { return 't'; }
}

function toolOrNull(bool $some): ?Tool { return $some ? new Tool() : null; }

function beforeIf(): string {
    $t = toolOrNull(true);
    /** @var Tool $t */
    if ($t->name() !== '') { // not reported: the @var before the if
        return 'named';
    }
    return '';
}

function beforeExpression(): void {
    $t = toolOrNull(true);
    /** @var Tool $t */
    $t->name(); // not reported: the @var before the call
}

function beforeReturn(): string {
    $t = toolOrNull(true);
    /** @psalm-var Tool $t */
    return $t->name(); // not reported: @psalm-var before the return
}

function phpStormOrder(): string {
    $t = toolOrNull(true);
    /** @var $t Tool */
    return $t->name(); // not reported: PhpStorm's order, name first
}

function bareBeforeAssignment(): string {
    /** @var Tool */
    $t = toolOrNull(true);
    return $t->name(); // not reported: the bare @var types the assigned variable
}

function twoTags(): string {
    $a = toolOrNull(true);
    $b = toolOrNull(true);
    /**
     * @var Tool $a
     * @phpstan-var Tool $b
     */
    echo $a->name();
    return $b->name(); // not reported: both tags hold from the echo on
}

function nullableBeforeStatement(): void {
    $t = toolOrNull(false);
    /** @var Tool|null $t */
    echo $t->name(); // want `\$t may be null here \(@var at line 59 includes null\)`
}

function foreachTyped(array $tools): int {
    $n = 0;
    /** @var Tool $tool */
    foreach ($tools as $tool) {
        $n += strlen($tool->name()); // not reported: typed by the @var before the foreach
    }
    return $n;
}

function foreachNullable(): void {
    /** @var ?Tool $tool */
    foreach ([null] as $tool) {
        echo $tool->name(); // want `\$tool may be null here \(@var at line 73 includes null\)`
    }
}

function testInlineVars(): void {
    beforeIf();
    beforeExpression();
    beforeReturn();
    phpStormOrder();
    bareBeforeAssignment();
    twoTags();
    foreachTyped([new Tool(), new Tool()]);
}

function testNullableBeforeStatement(): void { nullableBeforeStatement(); }
function testForeachNullable(): void { foreachNullable(); }
